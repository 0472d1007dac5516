CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"case_id" uuid NOT NULL,
	"flag_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('risk_flag'))
);
--> statement-breakpoint
CREATE TABLE "risk_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"note_id" uuid,
	"kinds" text[] NOT NULL,
	"raised_by" uuid NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"action_taken" text,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "risk_flags_kinds_check" CHECK ("risk_flags"."kinds" <@ array['self_harm', 'suicidal_thoughts', 'exploiter_contact', 'unsafe_home', 'other', 'critical_screening_item']::text[]),
	CONSTRAINT "risk_flags_acknowledged_check" CHECK (("risk_flags"."acknowledged_at" is null) = ("risk_flags"."acknowledged_by" is null) and ("risk_flags"."acknowledged_at" is null or "risk_flags"."action_taken" is not null))
);
--> statement-breakpoint
CREATE TABLE "screening_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"instrument_code" text NOT NULL,
	"instrument_version" integer NOT NULL,
	"session_date" date NOT NULL,
	"answers" text NOT NULL,
	"total" integer,
	"band" text,
	"positive" boolean NOT NULL,
	"critical_items" text[] DEFAULT '{}'::text[] NOT NULL,
	"complete" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_reviews" (
	"screening_id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"reviewed_by" uuid NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "session_note_addenda" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"appointment_id" uuid,
	"counselor_id" uuid NOT NULL,
	"session_date" date NOT NULL,
	"duration_minutes" integer NOT NULL,
	"modality" text NOT NULL,
	"format" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "session_notes_modality_check" CHECK ("session_notes"."modality" in ('in_person', 'phone', 'video', 'chat')),
	CONSTRAINT "session_notes_format_check" CHECK ("session_notes"."format" in ('dap', 'soap', 'birp', 'free')),
	CONSTRAINT "session_notes_status_check" CHECK ("session_notes"."status" in ('draft', 'signed')),
	CONSTRAINT "session_notes_duration_check" CHECK ("session_notes"."duration_minutes" between 1 and 480),
	CONSTRAINT "session_notes_signed_check" CHECK (("session_notes"."status" = 'signed') = ("session_notes"."signed_at" is not null and "session_notes"."signed_by" is not null))
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "default_note_format" text DEFAULT 'dap' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_flag_id_risk_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "public"."risk_flags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_flags" ADD CONSTRAINT "risk_flags_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_flags" ADD CONSTRAINT "risk_flags_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_flags" ADD CONSTRAINT "risk_flags_note_id_session_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."session_notes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_flags" ADD CONSTRAINT "risk_flags_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_flags" ADD CONSTRAINT "risk_flags_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_note_id_session_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."session_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_reviews" ADD CONSTRAINT "screening_reviews_screening_id_screening_results_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screening_results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_reviews" ADD CONSTRAINT "screening_reviews_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_reviews" ADD CONSTRAINT "screening_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note_addenda" ADD CONSTRAINT "session_note_addenda_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note_addenda" ADD CONSTRAINT "session_note_addenda_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note_addenda" ADD CONSTRAINT "session_note_addenda_note_id_session_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."session_notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note_addenda" ADD CONSTRAINT "session_note_addenda_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_counselor_id_users_id_fk" FOREIGN KEY ("counselor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_flag_user_unique" ON "notifications" USING btree ("flag_id","user_id");--> statement-breakpoint
CREATE INDEX "risk_flags_case_idx" ON "risk_flags" USING btree ("case_id","raised_at");--> statement-breakpoint
CREATE INDEX "risk_flags_open_idx" ON "risk_flags" USING btree ("agency_id","raised_at") WHERE "risk_flags"."acknowledged_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "risk_flags_one_open_per_note" ON "risk_flags" USING btree ("note_id") WHERE "risk_flags"."acknowledged_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "screening_results_note_instrument_unique" ON "screening_results" USING btree ("note_id","instrument_code");--> statement-breakpoint
CREATE INDEX "screening_results_case_idx" ON "screening_results" USING btree ("case_id","instrument_code","session_date");--> statement-breakpoint
CREATE INDEX "screening_results_positive_idx" ON "screening_results" USING btree ("agency_id","session_date") WHERE "screening_results"."positive";--> statement-breakpoint
CREATE INDEX "session_note_addenda_note_idx" ON "session_note_addenda" USING btree ("note_id","signed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "session_notes_appointment_unique" ON "session_notes" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "session_notes_case_date_idx" ON "session_notes" USING btree ("case_id","session_date");--> statement-breakpoint
CREATE INDEX "session_notes_unsigned_idx" ON "session_notes" USING btree ("agency_id","created_at") WHERE "session_notes"."status" = 'draft';--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_note_format_check" CHECK ("agencies"."default_note_format" in ('dap', 'soap', 'birp', 'free'));--> statement-breakpoint
-- Written by hand (drizzle-kit has no triggers). A signed session note is never changed again, by
-- the application or anyone else with write access: only the draft -> signed step itself passes.
CREATE OR REPLACE FUNCTION session_notes_refuse_signed_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'signed' THEN
    RAISE EXCEPTION 'session note % is signed: % refused', OLD.id, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER session_notes_signed_locked
  BEFORE UPDATE OR DELETE ON session_notes
  FOR EACH ROW EXECUTE FUNCTION session_notes_refuse_signed_change();
--> statement-breakpoint
-- Addenda are signed when written: never changed or removed.
CREATE OR REPLACE FUNCTION session_note_addenda_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'session note addenda are append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER session_note_addenda_append_only
  BEFORE UPDATE OR DELETE ON session_note_addenda
  FOR EACH ROW EXECUTE FUNCTION session_note_addenda_refuse_change();
--> statement-breakpoint
-- A screening result is locked with its note.
CREATE OR REPLACE FUNCTION screening_results_refuse_signed_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  note_status text;
BEGIN
  SELECT status INTO note_status FROM session_notes
    WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.note_id ELSE NEW.note_id END);
  IF note_status = 'signed' OR (TG_OP = 'UPDATE' AND OLD.note_id <> NEW.note_id) THEN
    RAISE EXCEPTION 'screening result of a signed session note: % refused', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER screening_results_signed_locked
  BEFORE INSERT OR UPDATE OR DELETE ON screening_results
  FOR EACH ROW EXECUTE FUNCTION screening_results_refuse_signed_change();
