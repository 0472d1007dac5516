import { DomainError } from "@lentera/domain";
import type { Executor } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { requireCaseAccess, type CaseHandle } from "../cases/access";

/**
 * The case, for its care team only: the online-harm record, the evidence log and the legal process
 * are as sensitive as identifying data (issue #10, item 7). The shared rule decides first, so a case
 * the caller cannot reach at all stays NOT_FOUND; a supervisor off the care team or a break-glass
 * reader (who may read the case) gets FORBIDDEN `care_team_only`.
 *
 * Not the `reveal_identity` action: that one is also a supervisor's and a break-glass reader's.
 */
export async function requireHarmAccess(
  ctx: AuthedContext,
  caseId: string,
  executor: Executor = ctx.db,
  options: { forUpdate?: boolean } = {},
): Promise<CaseHandle> {
  const handle = await requireCaseAccess(ctx, caseId, "read", executor, options);
  if (handle.access !== "care_team") throw new DomainError("forbidden", "care_team_only");
  return handle;
}

/** A date the user gives for something that already happened: not after today anywhere. */
export function refuseFuture(isFuture: boolean): void {
  if (isFuture) throw new DomainError("invalid_input", "date_in_future");
}
