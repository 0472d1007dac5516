CREATE TABLE "case_outcome_changes" (
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"instrument_code" text NOT NULL,
	"domain" text NOT NULL,
	"intake_assessment_id" uuid NOT NULL,
	"latest_assessment_id" uuid NOT NULL,
	"latest_assessed_on" date NOT NULL,
	"difference" double precision NOT NULL,
	CONSTRAINT "case_outcome_changes_case_id_instrument_code_domain_pk" PRIMARY KEY("case_id","instrument_code","domain")
);
--> statement-breakpoint
ALTER TABLE "case_outcome_changes" ADD CONSTRAINT "case_outcome_changes_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_outcome_changes" ADD CONSTRAINT "case_outcome_changes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_outcome_changes" ADD CONSTRAINT "case_outcome_changes_intake_assessment_id_outcome_assessments_id_fk" FOREIGN KEY ("intake_assessment_id") REFERENCES "public"."outcome_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_outcome_changes" ADD CONSTRAINT "case_outcome_changes_latest_assessment_id_outcome_assessments_id_fk" FOREIGN KEY ("latest_assessment_id") REFERENCES "public"."outcome_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_outcome_changes_agency_idx" ON "case_outcome_changes" USING btree ("agency_id","instrument_code","domain");--> statement-breakpoint
CREATE INDEX "appointments_agency_starts_idx" ON "appointments" USING btree ("agency_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_agency_open_ends_idx" ON "appointments" USING btree ("agency_id","ends_at") WHERE "appointments"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "session_notes_agency_date_idx" ON "session_notes" USING btree ("agency_id","session_date");--> statement-breakpoint
-- Backfill: the outcome change of every case as it stands (the same query as outcomeChangeRows() in src/outcome-changes.ts).
INSERT INTO "case_outcome_changes" (agency_id, case_id, instrument_code, domain, intake_assessment_id, latest_assessment_id, latest_assessed_on, difference)
SELECT i.agency_id, i.case_id, i.instrument_code, b.v->>'domain', i.id, latest.id, latest.assessed_on,
  (later.score_of->>(b.v->>'domain'))::float8 - (b.v->>'score')::float8
FROM (
  SELECT DISTINCT ON (a.case_id, a.instrument_code) a.id, a.agency_id, a.case_id, a.instrument_code, a.assessed_on, a.domain_scores
  FROM outcome_assessments a
  WHERE a.timepoint = 'intake' AND a.status = 'completed'
  ORDER BY a.case_id, a.instrument_code, a.assessed_on, a.completed_at, a.id
) i
JOIN LATERAL (
  SELECT l.id, l.assessed_on, l.domain_scores FROM outcome_assessments l
  WHERE l.case_id = i.case_id AND l.instrument_code = i.instrument_code AND l.status = 'completed' AND l.assessed_on > i.assessed_on
  ORDER BY l.assessed_on DESC, l.completed_at DESC, l.id DESC
  LIMIT 1
) latest ON true
CROSS JOIN LATERAL (
  SELECT jsonb_object_agg(l.v->>'domain', l.v->'score') AS score_of FROM jsonb_array_elements(latest.domain_scores) l(v)
) later
CROSS JOIN LATERAL jsonb_array_elements(i.domain_scores) b(v)
WHERE jsonb_typeof(b.v->'score') = 'number' AND jsonb_typeof(later.score_of->(b.v->>'domain')) = 'number';
