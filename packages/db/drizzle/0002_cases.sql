CREATE TABLE "break_glass_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "break_glass_span_check" CHECK ("break_glass_grants"."expires_at" > "break_glass_grants"."granted_at")
);
--> statement-breakpoint
CREATE TABLE "case_care_team" (
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"role" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"case_opened_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_care_team_case_id_user_id_pk" PRIMARY KEY("case_id","user_id"),
	CONSTRAINT "case_care_team_role_check" CHECK ("case_care_team"."role" in ('primary_social_worker', 'social_worker', 'counselor'))
);
--> statement-breakpoint
CREATE TABLE "case_number_counters" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "case_number_counters_agency_id_year_pk" PRIMARY KEY("agency_id","year")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"case_number" text NOT NULL,
	"status" text DEFAULT 'intake' NOT NULL,
	"risk_level" text NOT NULL,
	"risk_concerns" text,
	"harm_types" text[] NOT NULL,
	"referral_source" text NOT NULL,
	"safety_notes" text,
	"primary_social_worker_id" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closure_reason" text,
	"follow_up_dates" date[],
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "cases_agency_number_unique" UNIQUE("agency_id","case_number"),
	CONSTRAINT "cases_client_unique" UNIQUE("client_id"),
	CONSTRAINT "cases_status_check" CHECK ("cases"."status" in ('intake', 'active', 'on_hold', 'closed')),
	CONSTRAINT "cases_risk_check" CHECK ("cases"."risk_level" in ('low', 'medium', 'high', 'critical')),
	CONSTRAINT "cases_referral_check" CHECK ("cases"."referral_source" in ('police', 'hotline', 'school', 'health_facility', 'ngo', 'platform_report', 'self', 'family')),
	CONSTRAINT "cases_harm_types_check" CHECK (cardinality("cases"."harm_types") >= 1 and "cases"."harm_types" <@ array['online_sexual_exploitation', 'online_prostitution', 'ncii', 'csam', 'sextortion', 'grooming', 'trafficking', 'other']::text[]),
	CONSTRAINT "cases_closure_reason_check" CHECK ("cases"."closure_reason" is null or "cases"."closure_reason" in ('goals_achieved', 'transferred', 'client_declined', 'moved_away', 'lost_contact', 'deceased', 'other')),
	CONSTRAINT "cases_closed_check" CHECK (("cases"."status" = 'closed') = ("cases"."closed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"alias" text NOT NULL,
	"birth_date" date,
	"estimated_age" integer,
	"sex" text NOT NULL,
	"gender" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"disability" text,
	"guardian_relationship" text,
	"country" text NOT NULL,
	"province" text,
	"regency_city" text,
	"district" text,
	"identity_ciphertext" text NOT NULL,
	"name_birth_hmac" text,
	"identity_number_hmacs" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "clients_sex_check" CHECK ("clients"."sex" in ('female', 'male', 'intersex', 'unknown')),
	CONSTRAINT "clients_country_check" CHECK ("clients"."country" in ('ID', 'VN')),
	CONSTRAINT "clients_age_check" CHECK ("clients"."estimated_age" is null or "clients"."estimated_age" between 0 and 120)
);
--> statement-breakpoint
CREATE TABLE "closure_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"requested_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"comment" text,
	CONSTRAINT "closure_requests_status_check" CHECK ("closure_requests"."status" in ('pending', 'approved', 'returned')),
	CONSTRAINT "closure_requests_reason_check" CHECK ("closure_requests"."reason" in ('goals_achieved', 'transferred', 'client_declined', 'moved_away', 'lost_contact', 'deceased', 'other'))
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"given_by" text NOT NULL,
	"given_on" date NOT NULL,
	"expires_on" date,
	"withdrawn_on" date,
	"withdrawal_reason" text,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "consents_scope_check" CHECK ("consents"."scope" in ('services', 'data_processing', 'information_sharing', 'referral', 'reporting')),
	CONSTRAINT "consents_given_by_check" CHECK ("consents"."given_by" in ('client', 'guardian')),
	CONSTRAINT "consents_expiry_check" CHECK ("consents"."expires_on" is null or "consents"."expires_on" > "consents"."given_on"),
	CONSTRAINT "consents_withdrawal_check" CHECK ("consents"."withdrawn_on" is null or "consents"."withdrawn_on" >= "consents"."given_on")
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_care_team" ADD CONSTRAINT "case_care_team_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_care_team" ADD CONSTRAINT "case_care_team_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_care_team" ADD CONSTRAINT "case_care_team_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_number_counters" ADD CONSTRAINT "case_number_counters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_primary_social_worker_id_users_id_fk" FOREIGN KEY ("primary_social_worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closure_requests" ADD CONSTRAINT "closure_requests_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closure_requests" ADD CONSTRAINT "closure_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closure_requests" ADD CONSTRAINT "closure_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closure_requests" ADD CONSTRAINT "closure_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "break_glass_user_case_idx" ON "break_glass_grants" USING btree ("user_id","case_id","expires_at");--> statement-breakpoint
CREATE INDEX "break_glass_case_idx" ON "break_glass_grants" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_care_team_user_opened_idx" ON "case_care_team" USING btree ("user_id","case_opened_at","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_care_team_one_primary" ON "case_care_team" USING btree ("case_id") WHERE "case_care_team"."role" = 'primary_social_worker';--> statement-breakpoint
CREATE INDEX "cases_team_opened_idx" ON "cases" USING btree ("agency_id","team_id","opened_at","id");--> statement-breakpoint
CREATE INDEX "cases_agency_opened_idx" ON "cases" USING btree ("agency_id","opened_at","id");--> statement-breakpoint
CREATE INDEX "cases_primary_worker_idx" ON "cases" USING btree ("primary_social_worker_id");--> statement-breakpoint
CREATE INDEX "clients_agency_alias_idx" ON "clients" USING btree ("agency_id",lower("alias") collate "C");--> statement-breakpoint
CREATE INDEX "clients_agency_name_birth_idx" ON "clients" USING btree ("agency_id","name_birth_hmac");--> statement-breakpoint
CREATE INDEX "clients_identity_numbers_idx" ON "clients" USING gin ("identity_number_hmacs");--> statement-breakpoint
CREATE UNIQUE INDEX "closure_requests_one_pending" ON "closure_requests" USING btree ("case_id") WHERE "closure_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "consents_case_idx" ON "consents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "audit_events_case_idx" ON "audit_events" USING btree ("case_id","id");