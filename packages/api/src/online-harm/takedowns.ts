import { type z } from "zod";
import {
  addDays,
  DomainError,
  isFutureDate,
  TAKEDOWN_TRANSITIONS,
  type requestTakedownInput,
  type TakedownChange,
  type TakedownStatus,
  type updateTakedownInput,
} from "@lentera/domain";
import { agencies, eq, harmItems, takedownRequests, type Transaction } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import type { CaseHandle } from "../cases/access";
import { auditCase } from "../cases/audit";
import { createdFields, diffFields } from "../audit";
import { refuseFuture, requireHarmAccess } from "./access";
import { countItems, findItem, findTakedown, latestRequest, loadTakedowns } from "./load";
import { markCatalogMilestoneAchieved } from "./milestones";

/** The milestone a case reaches when every item recorded on it has been taken down. */
export const TAKEN_DOWN_MILESTONE = "harmful_content_taken_down";

/** The agency's days without an answer before a takedown request needs a follow-up. */
async function followUpDays(ctx: AuthedContext, tx: Transaction): Promise<number> {
  const [row] = await tx.select({ days: agencies.takedownFollowUpDays }).from(agencies).where(eq(agencies.id, ctx.user.agencyId));
  if (!row) throw new DomainError("not_found");
  return row.days;
}

/**
 * When a request with this status needs a follow-up: `reported` and `reappeared` wait for an answer
 * (the agency's days from `on`); `removed` and `refused` are answers, so none.
 */
function followUpDue(status: TakedownStatus, on: string, days: number): string | null {
  return status === "reported" || status === "reappeared" ? addDays(on, days) : null;
}

/**
 * Makes a takedown request for an item (care team of its case only): `reported` on `reportedOn`,
 * with a follow-up due the agency's `takedown_follow_up_days` later (it shows in the social
 * worker's My work until the request is answered).
 */
export async function requestTakedown(ctx: AuthedContext, input: z.output<typeof requestTakedownInput>): Promise<TakedownChange> {
  refuseFuture(isFutureDate(input.reportedOn, ctx.clock()));
  return ctx.db.transaction(async (tx) => {
    const seen = await findItem(ctx, tx, input.itemId);
    const handle = await requireHarmAccess(ctx, seen.caseId, tx);
    const item = await findItem(ctx, tx, input.itemId, { lock: true });
    const now = ctx.clock();
    const values = {
      channel: input.channel,
      reportedOn: input.reportedOn,
      reference: input.reference ?? null,
      status: "reported" as const,
      statusOn: input.reportedOn,
      followUpDueOn: followUpDue("reported", input.reportedOn, await followUpDays(ctx, tx)),
    };
    const [row] = await tx
      .insert(takedownRequests)
      .values({ ...values, agencyId: ctx.user.agencyId, caseId: handle.id, itemId: item.id, requestedBy: ctx.user.id, createdAt: now, updatedAt: now })
      .returning({ id: takedownRequests.id });
    if (!row) throw new Error("takedown insert returned no row");
    await auditCase(ctx, tx, handle.id, {
      action: "takedown.requested",
      entityType: "takedown_request",
      entityId: row.id,
      changes: createdFields(values, ["reference"]),
      details: { itemId: item.id },
    });
    return afterChange(ctx, tx, handle, item, row.id, input.reportedOn);
  });
}

/**
 * Records the answer to a takedown request (or a new turn): the status moves only as
 * TAKEDOWN_TRANSITIONS allows (CONFLICT `illegal_transition` otherwise, `status_unchanged` for the
 * same one), at the version the caller saw (CONFLICT on a stale one). `removed` and `refused` clear
 * the follow-up; `reappeared` and `reported` (tried again) set it again from `on`. The item is then
 * online unless its latest request says removed; when every item of the case is removed, the case's
 * "harmful content taken down" milestone (if it tracks one) is marked achieved.
 */
export async function updateTakedown(ctx: AuthedContext, input: z.output<typeof updateTakedownInput>): Promise<TakedownChange> {
  refuseFuture(isFutureDate(input.on, ctx.clock()));
  return ctx.db.transaction(async (tx) => {
    const seen = await findTakedown(ctx, tx, input.takedownId);
    const handle = await requireHarmAccess(ctx, seen.caseId, tx);
    // The item first, then the request: the same order as requestTakedown, so two changes to one
    // item wait for each other instead of deadlocking.
    const item = await findItem(ctx, tx, seen.itemId, { lock: true });
    const current = await findTakedown(ctx, tx, input.takedownId, { lock: true });
    if (current.version !== input.version) throw new DomainError("stale_version");
    if (current.status === input.status) throw new DomainError("conflict", "status_unchanged", { from: current.status, to: input.status });
    if (!TAKEDOWN_TRANSITIONS[current.status].includes(input.status)) {
      throw new DomainError("conflict", "illegal_transition", { from: current.status, to: input.status });
    }
    if (input.on < current.statusOn) throw new DomainError("invalid_input", "date_before_status", { statusOn: current.statusOn });
    const values = {
      status: input.status,
      statusOn: input.on,
      followUpDueOn: followUpDue(input.status, input.on, await followUpDays(ctx, tx)),
      ...(input.reference !== undefined ? { reference: input.reference } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
    };
    const changes = diffFields(current, values, ["reference", "note"]);
    await tx
      .update(takedownRequests)
      .set({ ...values, version: current.version + 1, updatedAt: ctx.clock() })
      .where(eq(takedownRequests.id, current.id));
    await auditCase(ctx, tx, handle.id, {
      action: "takedown.status_changed",
      entityType: "takedown_request",
      entityId: current.id,
      changes,
      details: { itemId: item.id },
    });
    return afterChange(ctx, tx, handle, item, current.id, input.on);
  });
}

/** Keeps the item's `online` from its latest request, marks the milestone when all are down, answers. */
async function afterChange(
  ctx: AuthedContext,
  tx: Transaction,
  handle: CaseHandle,
  item: { id: string; online: "online" | "removed"; version: number },
  takedownId: string,
  on: string,
): Promise<TakedownChange> {
  const requests = await tx
    .select({
      id: takedownRequests.id,
      status: takedownRequests.status,
      statusOn: takedownRequests.statusOn,
      updatedAt: takedownRequests.updatedAt,
      createdAt: takedownRequests.createdAt,
    })
    .from(takedownRequests)
    .where(eq(takedownRequests.itemId, item.id));
  const online = latestRequest(requests)?.status === "removed" ? "removed" : "online";
  if (online !== item.online) {
    await tx
      .update(harmItems)
      .set({ online, version: item.version + 1, updatedAt: ctx.clock() })
      .where(eq(harmItems.id, item.id));
    await auditCase(ctx, tx, handle.id, {
      action: "harm_item.online_changed",
      entityType: "harm_item",
      entityId: item.id,
      changes: { online: { from: item.online, to: online } },
    });
  }
  const counts = await countItems(ctx, tx, handle.id);
  let milestoneAchieved: string | null = null;
  if (online === "removed" && counts.itemsTotal > 0 && counts.itemsOnline === 0) {
    milestoneAchieved = await markCatalogMilestoneAchieved(ctx, tx, handle, TAKEN_DOWN_MILESTONE, on, {
      addIfMissing: false,
      note: "Every item recorded online was taken down",
    });
  }
  const [takedown] = await loadTakedowns(ctx, tx, eq(takedownRequests.id, takedownId));
  if (!takedown) throw new DomainError("not_found");
  return { ...counts, takedown, itemOnline: online, milestoneAchieved };
}
