import {
  caseAccess,
  canOnCase,
  DomainError,
  type CaseAccess,
  type CaseAction,
  type CaseStatus,
  type CareTeamRole,
} from "@lentera/domain";
import { and, cases, eq, sql, type Executor } from "@lentera/db";
import type { AuthedContext } from "../trpc";

export interface CaseHandle {
  id: string;
  agencyId: string;
  teamId: string;
  clientId: string;
  caseNumber: string;
  status: CaseStatus;
  version: number;
  access: CaseAccess;
  /** The caller's place on the care team, if any (clinical confidentiality depends on it). */
  careTeamRole: CareTeamRole | null;
}

/**
 * Loads a case with the caller's access to it and refuses what the rule in @lentera/domain does
 * not allow. A case the caller cannot reach at all is NOT_FOUND, so its existence is not revealed;
 * an action beyond their access on a case they can see is FORBIDDEN.
 */
export async function requireCaseAccess(
  ctx: AuthedContext,
  caseId: string,
  action: CaseAction,
  executor: Executor = ctx.db,
  options: { forUpdate?: boolean } = {},
): Promise<CaseHandle> {
  const now = ctx.clock();
  const query = executor
    .select({
      id: cases.id,
      agencyId: cases.agencyId,
      teamId: cases.teamId,
      clientId: cases.clientId,
      caseNumber: cases.caseNumber,
      status: cases.status,
      version: cases.version,
      // Qualified by hand: drizzle leaves columns unqualified in a single-table select, and an
      // unqualified "id" inside these subqueries would bind to the inner table.
      careTeamRole: sql<CareTeamRole | null>`(select cct.role from case_care_team cct
        where cct.case_id = "cases"."id" and cct.user_id = ${ctx.user.id})`,
      // Epoch milliseconds: a plain number through both drivers.
      breakGlassUntil: sql<number | null>`(select (extract(epoch from max(bg.expires_at)) * 1000)::float8
        from break_glass_grants bg where bg.case_id = "cases"."id" and bg.user_id = ${ctx.user.id})`,
    })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.agencyId, ctx.user.agencyId)));
  const [row] = options.forUpdate ? await query.for("update", { of: cases }) : await query;
  if (!row) throw new DomainError("not_found");
  const access = caseAccess(
    ctx.user,
    {
      agencyId: row.agencyId,
      teamId: row.teamId,
      careTeamRole: row.careTeamRole,
      breakGlassUntil: row.breakGlassUntil === null ? null : new Date(Number(row.breakGlassUntil)),
    },
    now,
  );
  if (access === "none") throw new DomainError("not_found");
  if (!canOnCase(access, action)) throw new DomainError("forbidden");
  const { breakGlassUntil: _until, ...handle } = row;
  return { ...handle, access };
}

/** Locks the case row and checks the version the user saw; a stale one changes nothing. */
export async function lockCaseForChange(
  ctx: AuthedContext,
  executor: Executor,
  caseId: string,
  version: number,
  action: CaseAction,
): Promise<CaseHandle> {
  const handle = await requireCaseAccess(ctx, caseId, action, executor, { forUpdate: true });
  if (handle.version !== version) throw new DomainError("stale_version");
  return handle;
}

/**
 * Writes a change to the locked case with the next version (every change to a case or its client
 * bumps it, so a stale editor is refused).
 */
export async function saveCase(
  ctx: AuthedContext,
  executor: Executor,
  handle: CaseHandle,
  fields: Partial<typeof cases.$inferInsert> = {},
): Promise<{ id: string; status: CaseStatus; version: number }> {
  const [row] = await executor
    .update(cases)
    .set({ ...fields, version: handle.version + 1, updatedAt: ctx.clock() })
    .where(eq(cases.id, handle.id))
    .returning({ id: cases.id, status: cases.status, version: cases.version });
  if (!row) throw new DomainError("not_found");
  return row;
}
