import { randomUUID } from "node:crypto";
import {
  DomainError,
  findScreeningInstrument,
  invalidScreeningAnswers,
  scoreScreening,
  type ScreeningDefinition,
  type ScreeningResult,
} from "@lentera/domain";
import { and, asc, eq, inArray, screeningResults, type Executor, type Transaction } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { openAnswers, sealAnswers } from "./body";

export interface ScreeningEntryInput {
  instrumentCode: string;
  instrumentVersion: number;
  answers: Record<string, number>;
}

/** Entries checked against their definitions; scores always come from here, never from the client. */
export function scoreEntries(entries: readonly ScreeningEntryInput[]) {
  const seen = new Set<string>();
  return entries.map((entry) => {
    if (seen.has(entry.instrumentCode)) throw new DomainError("invalid_input", "duplicate_instrument", { instrument: entry.instrumentCode });
    seen.add(entry.instrumentCode);
    const definition: ScreeningDefinition | undefined = findScreeningInstrument(entry.instrumentCode, entry.instrumentVersion);
    if (!definition) throw new DomainError("invalid_input", "unknown_instrument", { instrument: entry.instrumentCode });
    const invalid = invalidScreeningAnswers(definition, entry.answers);
    if (invalid.length) throw new DomainError("invalid_input", "invalid_answers", { instrument: entry.instrumentCode, items: invalid });
    return { entry, score: scoreScreening(definition, entry.answers) };
  });
}

export type ScoredEntry = ReturnType<typeof scoreEntries>[number];

/**
 * Makes a draft's screening rows match the form: changed ones are rewritten in place (their ids,
 * and so any supervisor's review of them, stay), new ones added, dropped ones removed.
 */
export async function replaceScreenings(
  ctx: AuthedContext,
  tx: Transaction,
  note: { id: string; caseId: string; sessionDate: string },
  scored: readonly ScoredEntry[],
): Promise<void> {
  const existing = await tx
    .select({ id: screeningResults.id, instrumentCode: screeningResults.instrumentCode })
    .from(screeningResults)
    .where(eq(screeningResults.noteId, note.id));
  const kept = new Set(scored.map(({ entry }) => entry.instrumentCode));
  const dropped = existing.filter((row) => !kept.has(row.instrumentCode)).map((row) => row.id);
  if (dropped.length) await tx.delete(screeningResults).where(inArray(screeningResults.id, dropped));
  for (const { entry, score } of scored) {
    const id = existing.find((row) => row.instrumentCode === entry.instrumentCode)?.id ?? randomUUID();
    const values = {
      instrumentVersion: entry.instrumentVersion,
      sessionDate: note.sessionDate,
      answers: sealAnswers(ctx.keyring, id, entry.answers),
      // The running total is kept even while partial (the form shows it); band only once complete.
      total: score.total,
      band: score.band,
      positive: score.positive,
      criticalItems: score.criticalItems,
      complete: score.complete,
    };
    if (existing.some((row) => row.id === id)) {
      await tx.update(screeningResults).set(values).where(eq(screeningResults.id, id));
    } else {
      await tx.insert(screeningResults).values({
        ...values,
        id,
        agencyId: ctx.user.agencyId,
        caseId: note.caseId,
        noteId: note.id,
        instrumentCode: entry.instrumentCode,
        createdAt: ctx.clock(),
      });
    }
  }
}

/** A note's screening results with their answers opened (clinical readers only). */
export async function noteScreenings(ctx: AuthedContext, executor: Executor, noteId: string): Promise<ScreeningResult[]> {
  const rows = await executor
    .select({
      id: screeningResults.id,
      instrumentCode: screeningResults.instrumentCode,
      instrumentVersion: screeningResults.instrumentVersion,
      answers: screeningResults.answers,
      total: screeningResults.total,
      band: screeningResults.band,
      positive: screeningResults.positive,
      criticalItems: screeningResults.criticalItems,
      complete: screeningResults.complete,
    })
    .from(screeningResults)
    .where(and(eq(screeningResults.noteId, noteId), eq(screeningResults.agencyId, ctx.user.agencyId)))
    .orderBy(asc(screeningResults.createdAt), asc(screeningResults.instrumentCode));
  return rows.map((row) => ({ ...row, answers: openAnswers(ctx.keyring, row.id, row.answers) }));
}

/** The incomplete instruments of a note (a note is signed only with every given instrument complete). */
export async function incompleteScreenings(executor: Executor, noteId: string): Promise<string[]> {
  const rows = await executor
    .select({ instrumentCode: screeningResults.instrumentCode })
    .from(screeningResults)
    .where(and(eq(screeningResults.noteId, noteId), eq(screeningResults.complete, false)))
    .orderBy(asc(screeningResults.instrumentCode));
  return rows.map((row) => row.instrumentCode);
}
