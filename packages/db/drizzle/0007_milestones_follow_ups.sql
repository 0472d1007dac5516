CREATE TABLE "case_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"catalog_key" text,
	"custom_title" text,
	"domain" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"target_date" date,
	"achieved_on" date,
	"evidence_note" text,
	"goal_key" uuid,
	"verification_required" boolean DEFAULT false NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_milestones_domain_check" CHECK ("case_milestones"."domain" in ('family', 'education', 'livelihood', 'housing', 'health', 'legal', 'community', 'online_safety')),
	CONSTRAINT "case_milestones_status_check" CHECK ("case_milestones"."status" in ('planned', 'in_progress', 'achieved', 'regressed', 'not_applicable')),
	CONSTRAINT "case_milestones_title_check" CHECK (("case_milestones"."catalog_key" is null) <> ("case_milestones"."custom_title" is null)),
	CONSTRAINT "case_milestones_achieved_check" CHECK (("case_milestones"."status" = 'achieved') = ("case_milestones"."achieved_on" is not null)),
	CONSTRAINT "case_milestones_verified_check" CHECK (("case_milestones"."verified_at" is null) = ("case_milestones"."verified_by" is null))
);
--> statement-breakpoint
CREATE TABLE "follow_up_outcomes" (
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"reopened" boolean DEFAULT false NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "follow_up_outcomes_case_id_due_on_pk" PRIMARY KEY("case_id","due_on"),
	CONSTRAINT "follow_up_outcomes_outcome_check" CHECK ("follow_up_outcomes"."outcome" in ('doing_well', 'some_concerns', 'serious_concerns', 'not_reached'))
);
--> statement-breakpoint
CREATE TABLE "milestone_catalog" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"key" text NOT NULL,
	"domain" text NOT NULL,
	"label" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestone_catalog_agency_key_unique" UNIQUE("agency_id","key"),
	CONSTRAINT "milestone_catalog_domain_check" CHECK ("milestone_catalog"."domain" in ('family', 'education', 'livelihood', 'housing', 'health', 'legal', 'community', 'online_safety'))
);
--> statement-breakpoint
CREATE TABLE "milestone_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"achieved_on" date,
	"note" text,
	"actor_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "milestone_events_kind_check" CHECK ("milestone_events"."kind" in ('status', 'verified', 'verification_rejected')),
	CONSTRAINT "milestone_events_status_check" CHECK ("milestone_events"."to_status" in ('planned', 'in_progress', 'achieved', 'regressed', 'not_applicable'))
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "milestone_verification_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "no_contact_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_milestones" ADD CONSTRAINT "case_milestones_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_milestones" ADD CONSTRAINT "case_milestones_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_milestones" ADD CONSTRAINT "case_milestones_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_milestones" ADD CONSTRAINT "case_milestones_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_outcomes" ADD CONSTRAINT "follow_up_outcomes_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_outcomes" ADD CONSTRAINT "follow_up_outcomes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_outcomes" ADD CONSTRAINT "follow_up_outcomes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_catalog" ADD CONSTRAINT "milestone_catalog_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_catalog" ADD CONSTRAINT "milestone_catalog_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_events" ADD CONSTRAINT "milestone_events_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_events" ADD CONSTRAINT "milestone_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_events" ADD CONSTRAINT "milestone_events_milestone_id_case_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."case_milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_events" ADD CONSTRAINT "milestone_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_milestones_case_idx" ON "case_milestones" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_milestones_target_idx" ON "case_milestones" USING btree ("agency_id","target_date") WHERE "case_milestones"."status" in ('planned', 'in_progress', 'regressed');--> statement-breakpoint
CREATE INDEX "case_milestones_unverified_idx" ON "case_milestones" USING btree ("agency_id") WHERE "case_milestones"."status" = 'achieved' and "case_milestones"."verification_required" and "case_milestones"."verified_at" is null;--> statement-breakpoint
CREATE INDEX "milestone_events_milestone_idx" ON "milestone_events" USING btree ("milestone_id","occurred_at");--> statement-breakpoint
CREATE INDEX "milestone_events_case_idx" ON "milestone_events" USING btree ("case_id","occurred_at");--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_no_contact_days_check" CHECK ("agencies"."no_contact_days" between 7 and 365);--> statement-breakpoint
-- Written by hand (drizzle-kit has no triggers): a milestone's history is append-only, so a
-- regression after an achievement can never erase the achievement.
CREATE OR REPLACE FUNCTION milestone_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'milestone_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER milestone_events_append_only
  BEFORE UPDATE OR DELETE ON milestone_events
  FOR EACH ROW EXECUTE FUNCTION milestone_events_refuse_change();
