-- The application's role and row-level security (README "Defense in depth in Postgres").
-- lentera_app is what every authenticated request runs as (SET LOCAL ROLE in its transaction,
-- packages/api/src/db-scope.ts) and what the production login role is a member of: it reads and
-- writes rows, never the schema, and appends to the audit trail without changing it. The owner
-- (the role that runs these migrations) keeps everything else.
--
-- Roles are cluster-wide and test runs migrate several databases at once: two migrations may both
-- see no role and race to create it, so the loser's duplicate is caught.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lentera_app') THEN
    BEGIN
      CREATE ROLE lentera_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
END
$$;
--> statement-breakpoint
-- No DDL for anyone but the owner (Postgres 15 already says so; older ones gave CREATE to PUBLIC).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO lentera_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO lentera_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO lentera_app;
--> statement-breakpoint
-- Append-only by privilege as well as by trigger: the audit trail, the addenda of signed notes,
-- the milestone history and the evidence log. The chain heads move only through the SECURITY
-- DEFINER trigger of 0014.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, session_note_addenda, milestone_events, evidence_entries FROM lentera_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_heads FROM lentera_app;
--> statement-breakpoint
-- /readyz asks whether the migrations are applied.
GRANT USAGE ON SCHEMA drizzle TO lentera_app;
--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO lentera_app;
--> statement-breakpoint
-- Tables of later migrations get the same row privileges (an append-only one must REVOKE, and a
-- table with agency_id must enable row-level security: packages/db/src/app-role.test.ts fails
-- until it does).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO lentera_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO lentera_app;
--> statement-breakpoint
-- The request's agency, user and clock (set_config(..., true) in the request's transaction). An
-- unset or emptied setting is NULL, and `agency_id = NULL` is never true: no scope, no rows.
CREATE OR REPLACE FUNCTION app_agency_id() RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.agency_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
-- The request's clock (tests and the demo move it), so a break-glass grant ends when the API says.
CREATE OR REPLACE FUNCTION app_now() RETURNS timestamptz
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce(nullif(current_setting('app.now', true), '')::timestamptz, now()) $$;
--> statement-breakpoint
-- caseAccess() of @lentera/domain in SQL: the request's user is on the case's care team, supervises
-- its team, or holds a live break-glass grant. SECURITY DEFINER so that it reads the membership
-- tables past their own policies; it answers only about the request's own user.
CREATE OR REPLACE FUNCTION app_case_reachable(target uuid) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  SELECT EXISTS (SELECT 1 FROM case_care_team cct WHERE cct.case_id = target AND cct.user_id = app_user_id())
    OR EXISTS (
      SELECT 1 FROM cases c
      JOIN team_memberships tm ON tm.team_id = c.team_id AND tm.user_id = app_user_id()
      JOIN users u ON u.id = tm.user_id AND 'supervisor' = ANY (u.roles)
      WHERE c.id = target AND c.agency_id = u.agency_id)
    OR EXISTS (
      SELECT 1 FROM break_glass_grants bg
      WHERE bg.case_id = target AND bg.user_id = app_user_id() AND bg.expires_at > app_now())
$$;
--> statement-breakpoint
-- Tenant isolation: every table of an agency's data shows lentera_app only the request's agency.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'appointments', 'break_glass_grants', 'case_care_team', 'case_milestones',
    'case_number_counters', 'case_outcome_changes', 'cases', 'clients', 'closure_requests', 'consents',
    'follow_up_outcomes', 'goal_reviews', 'harm_items', 'legal_processes', 'milestone_catalog',
    'milestone_events', 'notifications', 'outcome_assessments', 'outcome_instruments', 'partners',
    'plan_goals', 'plan_interventions', 'plan_versions', 'risk_flags', 'screening_results',
    'screening_reviews', 'session_notes', 'takedown_requests', 'teams'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I FOR ALL TO lentera_app USING (agency_id = app_agency_id()) WITH CHECK (agency_id = app_agency_id())',
      t || '_agency', t);
  END LOOP;
END
$$;
--> statement-breakpoint
-- Case-level: the addenda of signed notes and the evidence log are read only inside a case the user
-- can open (no list, dashboard or count reads them), so the database asks caseAccess() itself.
ALTER TABLE session_note_addenda ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY session_note_addenda_case ON session_note_addenda FOR ALL TO lentera_app
  USING (agency_id = app_agency_id() AND app_case_reachable(case_id))
  WITH CHECK (agency_id = app_agency_id() AND app_case_reachable(case_id));
--> statement-breakpoint
ALTER TABLE evidence_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY evidence_entries_case ON evidence_entries FOR ALL TO lentera_app
  USING (agency_id = app_agency_id() AND app_case_reachable(case_id))
  WITH CHECK (agency_id = app_agency_id() AND app_case_reachable(case_id));
--> statement-breakpoint
-- A referral to a linked agency is the receiving agency's too: it lists, accepts or declines it.
ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY referrals_sender_or_receiver ON referrals FOR ALL TO lentera_app
  USING (agency_id = app_agency_id() OR receiver_agency_id = app_agency_id())
  WITH CHECK (agency_id = app_agency_id() OR receiver_agency_id = app_agency_id());
--> statement-breakpoint
-- The audit trail: an agency reads its own events; events are appended for any agency (sign-in
-- before the agency is known, a referral's event in the receiving agency's trail).
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_events_read_own ON audit_events FOR SELECT TO lentera_app USING (agency_id = app_agency_id());
--> statement-breakpoint
CREATE POLICY audit_events_append ON audit_events FOR INSERT TO lentera_app WITH CHECK (true);
--> statement-breakpoint
-- Users and calendar feed tokens hold no case data, and sign-in, the session lookup and the calendar
-- feed find a user before any agency is known (outside a request's scope). Inside a request's
-- scope, only its agency's rows.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['users', 'calendar_feed_tokens'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I FOR ALL TO lentera_app USING (app_agency_id() IS NULL OR agency_id = app_agency_id()) WITH CHECK (app_agency_id() IS NULL OR agency_id = app_agency_id())',
      t || '_agency_in_scope', t);
  END LOOP;
END
$$;
