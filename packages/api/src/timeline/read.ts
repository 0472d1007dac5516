import { type z } from "zod";
import { TIMELINE_KINDS, timelineEntrySchema, type Timeline, type TimelineEntry, type timelineInput } from "@lentera/domain";
import { queryRows, sql } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { sessionAccess } from "../sessions/access";
import { agencyTimeZone } from "../appointments/load";
import { TIMELINE_BRANCHES } from "./branches";

interface Row extends Record<string, unknown> {
  id: string;
  at_ms: number;
  kind: string;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  facts: unknown;
  link: unknown;
}

/** jsonb arrives parsed from one driver and as text from another. */
const json = (value: unknown): unknown => (typeof value === "string" ? JSON.parse(value) : value);

/** Facts carry instants as epoch milliseconds under keys ending in "At"; they become Dates again. */
function withDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withDates);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, key.endsWith("At") && typeof inner === "number" ? new Date(inner) : withDates(inner)]),
  );
}

/**
 * A case's timeline, newest first, a page at a time: anyone who may read the case (NOT_FOUND
 * otherwise). Entries are facts only (see branches.ts); the reader's clinical access adds nothing
 * but the link from a session to its note.
 */
export async function caseTimeline(ctx: AuthedContext, input: z.output<typeof timelineInput>): Promise<Timeline> {
  const access = await sessionAccess(ctx, input.caseId);
  const timeZone = await agencyTimeZone(ctx);
  const kinds = input.kinds?.length ? input.kinds : TIMELINE_KINDS;
  const options = { caseId: access.handle.id, clinical: access.clinical, timeZone };
  const branches = kinds.flatMap((kind) => TIMELINE_BRANCHES[kind](options));
  const union = sql.join(
    branches.map((branch) => sql`select * from (${branch}) as b(id, at, kind, action, actor_id, facts, link)`),
    sql` union all `,
  );
  const before = input.before ? sql`(t.at, t.id) < (${input.before.at.toISOString()}::timestamptz, ${input.before.id})` : sql`true`;
  const rows = await queryRows<Row>(
    ctx.db,
    sql`select t.id, (extract(epoch from t.at) * 1000)::float8 as at_ms, t.kind, t.action, t.actor_id, u.display_name as actor_name, t.facts, t.link
      from (${union}) t
      left join users u on u.id = t.actor_id
      where t.at is not null and ${before}
      order by t.at desc, t.id desc
      limit ${input.limit + 1}`,
  );
  const entries: TimelineEntry[] = rows.slice(0, input.limit).map((row) =>
    timelineEntrySchema.parse({
      id: row.id,
      at: new Date(Number(row.at_ms)),
      kind: row.kind,
      action: row.action,
      actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? "" } : null,
      facts: withDates(json(row.facts)),
      link: json(row.link),
    }),
  );
  const last = entries.at(-1);
  return {
    caseId: access.handle.id,
    clinical: access.clinical,
    entries,
    nextCursor: rows.length > input.limit && last ? { at: last.at, id: last.id } : null,
  };
}
