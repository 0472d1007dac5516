-- Written by hand (drizzle-kit has no extended statistics). A team belongs to one agency, so
-- "agency_id = $1 and team_id in (...)" is far more selective than the planner assumes from the two
-- columns separately; it then scanned every case for a supervisor's My work (81 ms → 9.5 ms at
-- 100,000 cases with this). ANALYZE, run by autovacuum or after a load, fills it.
CREATE STATISTICS IF NOT EXISTS cases_agency_team_stats (dependencies) ON agency_id, team_id FROM cases;
