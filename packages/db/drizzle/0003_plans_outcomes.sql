CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "partners_agency_name_unique" UNIQUE("agency_id","name"),
	CONSTRAINT "partners_kind_check" CHECK ("partners"."kind" in ('health', 'mental_health', 'legal_aid', 'police_unit', 'prosecutor', 'shelter', 'school', 'vocational_training', 'platform_contact', 'hotline', 'ngo', 'other')),
	CONSTRAINT "partners_name_check" CHECK (length(trim("partners"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "goal_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"goal_key" uuid NOT NULL,
	"plan_version_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"progress" integer,
	"rating" text,
	"note" text,
	"reviewed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_reviews_progress_check" CHECK ("goal_reviews"."progress" is null or "goal_reviews"."progress" between 0 and 100),
	CONSTRAINT "goal_reviews_rating_check" CHECK ("goal_reviews"."rating" is null or "goal_reviews"."rating" in ('regressed', 'no_change', 'some_progress', 'good_progress', 'achieved')),
	CONSTRAINT "goal_reviews_measure_check" CHECK ("goal_reviews"."progress" is not null or "goal_reviews"."rating" is not null)
);
--> statement-breakpoint
CREATE TABLE "plan_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"plan_version_id" uuid NOT NULL,
	"goal_key" uuid NOT NULL,
	"position" integer NOT NULL,
	"domain" text NOT NULL,
	"outcome_domain" text,
	"title" text NOT NULL,
	"description" text,
	"baseline" text,
	"target" text,
	"owner_user_id" uuid,
	"owner_partner_id" uuid,
	"target_date" date,
	"status" text DEFAULT 'not_started' NOT NULL,
	"review_due_on" date,
	CONSTRAINT "plan_goals_version_key_unique" UNIQUE("plan_version_id","goal_key"),
	CONSTRAINT "plan_goals_domain_check" CHECK ("plan_goals"."domain" in ('physical', 'psychological', 'social', 'legal', 'education', 'economic', 'safety')),
	CONSTRAINT "plan_goals_status_check" CHECK ("plan_goals"."status" in ('not_started', 'in_progress', 'achieved', 'discontinued')),
	CONSTRAINT "plan_goals_one_owner_check" CHECK ("plan_goals"."owner_user_id" is null or "plan_goals"."owner_partner_id" is null)
);
--> statement-breakpoint
CREATE TABLE "plan_interventions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"provider_partner_id" uuid,
	"provider_name" text,
	"frequency" text,
	"start_date" date,
	"end_date" date,
	CONSTRAINT "plan_interventions_type_check" CHECK ("plan_interventions"."type" in ('counseling', 'psychiatric_care', 'medical_care', 'legal_aid', 'shelter', 'family_support', 'education_support', 'vocational_training', 'financial_support', 'peer_support', 'online_safety', 'other')),
	CONSTRAINT "plan_interventions_span_check" CHECK ("plan_interventions"."end_date" is null or "plan_interventions"."start_date" is null or "plan_interventions"."end_date" >= "plan_interventions"."start_date")
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"based_on_version_id" uuid,
	"drafted_by" uuid NOT NULL,
	"last_edited_by" uuid NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_versions_case_number_unique" UNIQUE("case_id","number"),
	CONSTRAINT "plan_versions_status_check" CHECK ("plan_versions"."status" in ('draft', 'submitted', 'returned', 'approved', 'superseded')),
	CONSTRAINT "plan_versions_approved_check" CHECK (("plan_versions"."status" in ('approved', 'superseded')) = ("plan_versions"."approved_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "outcome_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"instrument_code" text NOT NULL,
	"instrument_version" integer NOT NULL,
	"timepoint" text NOT NULL,
	"assessed_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"domain_scores" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"assessed_by" uuid NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "outcome_assessments_timepoint_check" CHECK ("outcome_assessments"."timepoint" in ('intake', 'six_months', 'annual', 'closure', 'ad_hoc')),
	CONSTRAINT "outcome_assessments_status_check" CHECK ("outcome_assessments"."status" in ('draft', 'completed')),
	CONSTRAINT "outcome_assessments_completed_check" CHECK (("outcome_assessments"."status" = 'completed') = ("outcome_assessments"."completed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "outcome_instruments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_instruments_agency_code_version_unique" UNIQUE("agency_id","code","version")
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "optional_plan_domains" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "allow_plan_self_approval" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "review_interval_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reviews" ADD CONSTRAINT "goal_reviews_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reviews" ADD CONSTRAINT "goal_reviews_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reviews" ADD CONSTRAINT "goal_reviews_plan_version_id_plan_versions_id_fk" FOREIGN KEY ("plan_version_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reviews" ADD CONSTRAINT "goal_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_plan_version_id_plan_versions_id_fk" FOREIGN KEY ("plan_version_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_owner_partner_id_partners_id_fk" FOREIGN KEY ("owner_partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_interventions" ADD CONSTRAINT "plan_interventions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_interventions" ADD CONSTRAINT "plan_interventions_goal_id_plan_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."plan_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_interventions" ADD CONSTRAINT "plan_interventions_provider_partner_id_partners_id_fk" FOREIGN KEY ("provider_partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_based_on_version_id_plan_versions_id_fk" FOREIGN KEY ("based_on_version_id") REFERENCES "public"."plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_last_edited_by_users_id_fk" FOREIGN KEY ("last_edited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_assessments" ADD CONSTRAINT "outcome_assessments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_assessments" ADD CONSTRAINT "outcome_assessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_assessments" ADD CONSTRAINT "outcome_assessments_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_instruments" ADD CONSTRAINT "outcome_instruments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_instruments" ADD CONSTRAINT "outcome_instruments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_reviews_case_goal_idx" ON "goal_reviews" USING btree ("case_id","goal_key","reviewed_on");--> statement-breakpoint
CREATE INDEX "plan_goals_review_due_idx" ON "plan_goals" USING btree ("agency_id","review_due_on") WHERE "plan_goals"."review_due_on" is not null;--> statement-breakpoint
CREATE INDEX "plan_interventions_goal_idx" ON "plan_interventions" USING btree ("goal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_one_open" ON "plan_versions" USING btree ("case_id") WHERE "plan_versions"."status" in ('draft', 'submitted', 'returned');--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_one_in_force" ON "plan_versions" USING btree ("case_id") WHERE "plan_versions"."status" = 'approved';--> statement-breakpoint
CREATE INDEX "outcome_assessments_case_idx" ON "outcome_assessments" USING btree ("case_id","assessed_on");--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_plan_domains_check" CHECK ("agencies"."optional_plan_domains" <@ array['legal', 'education', 'economic', 'safety']::text[]);--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_review_interval_check" CHECK ("agencies"."review_interval_days" between 7 and 365);