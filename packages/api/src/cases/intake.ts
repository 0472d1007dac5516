import { randomUUID } from "node:crypto";
import { type z } from "zod";
import {
  canRegisterCase,
  type createCaseInput,
  type duplicateCheckInput,
  DomainError,
  formatCaseNumber,
  IDENTIFYING_FIELDS,
} from "@lentera/domain";
import {
  agencies,
  and,
  caseCareTeam,
  caseNumberCounters,
  cases,
  clients,
  eq,
  ne,
  or,
  sql,
  teams,
  type Executor,
} from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { createdFields, REDACTED } from "../audit";
import { identityNumberHashes, nameBirthHash, sealIdentity } from "../protect/identity";
import { auditCase } from "./audit";
import { clientColumns } from "./client-columns";

export interface PossibleDuplicate {
  caseNumber: string;
  teamName: string;
}

/**
 * Cases in the caller's agency whose client has the same keyed hash of name and birth date or of
 * an identity number. Only case numbers and teams are named: enough to coordinate, nothing more.
 */
async function findDuplicates(
  ctx: AuthedContext,
  executor: Executor,
  hashes: { nameBirth: string | null; identityNumbers: string[] },
  excludeClientId?: string,
): Promise<PossibleDuplicate[]> {
  const matches = [
    hashes.nameBirth ? eq(clients.nameBirthHmac, hashes.nameBirth) : undefined,
    hashes.identityNumbers.length > 0
      ? sql`${clients.identityNumberHmacs} && ${sql`array[${sql.join(hashes.identityNumbers.map((hash) => sql`${hash}`), sql`, `)}]::text[]`}`
      : undefined,
  ].filter((condition) => condition !== undefined);
  if (matches.length === 0) return [];
  return executor
    .select({ caseNumber: cases.caseNumber, teamName: teams.name })
    .from(clients)
    .innerJoin(cases, eq(cases.clientId, clients.id))
    .innerJoin(teams, eq(teams.id, cases.teamId))
    .where(
      and(
        eq(clients.agencyId, ctx.user.agencyId),
        or(...matches),
        excludeClientId ? ne(clients.id, excludeClientId) : undefined,
      ),
    )
    .limit(10);
}

export async function checkDuplicates(ctx: AuthedContext, input: z.output<typeof duplicateCheckInput>) {
  if (!canRegisterCase(ctx.user)) throw new DomainError("forbidden");
  return findDuplicates(ctx, ctx.db, {
    nameBirth: nameBirthHash(ctx.keyring, input.legalName, input.birthDate),
    identityNumbers: identityNumberHashes(ctx.keyring, input.identityNumbers),
  });
}

/** The next number in the agency's yearly sequence; the row lock serialises parallel intakes. */
async function nextCaseNumber(executor: Executor, agencyId: string, year: number): Promise<string> {
  const [counter] = await executor
    .insert(caseNumberCounters)
    .values({ agencyId, year, lastValue: 1 })
    .onConflictDoUpdate({
      target: [caseNumberCounters.agencyId, caseNumberCounters.year],
      set: { lastValue: sql`${caseNumberCounters.lastValue} + 1` },
    })
    .returning({ lastValue: caseNumberCounters.lastValue });
  const [agency] = await executor
    .select({ prefix: agencies.caseNumberPrefix })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!counter || !agency) throw new Error("case number could not be allocated");
  return formatCaseNumber(agency.prefix, year, counter.lastValue);
}

function chooseTeam(ctx: AuthedContext, requested: string | undefined): string {
  if (requested) {
    if (!ctx.user.teamIds.includes(requested)) throw new DomainError("invalid_input", "not_your_team");
    return requested;
  }
  const [only, ...others] = ctx.user.teamIds;
  if (!only) throw new DomainError("invalid_input", "no_team");
  if (others.length > 0) throw new DomainError("invalid_input", "choose_team");
  return only;
}

export async function registerCase(ctx: AuthedContext, input: z.output<typeof createCaseInput>) {
  if (!canRegisterCase(ctx.user)) throw new DomainError("forbidden");
  const teamId = chooseTeam(ctx, input.teamId);
  const now = ctx.clock();
  const clientId = randomUUID();
  const agencyCountry = await ctx.db
    .select({ country: agencies.country })
    .from(agencies)
    .where(eq(agencies.id, ctx.user.agencyId));
  if (agencyCountry[0]?.country !== input.client.address.country) {
    throw new DomainError("invalid_input", "address_country_mismatch");
  }
  const sealed = sealIdentity(ctx.keyring, clientId, input.identity, input.client.birthDate);

  return ctx.db.transaction(async (tx) => {
    const possibleDuplicates = await findDuplicates(ctx, tx, {
      nameBirth: sealed.nameBirthHmac,
      identityNumbers: sealed.identityNumberHmacs,
    });
    const caseNumber = await nextCaseNumber(tx, ctx.user.agencyId, now.getUTCFullYear());
    await tx.insert(clients).values({
      id: clientId,
      agencyId: ctx.user.agencyId,
      ...clientColumns(input.client),
      ...sealed,
      createdAt: now,
      updatedAt: now,
    });
    const [created] = await tx
      .insert(cases)
      .values({
        agencyId: ctx.user.agencyId,
        teamId,
        clientId,
        caseNumber,
        status: "intake",
        riskLevel: input.riskLevel,
        riskConcerns: input.riskConcerns ?? null,
        harmTypes: input.harmTypes,
        referralSource: input.referralSource,
        safetyNotes: input.safetyNotes ?? null,
        primarySocialWorkerId: ctx.user.roles.includes("social_worker") ? ctx.user.id : null,
        openedAt: now,
        createdBy: ctx.user.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: cases.id, caseNumber: cases.caseNumber, version: cases.version });
    if (!created) throw new Error("case insert returned no row");
    // The social worker who registers the case owns it; a supervisor reaches it through the team.
    if (ctx.user.roles.includes("social_worker")) {
      await tx.insert(caseCareTeam).values({
        caseId: created.id,
        userId: ctx.user.id,
        agencyId: ctx.user.agencyId,
        role: "primary_social_worker",
        addedAt: now,
        caseOpenedAt: now,
      });
    }
    await auditCase(ctx, tx, created.id, {
      action: "case.created",
      entityType: "case",
      entityId: created.id,
      changes: {
        ...createdFields({
          caseNumber,
          teamId,
          status: "intake",
          riskLevel: input.riskLevel,
          harmTypes: input.harmTypes,
          referralSource: input.referralSource,
          ...clientColumns(input.client),
        }),
        ...Object.fromEntries(IDENTIFYING_FIELDS.map((field) => [`identity.${field}`, { from: null, to: REDACTED }])),
      },
      details: possibleDuplicates.length > 0 ? { possibleDuplicates: possibleDuplicates.map((d) => d.caseNumber) } : null,
    });
    return { ...created, possibleDuplicates };
  });
}
