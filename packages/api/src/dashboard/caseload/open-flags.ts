/** Risk flags not yet acknowledged (the supervision queue's rule, risk_flags_open_idx). */
import { sql } from "@lentera/db";
import { uuid } from "../../my-work/env";
import type { DashboardEnv } from "../env";
import { caseList } from "./list";
import { localDay, type CaseSource } from "./source";

export const openFlagsSource = (env: DashboardEnv): CaseSource => ({
  from: sql`risk_flags f join cases c on c.id = f.case_id`,
  where: sql`f.agency_id = ${uuid(env.agencyId)} and f.acknowledged_at is null`,
});

/**
 * open_flags (openFlags): one row per open flag. `on` the day it was raised, `code` its kinds
 * (RISK_FLAG_KINDS, comma-separated), `person` who raised it, `targetId` the flag; no value. The
 * longest open first.
 */
export const openFlagsList = caseList((env) => ({
  source: openFlagsSource(env),
  joins: sql`join users rb on rb.id = f.raised_by`,
  on: localDay(env, sql`f.raised_at`),
  code: sql`array_to_string(f.kinds, ',')`,
  personId: sql`rb.id`,
  personName: sql`rb.display_name`,
  targetId: sql`f.id`,
  orderBy: sql`f.raised_at, c.case_number, f.id`,
}));
