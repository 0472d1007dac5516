/**
 * The world the data-rights tests share (export, retention, key rotation): the online-harm world and
 * a case that holds something in every sealed column and every part of a client's record.
 */
import { randomUUID } from "node:crypto";
import { addDays, RECOVERY_INSTRUMENT } from "@lentera/domain";
import { harmWorld, sha } from "./online-harm-fixture";
import { completeDraft, phqAnswers } from "./sessions-fixture";

export async function dataRightsWorld() {
  const w = await harmWorld();
  const partnerId = (
    await w.supervisor.api.partners.create({ name: `LBH ${randomUUID().slice(0, 4)}`, kind: "legal_aid", services: ["legal_aid"] })
  ).id;

  const recoveryAnswers = (value: number) =>
    Object.fromEntries(RECOVERY_INSTRUMENT.domains.flatMap((domain) => domain.items.map((item) => [item.id, value])));

  async function assessment(caseId: string, timepoint: "intake" | "six_months", assessedOn: string, value: number) {
    const saved = await w.counselor.api.outcomes.save({
      caseId,
      assessmentId: null,
      version: 0,
      instrumentCode: RECOVERY_INSTRUMENT.code,
      instrumentVersion: RECOVERY_INSTRUMENT.version,
      timepoint,
      assessedOn,
      answers: recoveryAnswers(value),
    });
    return w.counselor.api.outcomes.complete({ assessmentId: saved.id, version: saved.version });
  }

  /**
   * A case of team A with a unique legal name and identity number, a reporting consent, two
   * assessments, a plan in force, an appointment, a milestone, a signed note with a PHQ-A screening
   * and an addendum, an online item with a takedown, evidence, a legal process and a referral.
   */
  let booked = 0;
  async function richCase(options: { birthDate?: string } = {}) {
    booked += 1;
    const marker = randomUUID().slice(0, 8);
    const legalName = `Ratna Kusuma ${marker}`;
    const identityNumber = `3201${marker.replace(/[^0-9]/g, "7").padEnd(12, "1")}`;
    const created = await w.sw.api.cases.create({
      client: {
        alias: `Anggrek ${marker}`,
        birthDate: options.birthDate ?? "2011-03-15",
        sex: "female",
        address: { country: "ID", province: "Jawa Barat", regencyCity: "Kota Bandung", district: "Coblong" },
      },
      identity: {
        legalName,
        identityNumbers: [{ kind: "nik", number: identityNumber }],
        phone: "+62 812 0000 1111",
        streetAddress: `Jl. Melati ${marker}`,
      },
      harmTypes: ["sextortion", "grooming"],
      referralSource: "hotline",
      riskLevel: "high",
    });
    const caseId = created.id;
    await w.supervisor.api.cases.assignCareTeam({
      caseId,
      version: created.version,
      primarySocialWorkerId: w.sw.user.id,
      counselorIds: [w.counselor.user.id],
    });
    const past = addDays(w.today(), -10);
    for (const scope of ["reporting", "referral", "information_sharing"] as const) {
      await w.sw.api.cases.consents.record({ caseId, scope, givenBy: "guardian", givenOn: past });
    }
    await assessment(caseId, "intake", addDays(w.today(), -5), 2);
    await assessment(caseId, "six_months", w.today(), 3);
    await w.planInForce(caseId);
    await w.addMilestone(caseId);
    const { noteId } = await w.counselor.api.sessions.start({ caseId });
    const saved = await w.counselor.api.sessions.save(
      completeDraft(noteId, 0, w.today(), {
        screenings: [{ instrumentCode: "phq-a", instrumentVersion: 1, answers: phqAnswers([1, 1, 1, 1, 1, 1, 1, 1, 0]) }],
      }),
    );
    await w.counselor.api.sessions.sign({ noteId, version: saved.version });
    await w.counselor.api.sessions.addAddendum({ noteId, body: `Addendum about ${legalName}` });
    await w.book(caseId, w.sw, (24 + booked * 2) * 3600_000, { kind: "home_visit" });
    const item = await w.recordItem(caseId, { locator: `https://photoshare.example/${marker}` });
    await w.requestTakedown(item.id);
    await w.sw.api.onlineHarm.recordEvidence({ caseId, kind: "collected", itemId: item.id, description: `Screenshot naming ${legalName}`, sha256: sha(marker), on: w.today() });
    await w.sw.api.onlineHarm.saveLegalProcess({ caseId, version: 0, policeReportNumber: `LP/B/${marker}`, stage: "reported", stageOn: w.today() });
    await w.sw.api.referrals.send({
      caseId,
      partnerId,
      services: ["legal_aid"],
      reason: "Needs a lawyer",
      urgency: "soon",
      shared: ["alias", "age_group", "sex", "harm_types", "identity"],
    });
    return { caseId, caseNumber: created.caseNumber, legalName, identityNumber, marker, noteId };
  }

  return { ...w, partnerId, richCase, assessment };
}

export type DataRightsWorld = Awaited<ReturnType<typeof dataRightsWorld>>;
