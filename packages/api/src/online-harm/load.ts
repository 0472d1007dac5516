import {
  DomainError,
  TAKEDOWN_TRANSITIONS,
  type EvidenceEntry,
  type HarmItem,
  type LegalProcess,
  type OnlineHarmCounts,
  type TakedownRequest,
} from "@lentera/domain";
import {
  and,
  asc,
  count,
  eq,
  evidenceEntries,
  harmItems,
  inArray,
  legalProcesses,
  partners,
  takedownRequests,
  users,
  type Executor,
  type SQL,
} from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { openText } from "./seal";

/** The names of the people an answer mentions, in one query. */
async function peopleNamed(executor: Executor, ids: Iterable<string>) {
  const list = [...new Set(ids)];
  const rows = list.length ? await executor.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, list)) : [];
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return (id: string) => ({ id, name: names.get(id) ?? "" });
}

/** The partners an answer mentions (of the caller's agency), in one query. */
async function partnersNamed(ctx: AuthedContext, executor: Executor, ids: Iterable<string | null>) {
  const list = [...new Set([...ids].filter((id): id is string => id !== null))];
  const rows = list.length
    ? await executor
        .select({ id: partners.id, name: partners.name })
        .from(partners)
        .where(and(inArray(partners.id, list), eq(partners.agencyId, ctx.user.agencyId)))
    : [];
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return (id: string | null) => (id === null ? null : { id, name: names.get(id) ?? "" });
}

const takedownColumns = {
  id: takedownRequests.id,
  itemId: takedownRequests.itemId,
  caseId: takedownRequests.caseId,
  channel: takedownRequests.channel,
  reportedOn: takedownRequests.reportedOn,
  reference: takedownRequests.reference,
  status: takedownRequests.status,
  statusOn: takedownRequests.statusOn,
  followUpDueOn: takedownRequests.followUpDueOn,
  note: takedownRequests.note,
  requestedBy: takedownRequests.requestedBy,
  createdAt: takedownRequests.createdAt,
  updatedAt: takedownRequests.updatedAt,
  version: takedownRequests.version,
};

/** A takedown request of the caller's agency; `lock` takes it FOR UPDATE. NOT_FOUND otherwise. */
export async function findTakedown(ctx: AuthedContext, executor: Executor, takedownId: string, options: { lock?: boolean } = {}) {
  const query = executor
    .select(takedownColumns)
    .from(takedownRequests)
    .where(and(eq(takedownRequests.id, takedownId), eq(takedownRequests.agencyId, ctx.user.agencyId)));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw new DomainError("not_found");
  return row;
}

export type TakedownRow = Awaited<ReturnType<typeof findTakedown>>;

/** A harm item of the caller's agency (without its locator); `lock` takes it FOR UPDATE. NOT_FOUND otherwise. */
export async function findItem(ctx: AuthedContext, executor: Executor, itemId: string, options: { lock?: boolean } = {}) {
  const query = executor
    .select({ id: harmItems.id, caseId: harmItems.caseId, online: harmItems.online, version: harmItems.version })
    .from(harmItems)
    .where(and(eq(harmItems.id, itemId), eq(harmItems.agencyId, ctx.user.agencyId)));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw new DomainError("not_found");
  return row;
}

/** Takedown requests matching `where` (already scoped to a case the caller is care team of), oldest first. */
export async function loadTakedowns(ctx: AuthedContext, executor: Executor, where: SQL | undefined): Promise<TakedownRequest[]> {
  const rows = await executor
    .select(takedownColumns)
    .from(takedownRequests)
    .where(and(eq(takedownRequests.agencyId, ctx.user.agencyId), where))
    .orderBy(asc(takedownRequests.createdAt), asc(takedownRequests.id));
  const person = await peopleNamed(executor, rows.map((row) => row.requestedBy));
  return rows.map(({ caseId: _caseId, updatedAt: _updatedAt, requestedBy, ...row }) => ({
    ...row,
    requestedBy: person(requestedBy),
    nextStatuses: [...TAKEDOWN_TRANSITIONS[row.status]],
  }));
}

/**
 * The request whose status is the item's current one: the latest status change (by its day, then
 * when it was recorded). The item is removed exactly when that status is `removed`.
 */
export function latestRequest<T extends { statusOn: string; updatedAt: Date; createdAt: Date; id: string }>(requests: readonly T[]): T | null {
  let latest: T | null = null;
  for (const request of requests) {
    if (
      !latest ||
      request.statusOn > latest.statusOn ||
      (request.statusOn === latest.statusOn && request.updatedAt.getTime() > latest.updatedAt.getTime()) ||
      (request.statusOn === latest.statusOn &&
        request.updatedAt.getTime() === latest.updatedAt.getTime() &&
        request.createdAt.getTime() > latest.createdAt.getTime())
    ) {
      latest = request;
    }
  }
  return latest;
}

/** Harm items matching `where` with their locators unsealed and their requests (care team only). */
export async function loadItems(ctx: AuthedContext, executor: Executor, where: SQL | undefined): Promise<HarmItem[]> {
  const rows = await executor
    .select({
      id: harmItems.id,
      caseId: harmItems.caseId,
      kind: harmItems.kind,
      platformKind: harmItems.platformKind,
      platformName: harmItems.platformName,
      locatorCiphertext: harmItems.locatorCiphertext,
      foundOn: harmItems.foundOn,
      foundBy: harmItems.foundBy,
      note: harmItems.note,
      online: harmItems.online,
      recordedBy: harmItems.recordedBy,
      createdAt: harmItems.createdAt,
      version: harmItems.version,
    })
    .from(harmItems)
    .where(and(eq(harmItems.agencyId, ctx.user.agencyId), where))
    .orderBy(asc(harmItems.foundOn), asc(harmItems.createdAt), asc(harmItems.id));
  if (rows.length === 0) return [];
  const requests = await executor
    .select(takedownColumns)
    .from(takedownRequests)
    .where(
      inArray(
        takedownRequests.itemId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(takedownRequests.createdAt), asc(takedownRequests.id));
  const person = await peopleNamed(executor, [...rows.map((row) => row.recordedBy), ...requests.map((request) => request.requestedBy)]);
  return rows.map(({ locatorCiphertext, recordedBy, ...row }) => {
    const own = requests.filter((request) => request.itemId === row.id);
    return {
      ...row,
      locator: openText(ctx.keyring, row.id, locatorCiphertext),
      currentStatus: latestRequest(own)?.status ?? null,
      recordedBy: person(recordedBy),
      takedowns: own.map(({ caseId: _caseId, updatedAt: _updatedAt, requestedBy, ...request }) => ({
        ...request,
        requestedBy: person(requestedBy),
        nextStatuses: [...TAKEDOWN_TRANSITIONS[request.status]],
      })),
    };
  });
}

/** The evidence log of a case (care team only), oldest first, descriptions unsealed. */
export async function loadEvidence(ctx: AuthedContext, executor: Executor, where: SQL | undefined): Promise<EvidenceEntry[]> {
  const rows = await executor
    .select({
      id: evidenceEntries.id,
      kind: evidenceEntries.kind,
      evidenceId: evidenceEntries.evidenceId,
      itemId: evidenceEntries.itemId,
      descriptionCiphertext: evidenceEntries.descriptionCiphertext,
      sha256: evidenceEntries.sha256,
      on: evidenceEntries.on,
      partnerId: evidenceEntries.partnerId,
      person: evidenceEntries.person,
      recordedBy: evidenceEntries.recordedBy,
      recordedAt: evidenceEntries.recordedAt,
    })
    .from(evidenceEntries)
    .where(and(eq(evidenceEntries.agencyId, ctx.user.agencyId), where))
    // When recorded; in one instant, a collection before its hand-over ("collected" < "handed_over").
    .orderBy(asc(evidenceEntries.recordedAt), asc(evidenceEntries.on), asc(evidenceEntries.kind), asc(evidenceEntries.id));
  const person = await peopleNamed(executor, rows.map((row) => row.recordedBy));
  const partner = await partnersNamed(ctx, executor, rows.map((row) => row.partnerId));
  return rows.map(({ descriptionCiphertext, partnerId, recordedBy, ...row }) => ({
    ...row,
    description: openText(ctx.keyring, row.id, descriptionCiphertext),
    partner: partner(partnerId),
    recordedBy: person(recordedBy),
  }));
}

export const legalColumns = {
  id: legalProcesses.id,
  caseId: legalProcesses.caseId,
  policeReportNumberCiphertext: legalProcesses.policeReportNumberCiphertext,
  investigatingUnitPartnerId: legalProcesses.investigatingUnitPartnerId,
  investigatingUnit: legalProcesses.investigatingUnit,
  stage: legalProcesses.stage,
  stageOn: legalProcesses.stageOn,
  accompaniment: legalProcesses.accompaniment,
  updatedAt: legalProcesses.updatedAt,
  version: legalProcesses.version,
};

/** The case's legal process row, if any; `lock` takes it FOR UPDATE. */
export async function findLegalProcess(ctx: AuthedContext, executor: Executor, caseId: string, options: { lock?: boolean } = {}) {
  const query = executor
    .select(legalColumns)
    .from(legalProcesses)
    .where(and(eq(legalProcesses.caseId, caseId), eq(legalProcesses.agencyId, ctx.user.agencyId)));
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

export type LegalProcessRow = NonNullable<Awaited<ReturnType<typeof findLegalProcess>>>;

/** The case's legal process with its report number unsealed (care team only). */
export async function loadLegalProcess(ctx: AuthedContext, executor: Executor, caseId: string): Promise<LegalProcess | null> {
  const row = await findLegalProcess(ctx, executor, caseId);
  if (!row) return null;
  const partner = await partnersNamed(ctx, executor, [row.investigatingUnitPartnerId]);
  const { policeReportNumberCiphertext, investigatingUnitPartnerId, ...rest } = row;
  return {
    ...rest,
    policeReportNumber: policeReportNumberCiphertext === null ? null : openText(ctx.keyring, row.id, policeReportNumberCiphertext),
    investigatingUnitPartner: partner(investigatingUnitPartnerId),
  };
}

/** How many of the case's items are still online, of how many. */
export async function countItems(ctx: AuthedContext, executor: Executor, caseId: string): Promise<OnlineHarmCounts> {
  const rows = await executor
    .select({ online: harmItems.online, n: count() })
    .from(harmItems)
    .where(and(eq(harmItems.caseId, caseId), eq(harmItems.agencyId, ctx.user.agencyId)))
    .groupBy(harmItems.online);
  let itemsOnline = 0;
  let itemsTotal = 0;
  for (const row of rows) {
    const n = Number(row.n);
    itemsTotal += n;
    if (row.online === "online") itemsOnline += n;
  }
  return { itemsOnline, itemsTotal };
}

/** An active partner of the caller's agency, or invalid_input `unknown_partner`. */
export async function requirePartner(ctx: AuthedContext, executor: Executor, partnerId: string | null): Promise<void> {
  if (partnerId === null) return;
  const [row] = await executor
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.id, partnerId), eq(partners.agencyId, ctx.user.agencyId), eq(partners.active, true)));
  if (!row) throw new DomainError("invalid_input", "unknown_partner");
}
