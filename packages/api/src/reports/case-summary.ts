/** A case summary for a case conference: what the PDF shows, identifying data only for the care team; audited. */
import { ageGroup, ageOn, localDate, type CaseSummary } from "@lentera/domain";
import { agencies, cases, clients, eq, teams } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { requireCaseAccess, type CaseHandle } from "../cases/access";
import { auditCase } from "../cases/audit";
import { openIdentity } from "../protect/identity";
import {
  appointmentsPart,
  careTeamPart,
  consentsPart,
  milestonesPart,
  openFlagsPart,
  outcomesPart,
  planPart,
  sessionsPart,
  type SummaryScope,
} from "./case-summary-parts";

/** The case's facts, the age group at opening and the coarse address (no identifying column). */
async function caseFacts(ctx: AuthedContext, handle: CaseHandle) {
  const [row] = await ctx.db
    .select({
      caseNumber: cases.caseNumber,
      alias: clients.alias,
      status: cases.status,
      riskLevel: cases.riskLevel,
      harmTypes: cases.harmTypes,
      referralSource: cases.referralSource,
      openedAt: cases.openedAt,
      closedAt: cases.closedAt,
      closureReason: cases.closureReason,
      team: teams.name,
      birthDate: clients.birthDate,
      estimatedAge: clients.estimatedAge,
      sex: clients.sex,
      province: clients.province,
      regencyCity: clients.regencyCity,
      district: clients.district,
      timeZone: agencies.timeZone,
    })
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .innerJoin(teams, eq(teams.id, cases.teamId))
    .innerJoin(agencies, eq(agencies.id, cases.agencyId))
    .where(eq(cases.id, handle.id));
  if (!row) throw new Error("case vanished between access check and read");
  return row;
}

/**
 * Identifying data, opened as "show identifying details" opens it (openIdentity), but only for the
 * care team: a supervisor off the care team or a break-glass reader gets none in a document that
 * may be printed and carried to a meeting.
 */
async function identityFor(
  ctx: AuthedContext,
  handle: CaseHandle,
  facts: Awaited<ReturnType<typeof caseFacts>>,
): Promise<CaseSummary["identity"]> {
  if (handle.access !== "care_team") return null;
  const [row] = await ctx.db.select({ ciphertext: clients.identityCiphertext }).from(clients).where(eq(clients.id, handle.clientId));
  if (!row) throw new Error("client missing");
  const identity = openIdentity(ctx.keyring, handle.clientId, row.ciphertext);
  // The exact address as one line, finest first: street, village or commune, then the coarse levels.
  const address = [identity.streetAddress, identity.villageOrCommune, facts.district, facts.regencyCity, facts.province]
    .filter((part): part is string => Boolean(part))
    .join(", ");
  return { legalName: identity.legalName, birthDate: facts.birthDate, phone: identity.phone ?? null, address: address || null };
}

export async function caseSummary(ctx: AuthedContext, caseId: string): Promise<CaseSummary> {
  const handle = await requireCaseAccess(ctx, caseId, "read");
  const facts = await caseFacts(ctx, handle);
  const now = ctx.clock();
  const scope: SummaryScope = { db: ctx.db, caseId: handle.id, today: localDate(now, facts.timeZone), timeZone: facts.timeZone };
  const openedOn = localDate(facts.openedAt, facts.timeZone);
  const [identity, careTeam, consentsInForce, plan, outcomes, milestones, appointments, sessions, openFlags] = await Promise.all([
    identityFor(ctx, handle, facts),
    careTeamPart(scope),
    consentsPart(scope),
    planPart(scope),
    outcomesPart(scope),
    milestonesPart(scope),
    appointmentsPart(scope),
    sessionsPart(scope),
    openFlagsPart(scope),
  ]);

  await ctx.db.transaction((tx) =>
    auditCase(ctx, tx, handle.id, {
      action: "case.summary_exported",
      entityType: "case",
      entityId: handle.id,
      details: { access: handle.access, identity: identity !== null },
    }),
  );

  return {
    generatedAt: now,
    case: {
      id: handle.id,
      caseNumber: facts.caseNumber,
      alias: facts.alias,
      status: facts.status,
      riskLevel: facts.riskLevel,
      harmTypes: facts.harmTypes,
      referralSource: facts.referralSource,
      openedOn,
      closedOn: facts.closedAt ? localDate(facts.closedAt, facts.timeZone) : null,
      closureReason: facts.closureReason,
      team: facts.team,
      ageGroup: ageGroup(facts.birthDate ? ageOn(facts.birthDate, openedOn) : facts.estimatedAge),
      sex: facts.sex,
    },
    identity,
    careTeam,
    consentsInForce,
    plan,
    outcomes,
    milestones,
    appointments,
    sessions,
    openFlags,
  };
}
