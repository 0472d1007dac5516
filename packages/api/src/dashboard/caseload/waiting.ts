/** Plans and closures waiting for a supervisor's decision (My work's rules, over the dashboard's scope). */
import { sql } from "@lentera/db";
import { uuid } from "../../my-work/env";
import type { DashboardEnv } from "../env";
import { caseList } from "./list";
import { localDay, type CaseSource } from "./source";

/** Plan versions submitted for approval (plan_versions_submitted_idx). */
export const plansWaitingSource = (env: DashboardEnv): CaseSource => ({
  from: sql`plan_versions pv join cases c on c.id = pv.case_id`,
  where: sql`pv.agency_id = ${uuid(env.agencyId)} and pv.status = 'submitted'`,
});

/** Closure requests pending (closure_requests_pending_idx). */
export const closuresWaitingSource = (env: DashboardEnv): CaseSource => ({
  from: sql`closure_requests r join cases c on c.id = r.case_id`,
  where: sql`r.agency_id = ${uuid(env.agencyId)} and r.status = 'pending'`,
});

/**
 * plans_waiting (waiting.plans): one row per submitted plan version. `on` the day it was submitted,
 * `person` who submitted it, `targetId` the plan version; no value or code. The longest waiting first.
 */
export const plansWaitingList = caseList((env) => ({
  source: plansWaitingSource(env),
  joins: sql`left join users sb on sb.id = pv.submitted_by`,
  on: localDay(env, sql`pv.submitted_at`),
  personId: sql`sb.id`,
  personName: sql`sb.display_name`,
  targetId: sql`pv.id`,
  orderBy: sql`pv.submitted_at nulls last, c.case_number, pv.id`,
}));

/**
 * closures_waiting (waiting.closures): one row per pending closure request. `on` the day it was
 * requested, `code` the closure reason asked for, `person` who asked, `targetId` the request; no
 * value. The longest waiting first.
 */
export const closuresWaitingList = caseList((env) => ({
  source: closuresWaitingSource(env),
  joins: sql`join users rb on rb.id = r.requested_by`,
  on: localDay(env, sql`r.requested_at`),
  code: sql`r.reason`,
  personId: sql`rb.id`,
  personName: sql`rb.display_name`,
  targetId: sql`r.id`,
  orderBy: sql`r.requested_at, c.case_number, r.id`,
}));
