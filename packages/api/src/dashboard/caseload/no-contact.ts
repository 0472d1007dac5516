/** Open cases with no contact in the agency's no-contact days: My work's rule (my-work/no-contact-rule.ts) over the dashboard's scope. */
import { sql } from "@lentera/db";
import { day } from "../../my-work/env";
import { lastContactJoins, lastContactOrder, noContactCondition } from "../../my-work/no-contact-rule";
import type { DashboardEnv } from "../env";
import { caseList } from "./list";
import { localDay, riskRank, type CaseSource } from "./source";

export const noContactSource = (env: DashboardEnv): CaseSource => ({ from: sql`cases c`, where: noContactCondition(env) });

/** The last contact's day: the latest attended appointment's day or session day (null when never). */
const lastContactDay = (env: DashboardEnv) => sql`greatest(${localDay(env, sql`last_attended.at`)}, last_session.on_day)`;

/**
 * no_contact (noContact): one row per case. `on` the day of the last contact (null: never), `value`
 * the days since it (or since the opening day when never, as My work counts them); no code, person
 * or target. The longest without contact first, then the highest risk, then case number.
 */
export const noContactList = caseList((env) => ({
  source: noContactSource(env),
  joins: lastContactJoins,
  on: lastContactDay(env),
  value: sql`${day(env.today)} - coalesce(${lastContactDay(env)}, ${localDay(env, sql`c.opened_at`)})`,
  orderBy: sql`${lastContactOrder(env)}, ${riskRank} desc, c.case_number`,
}));
