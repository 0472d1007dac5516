import {
  BUILT_IN_INSTRUMENTS,
  DomainError,
  type InstrumentDefinition,
} from "@lentera/domain";
import { and, asc, eq, outcomeInstruments, type Executor } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { recordAudit } from "../audit";
import { isUniqueViolation } from "../errors";

/** The instruments an agency can use: the built-in ones, then its own, every edition. */
export async function listInstruments(ctx: AuthedContext, executor: Executor = ctx.db): Promise<InstrumentDefinition[]> {
  const own = await executor
    .select({ definition: outcomeInstruments.definition })
    .from(outcomeInstruments)
    .where(eq(outcomeInstruments.agencyId, ctx.user.agencyId))
    .orderBy(asc(outcomeInstruments.code), asc(outcomeInstruments.version));
  return [...BUILT_IN_INSTRUMENTS, ...own.map((row) => row.definition)];
}

export async function findInstrument(
  ctx: AuthedContext,
  executor: Executor,
  code: string,
  version: number,
): Promise<InstrumentDefinition> {
  const builtIn = BUILT_IN_INSTRUMENTS.find((definition) => definition.code === code && definition.version === version);
  if (builtIn) return builtIn;
  const [row] = await executor
    .select({ definition: outcomeInstruments.definition })
    .from(outcomeInstruments)
    .where(
      and(
        eq(outcomeInstruments.agencyId, ctx.user.agencyId),
        eq(outcomeInstruments.code, code),
        eq(outcomeInstruments.version, version),
      ),
    );
  if (!row) throw new DomainError("invalid_input", "unknown_instrument");
  return row.definition;
}

/** An agency adds its own instrument (or a new edition of one); existing editions never change. */
export async function createInstrument(ctx: AuthedContext, definition: InstrumentDefinition) {
  if (BUILT_IN_INSTRUMENTS.some((builtIn) => builtIn.code === definition.code)) {
    throw new DomainError("conflict", "instrument_code_reserved");
  }
  try {
    return await ctx.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(outcomeInstruments)
        .values({
          agencyId: ctx.user.agencyId,
          code: definition.code,
          version: definition.version,
          definition,
          createdBy: ctx.user.id,
          createdAt: ctx.clock(),
        })
        .returning({ id: outcomeInstruments.id, code: outcomeInstruments.code, version: outcomeInstruments.version });
      if (!created) throw new Error("instrument insert returned no row");
      await recordAudit(tx, ctx, { userId: ctx.user.id, agencyId: ctx.user.agencyId }, {
        action: "instrument.created",
        entityType: "outcome_instrument",
        entityId: created.id,
        details: { code: created.code, version: created.version },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("conflict", "instrument_exists");
    throw error;
  }
}
