/**
 * The online-harm record (issue #10): items found online (never the content), takedown requests and
 * their follow-ups in My work, the append-only evidence log, the legal process and the milestones
 * they mark. Sensitive text is stored as ciphertext. Access by role: online-harm-access.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { addDays } from "@lentera/domain";
import { auditEvents, caseMilestones, eq, evidenceEntries, harmItems, legalProcesses, sql, takedownRequests } from "@lentera/db";
import { domainCause, expectCode } from "./expect-error";
import { itemsFor } from "./my-work-fixture";
import { DAY, harmWorld, sha, type HarmWorld } from "./online-harm-fixture";

let w: HarmWorld;
beforeAll(async () => {
  w = await harmWorld({ followUpDays: 3 });
});
afterAll(() => w.t.close());

/** Every audit event of the case, as one JSON text (to look for a value that must not be there). */
async function auditText(caseId: string) {
  return JSON.stringify(await w.t.auditForCase(caseId));
}

describe("items found online", () => {
  it("stores the locator as ciphertext bound to the row, unseals it for the care team, audits without it", async () => {
    const { caseId } = await w.newCase();
    const locator = "https://photoshare.example/u/secret-handle-8841";
    const item = await w.recordItem(caseId, { locator, note: "Sent by her cousin" });
    expect(item).toMatchObject({ caseId, locator, online: "online", currentStatus: null, takedowns: [], recordedBy: { id: w.sw.user.id } });

    const [raw] = await w.t.db.select().from(harmItems).where(eq(harmItems.id, item.id));
    expect(raw?.locatorCiphertext).toMatch(/^v1\./);
    expect(JSON.stringify(raw)).not.toContain("secret-handle-8841");
    // Copied onto another row, it does not open.
    const other = await w.recordItem(caseId);
    await w.t.db.update(harmItems).set({ locatorCiphertext: String(raw?.locatorCiphertext) }).where(eq(harmItems.id, other.id));
    await expectCode(w.sw.api.onlineHarm.byCase({ caseId }), "INTERNAL_SERVER_ERROR");
    await w.t.db.delete(harmItems).where(eq(harmItems.id, other.id));

    const record = await w.counselor.api.onlineHarm.byCase({ caseId });
    expect(record.items.map((i) => i.locator)).toEqual([locator]);
    expect(record).toMatchObject({ itemsOnline: 1, itemsTotal: 1, evidence: [], legalProcess: null });

    const [recorded] = (await w.t.auditFor(item.id)).filter((event) => event.action === "harm_item.recorded");
    expect(recorded).toMatchObject({ caseId, entityType: "harm_item", changes: { kind: { to: "intimate_image" }, note: { to: "[redacted]" } } });
    expect(await auditText(caseId)).not.toContain("secret-handle-8841");
    expect(await auditText(caseId)).not.toContain("Sent by her cousin");
  });

  it("every read is audited on the case, and reads stay out of the case's history", async () => {
    const { caseId } = await w.newCase();
    await w.recordItem(caseId);
    await w.sw.api.onlineHarm.byCase({ caseId });
    const reads = (await w.t.auditForCase(caseId)).filter((event) => event.action === "harm_record.read");
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actorUserId: w.sw.user.id, caseId, entityId: caseId });
    const history = await w.sw.api.cases.history({ caseId });
    expect(history.map((event) => event.action)).not.toContain("harm_record.read");
    expect(history.map((event) => event.action)).toContain("harm_item.recorded");
    // A supervisor off the care team reads the case's history without the online-harm record's changes.
    const theirs = await w.supervisor.api.cases.history({ caseId });
    expect(theirs.map((event) => event.action)).not.toContain("harm_item.recorded");
  });

  it("refuses any attempt to attach the content: an extra key, a data: URL, a base64 blob", async () => {
    const { caseId } = await w.newCase();
    const withFile = await expectCode(w.recordItem(caseId, { file: "iVBORw0KGgo=" }), "BAD_REQUEST");
    expect(withFile.cause).toBeInstanceOf(ZodError);
    expect((withFile.cause as ZodError).issues).toEqual([expect.objectContaining({ code: "unrecognized_keys", keys: ["file"] })]);
    await expectCode(w.recordItem(caseId, { content: "x", image: "y" }), "BAD_REQUEST");

    const dataUrl = await expectCode(w.recordItem(caseId, { locator: "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ" }), "BAD_REQUEST");
    expect((dataUrl.cause as ZodError).issues).toEqual([expect.objectContaining({ path: ["locator"], message: "validation.contentNotAccepted" })]);
    const blob = "A".repeat(500);
    const inNote = await expectCode(w.recordItem(caseId, { note: `pasted: ${blob}` }), "BAD_REQUEST");
    expect((inNote.cause as ZodError).issues).toEqual([expect.objectContaining({ path: ["note"], message: "validation.contentNotAccepted" })]);
    // Evidence descriptions refuse it too.
    await expectCode(
      w.sw.api.onlineHarm.recordEvidence({ caseId, kind: "collected", description: `data:image/png;base64,${blob}`, sha256: sha("x"), on: w.today() }),
      "BAD_REQUEST",
    );
    expect((await w.sw.api.onlineHarm.byCase({ caseId })).itemsTotal).toBe(0);
  });

  it("refuses a day in the future", async () => {
    const { caseId } = await w.newCase();
    const error = await expectCode(w.recordItem(caseId, { foundOn: addDays(w.today(), 3) }), "BAD_REQUEST");
    expect(domainCause(error).reason).toBe("date_in_future");
  });
});

describe("takedown requests", () => {
  it("a follow-up appears in the social worker's My work after the agency's days without an answer and clears when answered", async () => {
    const { caseId, caseNumber, alias } = await w.newCase();
    const item = await w.recordItem(caseId, { kind: "ad", platformName: "Classy Ads" });
    const reportedOn = w.today();
    const made = await w.requestTakedown(item.id);
    expect(made).toMatchObject({
      itemOnline: "online",
      itemsOnline: 1,
      itemsTotal: 1,
      takedown: { status: "reported", statusOn: reportedOn, followUpDueOn: addDays(reportedOn, 3), version: 0, nextStatuses: ["removed", "refused"] },
    });
    const [row] = await w.t.db.select().from(takedownRequests).where(eq(takedownRequests.id, made.takedown.id));
    expect(row?.followUpDueOn).toBe(addDays(reportedOn, 3));
    expect(await itemsFor(w.sw, "takedown_follow_up", caseId)).toEqual([]);

    w.t.advanceClock(2 * DAY);
    expect(await itemsFor(w.sw, "takedown_follow_up", caseId)).toEqual([]);
    w.t.advanceClock(1 * DAY);
    const items = await itemsFor(w.sw, "takedown_follow_up", caseId);
    expect(items).toEqual([
      {
        kind: "takedown_follow_up",
        caseId,
        caseNumber,
        alias,
        dueOn: addDays(reportedOn, 3),
        at: null,
        facts: { takedownId: made.takedown.id, itemKind: "ad", platformName: "Classy Ads", channel: "platform_report_form", reportedOn },
        link: { page: "case", caseId, targetId: null },
      },
    ]);
    expect(JSON.stringify(items)).not.toContain(item.locator);
    // Only the care team's social worker: not the counselor, the supervisor, anyone else.
    for (const who of [w.swSameTeam, w.counselor, w.supervisor, w.swB, w.supervisorB, w.admin, w.outsider]) {
      expect(await itemsFor(who, "takedown_follow_up", caseId)).toEqual([]);
    }
    expect((await w.sw.api.myWork.counts()).bySection.takedown_follow_up).toBeGreaterThanOrEqual(1);

    // Answered: removed clears the follow-up, the item is down.
    const removed = await w.sw.api.onlineHarm.updateTakedown({ takedownId: made.takedown.id, version: 0, status: "removed", on: w.today() });
    expect(removed).toMatchObject({ itemOnline: "removed", itemsOnline: 0, itemsTotal: 1, takedown: { status: "removed", followUpDueOn: null, version: 1 } });
    expect(await itemsFor(w.sw, "takedown_follow_up", caseId)).toEqual([]);
    expect(await w.supervisor.api.onlineHarm.counts({ caseId })).toEqual({ itemsOnline: 0, itemsTotal: 1 });

    // It reappears: online again, a new follow-up from that day.
    const back = await w.counselor.api.onlineHarm.updateTakedown({ takedownId: made.takedown.id, version: 1, status: "reappeared", on: w.today() });
    expect(back).toMatchObject({ itemOnline: "online", itemsOnline: 1, takedown: { status: "reappeared", followUpDueOn: addDays(w.today(), 3) } });
    w.t.advanceClock(3 * DAY);
    expect((await itemsFor(w.sw, "takedown_follow_up", caseId)).map((i) => i.dueOn)).toEqual([back.takedown.followUpDueOn]);
    // Refused by the platform: answered (no follow-up), still online.
    const refused = await w.sw.api.onlineHarm.updateTakedown({ takedownId: made.takedown.id, version: 2, status: "refused", on: w.today(), note: "Platform says it meets its rules" });
    expect(refused).toMatchObject({ itemOnline: "online", takedown: { status: "refused", followUpDueOn: null } });
    expect(await itemsFor(w.sw, "takedown_follow_up", caseId)).toEqual([]);
    // Tried again (refused → reported): the follow-up is set again.
    const again = await w.sw.api.onlineHarm.updateTakedown({ takedownId: made.takedown.id, version: 3, status: "reported", on: w.today() });
    expect(again.takedown).toMatchObject({ status: "reported", followUpDueOn: addDays(w.today(), 3) });

    const actions = (await w.t.auditFor(made.takedown.id)).map((event) => event.action);
    expect(actions).toEqual(["takedown.status_changed", "takedown.status_changed", "takedown.status_changed", "takedown.status_changed", "takedown.requested"]);
    const onlineChanges = (await w.t.auditFor(item.id)).filter((event) => event.action === "harm_item.online_changed");
    expect(onlineChanges.map((event) => event.changes)).toEqual([{ online: { from: "removed", to: "online" } }, { online: { from: "online", to: "removed" } }]);
  });

  it("refuses a status out of order, the same status, and a stale version; nothing changes", async () => {
    const { caseId } = await w.newCase();
    const item = await w.recordItem(caseId);
    const made = await w.requestTakedown(item.id);
    const id = made.takedown.id;
    const order = await expectCode(w.sw.api.onlineHarm.updateTakedown({ takedownId: id, version: 0, status: "reappeared", on: w.today() }), "CONFLICT");
    expect(domainCause(order)).toEqual({ reason: "illegal_transition", details: { from: "reported", to: "reappeared" } });
    const same = await expectCode(w.sw.api.onlineHarm.updateTakedown({ takedownId: id, version: 0, status: "reported", on: w.today() }), "CONFLICT");
    expect(domainCause(same).reason).toBe("status_unchanged");
    await w.sw.api.onlineHarm.updateTakedown({ takedownId: id, version: 0, status: "refused", on: w.today() });
    const refusedToRemoved = await expectCode(w.sw.api.onlineHarm.updateTakedown({ takedownId: id, version: 1, status: "removed", on: w.today() }), "CONFLICT");
    expect(domainCause(refusedToRemoved).reason).toBe("illegal_transition");
    const stale = await expectCode(w.counselor.api.onlineHarm.updateTakedown({ takedownId: id, version: 0, status: "reported", on: w.today() }), "CONFLICT");
    expect(domainCause(stale).reason).toBe("stale_version");
    const [row] = await w.t.db.select().from(takedownRequests).where(eq(takedownRequests.id, id));
    expect(row).toMatchObject({ status: "refused", version: 1, followUpDueOn: null });
  });

  it("when every item of the case is down, the case's 'harmful content taken down' milestone is achieved (only if it tracks one)", async () => {
    const { caseId } = await w.newCase();
    const milestone = await w.sw.api.milestones.add({ caseId, catalogKey: "harmful_content_taken_down" });
    const first = await w.recordItem(caseId);
    const second = await w.recordItem(caseId, { kind: "profile", platformKind: "messaging", platformName: "ChatApp" });
    const a = await w.requestTakedown(first.id);
    const b = await w.requestTakedown(second.id, w.counselor);
    const one = await w.sw.api.onlineHarm.updateTakedown({ takedownId: a.takedown.id, version: 0, status: "removed", on: w.today() });
    expect(one).toMatchObject({ itemsOnline: 1, itemsTotal: 2, milestoneAchieved: null });
    const both = await w.sw.api.onlineHarm.updateTakedown({ takedownId: b.takedown.id, version: 0, status: "removed", on: w.today() });
    expect(both).toMatchObject({ itemsOnline: 0, itemsTotal: 2, milestoneAchieved: "harmful_content_taken_down" });
    const [tracked] = (await w.sw.api.milestones.byCase({ caseId })).milestones.filter((m) => m.id === milestone.id);
    expect(tracked).toMatchObject({ status: "achieved", achievedOn: w.today(), achievedBy: { id: w.sw.user.id } });

    // A case that does not track it gets none.
    const other = await w.newCase();
    const item = await w.recordItem(other.caseId);
    const request = await w.requestTakedown(item.id);
    const down = await w.sw.api.onlineHarm.updateTakedown({ takedownId: request.takedown.id, version: 0, status: "removed", on: w.today() });
    expect(down.milestoneAchieved).toBeNull();
    expect(await w.t.db.select().from(caseMilestones).where(eq(caseMilestones.caseId, other.caseId))).toEqual([]);
  });
});

describe("the evidence log", () => {
  it("appends collected and handed-over entries, the description sealed, and the audit without it", async () => {
    const { caseId } = await w.newCase();
    const item = await w.recordItem(caseId);
    const hash = sha("screenshot-1.png");
    const description = "Screenshots of the profile showing her photo and phone number";
    const noHash = await expectCode(w.sw.api.onlineHarm.recordEvidence({ caseId, kind: "collected", description, on: w.today() }), "BAD_REQUEST");
    expect(domainCause(noHash).reason).toBe("sha256_required");
    const collected = await w.sw.api.onlineHarm.recordEvidence({ caseId, kind: "collected", itemId: item.id, description, sha256: hash.toUpperCase(), on: w.today(), person: "Staff: Rina" });
    expect(collected).toMatchObject({ kind: "collected", sha256: hash, description, itemId: item.id, evidenceId: null, recordedBy: { id: w.sw.user.id } });

    const [raw] = await w.t.db.select().from(evidenceEntries).where(eq(evidenceEntries.id, collected.id));
    expect(raw?.descriptionCiphertext).toMatch(/^v1\./);
    expect(JSON.stringify(raw)).not.toContain("phone number");
    expect(await auditText(caseId)).not.toContain("phone number");

    const missing = await expectCode(w.sw.api.onlineHarm.recordEvidence({ caseId, kind: "handed_over", description: "To the police", on: w.today() }), "BAD_REQUEST");
    expect(domainCause(missing).reason).toBe("evidence_required");
    // A hand-over names a collected entry of the same case.
    const elsewhere = await w.newCase();
    const foreign = await expectCode(
      w.sw.api.onlineHarm.recordEvidence({ caseId: elsewhere.caseId, kind: "handed_over", evidenceId: collected.id, description: "To the police", on: w.today() }),
      "BAD_REQUEST",
    );
    expect(domainCause(foreign).reason).toBe("unknown_evidence");
    const mismatch = await expectCode(
      w.sw.api.onlineHarm.recordEvidence({ caseId, kind: "handed_over", evidenceId: collected.id, sha256: sha("other"), description: "To the police", on: w.today() }),
      "BAD_REQUEST",
    );
    expect(domainCause(mismatch).reason).toBe("sha256_mismatch");
    const handed = await w.counselor.api.onlineHarm.recordEvidence({
      caseId,
      kind: "handed_over",
      evidenceId: collected.id,
      description: "USB stick handed to the cyber unit",
      on: w.today(),
      person: "Ipda Sutrisno, Cyber Crime Unit",
    });
    expect(handed).toMatchObject({ kind: "handed_over", evidenceId: collected.id, sha256: hash });
    const handedOverEntry = (await w.sw.api.onlineHarm.byCase({ caseId })).evidence;
    expect(handedOverEntry.map((entry) => entry.kind)).toEqual(["collected", "handed_over"]);
    expect(await auditText(caseId)).not.toContain("Sutrisno");
  });

  it("Postgres refuses UPDATE and DELETE on evidence_entries for the app's connection", async () => {
    const { caseId } = await w.newCase();
    const entry = await w.sw.api.onlineHarm.recordEvidence({ caseId, kind: "collected", description: "Chat export", sha256: sha("chat"), on: w.today() });
    const update = await w.t.db.execute(sql`update evidence_entries set person = 'someone else' where id = ${entry.id}`).then(() => null, (e: unknown) => e);
    expect(String((update as Error & { cause?: Error })?.cause?.message ?? (update as Error)?.message)).toMatch(/append-only: UPDATE refused/);
    const remove = await w.t.db.execute(sql`delete from evidence_entries where id = ${entry.id}`).then(() => null, (e: unknown) => e);
    expect(String((remove as Error & { cause?: Error })?.cause?.message ?? (remove as Error)?.message)).toMatch(/append-only: DELETE refused/);
    const [row] = await w.t.db.select().from(evidenceEntries).where(eq(evidenceEntries.id, entry.id));
    expect(row?.person).toBeNull();
  });
});

describe("the legal process", () => {
  it("seals the report number, audits the stage from → to without it, marks the legal milestones, refuses a stale version", async () => {
    const { caseId } = await w.newCase();
    const reportNumber = "LP/B/1234/VI/2026/SPKT";
    const first = await w.sw.api.onlineHarm.saveLegalProcess({
      caseId,
      version: 0,
      policeReportNumber: reportNumber,
      investigatingUnit: "Polda Metro Jaya, Cyber Crime",
      stage: "reported",
      stageOn: w.today(),
      accompaniment: "Legal aid lawyer Bu Ratna",
    });
    expect(first).toMatchObject({ milestoneAchieved: "legal_case_filed", legalProcess: { policeReportNumber: reportNumber, stage: "reported", version: 1 } });
    const [raw] = await w.t.db.select().from(legalProcesses).where(eq(legalProcesses.caseId, caseId));
    expect(raw?.policeReportNumberCiphertext).toMatch(/^v1\./);
    expect(JSON.stringify(raw)).not.toContain("1234/VI");
    // The case lacked the milestone: it was added from the catalog and achieved.
    const filed = (await w.sw.api.milestones.byCase({ caseId })).milestones.find((m) => m.catalogKey === "legal_case_filed");
    expect(filed).toMatchObject({ status: "achieved", achievedOn: w.today(), domain: "legal" });

    // Someone else's first save, made meanwhile (version 0: "none yet"), is stale; so is an old version.
    const second = await expectCode(w.counselor.api.onlineHarm.saveLegalProcess({ caseId, version: 0, stage: "trial", stageOn: w.today() }), "CONFLICT");
    expect(domainCause(second).reason).toBe("stale_version");
    const investigation = await w.counselor.api.onlineHarm.saveLegalProcess({ caseId, version: 1, stage: "investigation", stageOn: w.today() });
    // Left out, the report number, unit and accompaniment keep their values.
    expect(investigation).toMatchObject({
      milestoneAchieved: null,
      legalProcess: { stage: "investigation", version: 2, policeReportNumber: reportNumber, investigatingUnit: "Polda Metro Jaya, Cyber Crime" },
    });
    await expectCode(w.sw.api.onlineHarm.saveLegalProcess({ caseId, version: 1, stage: "trial", stageOn: w.today() }), "CONFLICT");
    const stageEvent = (await w.t.auditForCase(caseId)).find((event) => event.action === "legal_process.stage_changed");
    expect(stageEvent?.changes).toEqual({ stage: { from: "reported", to: "investigation" } });

    const changedNumber = await w.sw.api.onlineHarm.saveLegalProcess({ caseId, version: 2, policeReportNumber: "LP/B/9999/VII/2026", stage: "verdict", stageOn: w.today() });
    expect(changedNumber).toMatchObject({ milestoneAchieved: "verdict_reached", legalProcess: { policeReportNumber: "LP/B/9999/VII/2026", stage: "verdict", version: 3 } });
    const verdictEvent = (await w.t.auditForCase(caseId)).find((event) => event.action === "legal_process.stage_changed");
    expect(verdictEvent?.changes).toMatchObject({ stage: { from: "investigation", to: "verdict" }, policeReportNumber: { from: "[redacted]", to: "[redacted]" } });
    const text = await auditText(caseId);
    expect(text).not.toContain("1234/VI");
    expect(text).not.toContain("9999/VII");
    expect(text).not.toContain("Ratna");
    const verdict = (await w.sw.api.milestones.byCase({ caseId })).milestones.find((m) => m.catalogKey === "verdict_reached");
    expect(verdict).toMatchObject({ status: "achieved" });

    const record = await w.sw.api.onlineHarm.byCase({ caseId });
    expect(record.legalProcess).toMatchObject({ policeReportNumber: "LP/B/9999/VII/2026", investigatingUnit: "Polda Metro Jaya, Cyber Crime", stage: "verdict" });
    // Only the legal process changes are recorded; the number appears in no audit event at all.
    expect(await w.t.db.select({ id: auditEvents.id }).from(auditEvents).where(sql`${auditEvents.changes}::text like '%9999%'`)).toEqual([]);
  });
});
