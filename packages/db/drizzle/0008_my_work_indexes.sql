CREATE INDEX "break_glass_unreviewed_idx" ON "break_glass_grants" USING btree ("agency_id","granted_at") WHERE "break_glass_grants"."reviewed_at" is null;--> statement-breakpoint
CREATE INDEX "closure_requests_case_idx" ON "closure_requests" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "closure_requests_pending_idx" ON "closure_requests" USING btree ("agency_id","requested_at") WHERE "closure_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "plan_versions_submitted_idx" ON "plan_versions" USING btree ("agency_id","submitted_at") WHERE "plan_versions"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "appointments_case_open_ends_idx" ON "appointments" USING btree ("case_id","ends_at") WHERE "appointments"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "session_notes_counselor_drafts_idx" ON "session_notes" USING btree ("counselor_id","created_at") WHERE "session_notes"."status" = 'draft';