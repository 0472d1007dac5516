import { z } from "zod";
import { DomainError, type listCasesInput, RISK_LEVELS } from "@lentera/domain";
import {
  and,
  asc,
  caseCareTeam,
  cases,
  clients,
  desc,
  eq,
  inArray,
  sql,
  teams,
  users,
  type AnyPgColumn,
  type SQL,
} from "@lentera/db";
import type { AuthedContext } from "../trpc";

type ListInput = z.output<typeof listCasesInput>;

// Risk sorts by severity, not by name.
const riskRank = sql<number>`array_position(array[${sql.raw(RISK_LEVELS.map((level) => `'${level}'`).join(","))}]::text[], ${cases.riskLevel})`;

interface Cursor {
  key: string | number;
  openedAt?: string;
  id: string;
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");
function decodeCursor(raw: string): Cursor {
  try {
    const parsed = z
      .object({ key: z.union([z.string(), z.number()]), openedAt: z.string().optional(), id: z.uuid() })
      .parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed;
  } catch {
    throw new DomainError("invalid_input", "bad_cursor");
  }
}

/** Keyset pagination: the order and the "after this row" condition for each sort. */
function ordering(
  sort: ListInput["sort"],
  cursor: Cursor | null,
  keys: { openedAt: AnyPgColumn; id: AnyPgColumn },
): { orderBy: SQL[]; after: SQL | undefined } {
  const { openedAt, id } = keys;
  switch (sort) {
    case "opened_asc":
      return {
        orderBy: [asc(openedAt), asc(id)],
        after: cursor ? sql`(${openedAt}, ${id}) > (${cursor.key}::timestamptz, ${cursor.id}::uuid)` : undefined,
      };
    case "risk_desc":
      return {
        orderBy: [desc(riskRank), desc(cases.openedAt), desc(cases.id)],
        after: cursor
          ? sql`(${riskRank}, ${cases.openedAt}, ${cases.id}) < (${cursor.key}::int, ${cursor.openedAt ?? null}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      };
    case "case_number":
      return {
        orderBy: [asc(cases.caseNumber), asc(cases.id)],
        after: cursor ? sql`(${cases.caseNumber}, ${cases.id}) > (${cursor.key}::text, ${cursor.id}::uuid)` : undefined,
      };
    case "opened_desc":
      return {
        orderBy: [desc(openedAt), desc(id)],
        after: cursor ? sql`(${openedAt}, ${id}) < (${cursor.key}::timestamptz, ${cursor.id}::uuid)` : undefined,
      };
  }
}

/**
 * Aliases starting with `prefix`, as a range on the byte-ordered index: a LIKE pattern would be
 * opaque to the prepared statement's generic plan, which then scans every case of the agency.
 */
function aliasPrefix(agencyId: string, prefix: string): SQL {
  const low = prefix.toLowerCase();
  const alias = sql`lower(${clients.alias}) collate "C"`;
  return sql`${clients.agencyId} = ${agencyId} and ${alias} >= ${low} and ${alias} < ${`${low}\u{10FFFF}`}`;
}

/**
 * "My cases" (on the care team) or "team cases" (the teams a supervisor supervises), with search,
 * filters, sorting and keyset pagination. Rows carry the alias, never identifying data.
 */
export async function listCases(ctx: AuthedContext, input: ListInput) {
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  const mine = input.scope === "mine";
  if (!mine) {
    if (!ctx.user.roles.includes("supervisor")) throw new DomainError("forbidden");
    if (ctx.user.teamIds.length === 0) return { items: [], nextCursor: null };
  }
  // "Mine" walks the user's care-team index in opening order; "team" walks the team's case index.
  const { orderBy, after } = ordering(
    input.sort,
    cursor,
    mine ? { openedAt: caseCareTeam.caseOpenedAt, id: caseCareTeam.caseId } : { openedAt: cases.openedAt, id: cases.id },
  );
  const scope = mine ? eq(caseCareTeam.userId, ctx.user.id) : inArray(cases.teamId, ctx.user.teamIds);

  const search = input.search?.trim();
  const searchCondition = search
    ? /^[A-Za-z]{2,8}-\d{4}-\d{1,6}$/.test(search)
      ? eq(cases.caseNumber, search.toUpperCase())
      : aliasPrefix(ctx.user.agencyId, search)
    : undefined;

  const base = ctx.db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      alias: clients.alias,
      status: cases.status,
      riskLevel: cases.riskLevel,
      riskRank,
      harmTypes: cases.harmTypes,
      openedAt: cases.openedAt,
      // Postgres keeps microseconds, a JS Date only milliseconds: the cursor carries the exact value.
      openedAtExact: sql<string>`${cases.openedAt}::text`,
      teamName: teams.name,
      primarySocialWorker: users.displayName,
    })
    .from(cases)
    .$dynamic();
  const scoped = mine ? base.innerJoin(caseCareTeam, eq(caseCareTeam.caseId, cases.id)) : base;
  const rows = await scoped
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .innerJoin(teams, eq(teams.id, cases.teamId))
    .leftJoin(users, eq(users.id, cases.primarySocialWorkerId))
    .where(
      and(
        eq(cases.agencyId, ctx.user.agencyId),
        scope,
        searchCondition,
        input.status?.length ? inArray(cases.status, input.status) : undefined,
        input.riskLevel?.length ? inArray(cases.riskLevel, input.riskLevel) : undefined,
        input.harmType ? sql`${cases.harmTypes} @> array[${input.harmType}]::text[]` : undefined,
        input.workerId ? eq(cases.primarySocialWorkerId, input.workerId) : undefined,
        after,
      ),
    )
    .orderBy(...orderBy)
    .limit(input.limit + 1);

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? encodeCursor(
          input.sort === "risk_desc"
            ? { key: last.riskRank, openedAt: last.openedAtExact, id: last.id }
            : input.sort === "case_number"
              ? { key: last.caseNumber, id: last.id }
              : { key: last.openedAtExact, id: last.id },
        )
      : null;
  return { items: page.map(({ riskRank: _rank, openedAtExact: _exact, ...item }) => item), nextCursor };
}
