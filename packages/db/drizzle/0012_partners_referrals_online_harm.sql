CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"receiver_agency_id" uuid,
	"services" text[] NOT NULL,
	"reason" text NOT NULL,
	"urgency" text NOT NULL,
	"shared_fields" text[] NOT NULL,
	"shared" text NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by" uuid NOT NULL,
	"override_reason" text,
	"override_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"completed_at" timestamp with time zone,
	"feedback" text,
	"receiver_case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "referrals_status_check" CHECK ("referrals"."status" in ('sent', 'accepted', 'declined', 'completed', 'withdrawn')),
	CONSTRAINT "referrals_urgency_check" CHECK ("referrals"."urgency" in ('routine', 'soon', 'urgent')),
	CONSTRAINT "referrals_services_check" CHECK ("referrals"."services" <@ array['medical_care', 'mental_health_care', 'legal_aid', 'police_report', 'prosecution_support', 'shelter', 'education', 'vocational_training', 'economic_support', 'family_support', 'content_takedown', 'hotline_support', 'other']::text[]),
	CONSTRAINT "referrals_shared_fields_check" CHECK ("referrals"."shared_fields" <@ array['alias', 'age_group', 'sex', 'languages', 'harm_types', 'risk_level', 'plan_goals', 'identity']::text[]),
	CONSTRAINT "referrals_override_check" CHECK (("referrals"."override_reason" is null) = ("referrals"."override_by" is null))
);
--> statement-breakpoint
CREATE TABLE "evidence_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"evidence_id" uuid,
	"item_id" uuid,
	"description_ciphertext" text NOT NULL,
	"sha256" text,
	"on" date NOT NULL,
	"partner_id" uuid,
	"person" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evidence_entries_kind_check" CHECK ("evidence_entries"."kind" in ('collected', 'handed_over')),
	CONSTRAINT "evidence_entries_sha256_check" CHECK ("evidence_entries"."sha256" is null or "evidence_entries"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "evidence_entries_shape_check" CHECK (("evidence_entries"."kind" = 'collected' and "evidence_entries"."sha256" is not null and "evidence_entries"."evidence_id" is null) or ("evidence_entries"."kind" = 'handed_over' and "evidence_entries"."evidence_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "harm_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"platform_kind" text NOT NULL,
	"platform_name" text NOT NULL,
	"locator_ciphertext" text NOT NULL,
	"found_on" date NOT NULL,
	"found_by" text NOT NULL,
	"note" text,
	"online" text DEFAULT 'online' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "harm_items_kind_check" CHECK ("harm_items"."kind" in ('intimate_image', 'child_sexual_content', 'ad', 'profile', 'chat', 'other')),
	CONSTRAINT "harm_items_platform_kind_check" CHECK ("harm_items"."platform_kind" in ('social_media', 'messaging', 'adult_site', 'classifieds', 'forum', 'search_engine', 'cloud_storage', 'other')),
	CONSTRAINT "harm_items_found_by_check" CHECK ("harm_items"."found_by" in ('survivor', 'family', 'staff', 'police', 'platform', 'hotline', 'other')),
	CONSTRAINT "harm_items_online_check" CHECK ("harm_items"."online" in ('online', 'removed'))
);
--> statement-breakpoint
CREATE TABLE "legal_processes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"police_report_number_ciphertext" text,
	"investigating_unit_partner_id" uuid,
	"investigating_unit" text,
	"stage" text NOT NULL,
	"stage_on" date NOT NULL,
	"accompaniment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "legal_processes_caseId_unique" UNIQUE("case_id"),
	CONSTRAINT "legal_processes_stage_check" CHECK ("legal_processes"."stage" in ('reported', 'investigation', 'prosecution', 'trial', 'verdict', 'appeal', 'restitution'))
);
--> statement-breakpoint
CREATE TABLE "takedown_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"reported_on" date NOT NULL,
	"reference" text,
	"status" text DEFAULT 'reported' NOT NULL,
	"status_on" date NOT NULL,
	"follow_up_due_on" date,
	"note" text,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "takedown_requests_channel_check" CHECK ("takedown_requests"."channel" in ('platform_report_form', 'trusted_flagger', 'police', 'hotline', 'hash_matching')),
	CONSTRAINT "takedown_requests_status_check" CHECK ("takedown_requests"."status" in ('reported', 'removed', 'refused', 'reappeared'))
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "takedown_follow_up_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "services" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "regions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "contact" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "linked_agency_id" uuid;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_receiver_agency_id_agencies_id_fk" FOREIGN KEY ("receiver_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_override_by_users_id_fk" FOREIGN KEY ("override_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_receiver_case_id_cases_id_fk" FOREIGN KEY ("receiver_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_entries" ADD CONSTRAINT "evidence_entries_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_entries" ADD CONSTRAINT "evidence_entries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_entries" ADD CONSTRAINT "evidence_entries_evidence_id_evidence_entries_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_entries" ADD CONSTRAINT "evidence_entries_item_id_harm_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."harm_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_entries" ADD CONSTRAINT "evidence_entries_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_entries" ADD CONSTRAINT "evidence_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harm_items" ADD CONSTRAINT "harm_items_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harm_items" ADD CONSTRAINT "harm_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harm_items" ADD CONSTRAINT "harm_items_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_processes" ADD CONSTRAINT "legal_processes_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_processes" ADD CONSTRAINT "legal_processes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_processes" ADD CONSTRAINT "legal_processes_investigating_unit_partner_id_partners_id_fk" FOREIGN KEY ("investigating_unit_partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "takedown_requests" ADD CONSTRAINT "takedown_requests_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "takedown_requests" ADD CONSTRAINT "takedown_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "takedown_requests" ADD CONSTRAINT "takedown_requests_item_id_harm_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."harm_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "takedown_requests" ADD CONSTRAINT "takedown_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referrals_case_idx" ON "referrals" USING btree ("case_id","sent_at");--> statement-breakpoint
CREATE INDEX "referrals_receiver_idx" ON "referrals" USING btree ("receiver_agency_id","status","sent_at") WHERE "referrals"."receiver_agency_id" is not null;--> statement-breakpoint
CREATE INDEX "referrals_agency_status_idx" ON "referrals" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "evidence_entries_case_idx" ON "evidence_entries" USING btree ("case_id","recorded_at");--> statement-breakpoint
CREATE INDEX "harm_items_case_idx" ON "harm_items" USING btree ("case_id","found_on");--> statement-breakpoint
CREATE INDEX "harm_items_agency_idx" ON "harm_items" USING btree ("agency_id","online");--> statement-breakpoint
CREATE INDEX "legal_processes_agency_stage_idx" ON "legal_processes" USING btree ("agency_id","stage");--> statement-breakpoint
CREATE INDEX "takedown_requests_item_idx" ON "takedown_requests" USING btree ("item_id","reported_on");--> statement-breakpoint
CREATE INDEX "takedown_requests_follow_up_idx" ON "takedown_requests" USING btree ("agency_id","follow_up_due_on") WHERE "takedown_requests"."follow_up_due_on" is not null;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_linked_agency_id_agencies_id_fk" FOREIGN KEY ("linked_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_takedown_follow_up_days_check" CHECK ("agencies"."takedown_follow_up_days" between 1 and 90);--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_services_check" CHECK ("partners"."services" <@ array['medical_care', 'mental_health_care', 'legal_aid', 'police_report', 'prosecution_support', 'shelter', 'education', 'vocational_training', 'economic_support', 'family_support', 'content_takedown', 'hotline_support', 'other']::text[]);--> statement-breakpoint
-- Written by hand (drizzle-kit has no triggers): the evidence log is a chain of custody, so no
-- entry is ever changed or removed, by the application or anyone else; a correction is a new entry.
CREATE OR REPLACE FUNCTION evidence_entries_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'evidence_entries is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evidence_entries_append_only
  BEFORE UPDATE OR DELETE ON evidence_entries
  FOR EACH ROW EXECUTE FUNCTION evidence_entries_refuse_change();
