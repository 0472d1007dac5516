import type { z } from "zod";
import type { screeningHistorySchema } from "@lentera/domain";
import { and, asc, eq, screeningResults } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { requireClinicalAccess } from "./access";

type ScreeningHistory = z.output<typeof screeningHistorySchema>;

/**
 * Each instrument's totals over time, for the case's chart: complete results only (a partial total
 * would read as an improvement), by session date. Totals are clinical: clinical readers only.
 */
export async function screeningHistory(ctx: AuthedContext, caseId: string): Promise<ScreeningHistory> {
  const access = await requireClinicalAccess(ctx, caseId);
  const rows = await ctx.db
    .select({
      noteId: screeningResults.noteId,
      instrumentCode: screeningResults.instrumentCode,
      sessionDate: screeningResults.sessionDate,
      total: screeningResults.total,
      band: screeningResults.band,
      positive: screeningResults.positive,
    })
    .from(screeningResults)
    .where(and(eq(screeningResults.caseId, access.handle.id), eq(screeningResults.complete, true)))
    .orderBy(asc(screeningResults.instrumentCode), asc(screeningResults.sessionDate), asc(screeningResults.createdAt));
  const byInstrument = new Map<string, ScreeningHistory[number]["points"]>();
  for (const { instrumentCode, total, ...point } of rows) {
    const points = byInstrument.get(instrumentCode) ?? [];
    points.push({ ...point, total: total ?? 0 });
    byInstrument.set(instrumentCode, points);
  }
  return [...byInstrument].map(([instrumentCode, points]) => ({ instrumentCode, points }));
}
