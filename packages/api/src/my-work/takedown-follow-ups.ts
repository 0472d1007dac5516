/**
 * A social worker's takedown follow-ups (issue #10): takedown requests on the cases whose care team
 * they are on that have had no answer by their follow-up day (`follow_up_due_on`, set when a
 * request is reported or the item reappears, cleared when it is removed or refused), most overdue
 * first. The item's address never leaves the online-harm record: only its kind, the platform's name
 * and the channel.
 */
import type { HarmItemKind, TakedownChannel } from "@lentera/domain";
import { queryRows, sql } from "@lentera/db";
import { countOf, day, mine, myCases, type WorkEnv, type WorkSection } from "./env";

function takedownFollowUpsQuery(env: WorkEnv, limit: number) {
  // From the user's care-team rows (their caseload), then each case's requests due.
  return sql`
    select t.id, c.id as case_id, c.case_number, cl.alias, t.follow_up_due_on::text as due_on, t.reported_on::text as reported_on,
      t.channel, h.kind as item_kind, h.platform_name
    from ${myCases(env)}
    join takedown_requests t on t.case_id = c.id
    join harm_items h on h.id = t.item_id
    where ${mine(env)} and t.follow_up_due_on is not null and t.follow_up_due_on <= ${day(env.today)}
    order by t.follow_up_due_on, t.reported_on, t.id
    limit ${limit}`;
}

export const takedownFollowUps: WorkSection = {
  key: "takedown_follow_up",
  role: "social_worker",
  async list(env, limit) {
    const rows = await queryRows<{
      id: string;
      case_id: string;
      case_number: string;
      alias: string;
      due_on: string;
      reported_on: string;
      channel: TakedownChannel;
      item_kind: HarmItemKind;
      platform_name: string;
    }>(env.ctx.db, takedownFollowUpsQuery(env, limit));
    return rows.map((row) => ({
      kind: "takedown_follow_up" as const,
      caseId: row.case_id,
      caseNumber: row.case_number,
      alias: row.alias,
      dueOn: row.due_on,
      at: null,
      facts: { takedownId: row.id, itemKind: row.item_kind, platformName: row.platform_name, channel: row.channel, reportedOn: row.reported_on },
      link: { page: "case" as const, caseId: row.case_id, targetId: null },
    }));
  },
  count: (env, limit) => countOf(takedownFollowUpsQuery(env, limit)),
};
