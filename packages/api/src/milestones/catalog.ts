import { type z } from "zod";
import {
  canManageMilestoneCatalog,
  DEFAULT_MILESTONE_CATALOG,
  defaultMilestoneEntry,
  DomainError,
  isDefaultMilestoneKey,
  MILESTONE_DOMAINS,
  milestoneKeyFromLabel,
  type addCatalogEntryInput,
  type MilestoneCatalog,
  type MilestoneCatalogEntry,
  type MilestoneCatalogItem,
} from "@lentera/domain";
import { and, asc, eq, milestoneCatalog, type Executor } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { recordAudit } from "../audit";
import { isUniqueViolation } from "../errors";

const byDomain = (a: { domain: string }, b: { domain: string }) =>
  MILESTONE_DOMAINS.indexOf(a.domain as (typeof MILESTONE_DOMAINS)[number]) -
  MILESTONE_DOMAINS.indexOf(b.domain as (typeof MILESTONE_DOMAINS)[number]);

/**
 * The milestone kinds the agency tracks: Lentera's defaults, then the agency's own active ones,
 * each group in domain order. Agency configuration, not case content: every signed-in user reads it.
 */
export async function milestoneCatalogFor(ctx: AuthedContext): Promise<MilestoneCatalog> {
  const own = await ctx.db
    .select({ key: milestoneCatalog.key, domain: milestoneCatalog.domain, label: milestoneCatalog.label })
    .from(milestoneCatalog)
    .where(and(eq(milestoneCatalog.agencyId, ctx.user.agencyId), eq(milestoneCatalog.active, true)))
    .orderBy(asc(milestoneCatalog.createdAt), asc(milestoneCatalog.key));
  const defaults: MilestoneCatalogItem[] = DEFAULT_MILESTONE_CATALOG.map((entry) => ({ ...entry, source: "default" }));
  const agency: MilestoneCatalogItem[] = own.map((entry) => ({ ...entry, source: "agency" }));
  return {
    canManage: canManageMilestoneCatalog(ctx.user),
    entries: [...defaults.sort(byDomain), ...agency.sort(byDomain)],
  };
}

/** A catalog entry a new milestone may use: a default one or one of the agency's active ones. */
export async function findCatalogEntry(ctx: AuthedContext, executor: Executor, key: string): Promise<MilestoneCatalogEntry | null> {
  const builtIn = defaultMilestoneEntry(key);
  if (builtIn) return builtIn;
  const [row] = await executor
    .select({ key: milestoneCatalog.key, domain: milestoneCatalog.domain, label: milestoneCatalog.label })
    .from(milestoneCatalog)
    .where(and(eq(milestoneCatalog.agencyId, ctx.user.agencyId), eq(milestoneCatalog.key, key), eq(milestoneCatalog.active, true)));
  return row ?? null;
}

/**
 * Adds a kind of milestone to the agency's catalog (administrators and supervisors). Its key is
 * unique in the agency and never one of the defaults: CONFLICT `milestone_key_taken`.
 */
export async function addCatalogEntry(ctx: AuthedContext, input: z.output<typeof addCatalogEntryInput>): Promise<MilestoneCatalogItem> {
  if (!canManageMilestoneCatalog(ctx.user)) throw new DomainError("forbidden");
  const key = input.key ?? milestoneKeyFromLabel(input.label.en);
  if (isDefaultMilestoneKey(key)) throw keyTaken(key);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(milestoneCatalog)
        .values({ agencyId: ctx.user.agencyId, key, domain: input.domain, label: input.label, createdBy: ctx.user.id, createdAt: ctx.clock() })
        .returning({ id: milestoneCatalog.id, key: milestoneCatalog.key, domain: milestoneCatalog.domain, label: milestoneCatalog.label });
      if (!row) throw new Error("catalog insert returned no row");
      await recordAudit(tx, ctx, { userId: ctx.user.id, agencyId: ctx.user.agencyId }, {
        action: "milestone_catalog.entry_added",
        entityType: "milestone_catalog",
        entityId: row.id,
        details: { key: row.key, domain: row.domain },
      });
      return { key: row.key, domain: row.domain, label: row.label, source: "agency" as const };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw keyTaken(key);
    throw error;
  }
}

const keyTaken = (key: string) => new DomainError("conflict", "milestone_key_taken", { key });
