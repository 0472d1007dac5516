import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { auditEvents, and, eq, isNull, milestoneCatalog, milestoneEvents } from "@lentera/db";
import { DEFAULT_MILESTONE_CATALOG } from "@lentera/domain";
import { domainCause, expectCode } from "./expect-error";
import { milestoneWorld, type MilestoneWorld } from "./milestones-fixture";
import { refusedState } from "./sessions-fixture";

let w: MilestoneWorld;
beforeAll(async () => {
  w = await milestoneWorld();
});
afterAll(() => w.t.close());

const reason = async (promise: Promise<unknown>, code: Parameters<typeof expectCode>[1]) => domainCause(await expectCode(promise, code)).reason;

describe("catalog", () => {
  it("lists the default milestones in English, Indonesian and Vietnamese", async () => {
    const catalog = await w.sw.api.milestones.catalog();
    expect(catalog.canManage).toBe(false);
    const defaults = catalog.entries.filter((entry) => entry.source === "default");
    expect(defaults.map((entry) => entry.key).sort()).toEqual(DEFAULT_MILESTONE_CATALOG.map((entry) => entry.key).sort());
    expect(defaults.find((entry) => entry.key === "enrolled_in_school")).toEqual({
      key: "enrolled_in_school",
      domain: "education",
      label: { en: "Enrolled in school", id: "Terdaftar di sekolah", vi: "Đã nhập học" },
      source: "default",
    });
    expect(defaults.find((entry) => entry.key === "returned_to_family")?.label).toEqual({
      en: "Returned to family",
      id: "Kembali ke keluarga",
      vi: "Trở về với gia đình",
    });
    // Grouped by domain, in the vocabulary's order.
    expect(defaults[0]?.domain).toBe("family");
    expect(defaults.at(-1)?.domain).toBe("online_safety");
  });

  it("adds an agency's own kind, with an audit event on the agency, seen by its users only", async () => {
    const label = { en: "Got a driving licence", id: "Memperoleh SIM", vi: "Có bằng lái xe" };
    const added = await w.supervisor.api.milestones.addCatalogEntry({ domain: "livelihood", label });
    expect(added).toEqual({ key: "got_a_driving_licence", domain: "livelihood", label, source: "agency" });

    const catalog = await w.counselor.api.milestones.catalog();
    expect(catalog.entries.at(-1)).toEqual(added);
    const theirs = await w.outsider.api.milestones.catalog();
    expect(theirs.entries.some((entry) => entry.key === "got_a_driving_licence")).toBe(false);

    const [row] = await w.t.db.select({ id: milestoneCatalog.id }).from(milestoneCatalog).where(eq(milestoneCatalog.key, added.key));
    const [audit] = await w.t.auditFor(row?.id ?? "");
    expect(audit).toMatchObject({
      action: "milestone_catalog.entry_added",
      entityType: "milestone_catalog",
      agencyId: w.agencyId,
      actorUserId: w.supervisor.user.id,
      caseId: null,
    });
  });

  it("refuses a key already taken or belonging to the defaults", async () => {
    const label = { en: "Bank account opened", id: "Membuka rekening bank", vi: "Đã mở tài khoản ngân hàng" };
    await w.admin.api.milestones.addCatalogEntry({ key: "bank_account", domain: "livelihood", label });
    expect(await reason(w.supervisor.api.milestones.addCatalogEntry({ key: "bank_account", domain: "livelihood", label }), "CONFLICT")).toBe(
      "milestone_key_taken",
    );
    expect(await reason(w.supervisor.api.milestones.addCatalogEntry({ key: "stable_job", domain: "livelihood", label }), "CONFLICT")).toBe(
      "milestone_key_taken",
    );
    // A default's English label makes a default's key.
    const copy = { en: "Stable job", id: "Pekerjaan tetap", vi: "Việc làm ổn định" };
    expect(await reason(w.supervisor.api.milestones.addCatalogEntry({ domain: "livelihood", label: copy }), "CONFLICT")).toBe(
      "milestone_key_taken",
    );
    // Another agency may use the same key.
    await w.outsider.api.milestones.addCatalogEntry({ key: "bank_account", domain: "livelihood", label });
  });

  it("offers inactive entries to nobody", async () => {
    const label = { en: "Old kind", id: "Jenis lama", vi: "Loại cũ" };
    await w.admin.api.milestones.addCatalogEntry({ key: "old_kind", domain: "community", label });
    await w.t.db.update(milestoneCatalog).set({ active: false }).where(and(eq(milestoneCatalog.agencyId, w.agencyId), eq(milestoneCatalog.key, "old_kind")));
    const catalog = await w.sw.api.milestones.catalog();
    expect(catalog.entries.some((entry) => entry.key === "old_kind")).toBe(false);
    const { caseId } = await w.newCase();
    expect(await reason(w.sw.api.milestones.add({ caseId, catalogKey: "old_kind" }), "BAD_REQUEST")).toBe("unknown_milestone");
  });
});

describe("adding and updating", () => {
  it("adds a milestone from the catalog: planned, its domain from the catalog, its first event written", async () => {
    const { caseId } = await w.newCase();
    const goalKey = await w.planGoal(caseId);
    const targetDate = w.daysFromToday(60);
    const added = await w.sw.api.milestones.add({
      caseId,
      catalogKey: "enrolled_in_school",
      targetDate,
      goalKey,
      evidenceNote: "Headteacher of SMP 4 agreed to take her after the holidays",
    });
    expect(added).toMatchObject({
      caseId,
      catalogKey: "enrolled_in_school",
      customTitle: null,
      domain: "education",
      status: "planned",
      targetDate,
      achievedOn: null,
      goalKey,
      verificationRequired: false,
      awaitingVerification: false,
      achievedBy: null,
      verifiedBy: null,
      createdBy: { id: w.sw.user.id, name: w.sw.user.displayName },
      version: 0,
    });
    expect(added.history).toEqual([
      expect.objectContaining({ kind: "status", fromStatus: null, toStatus: "planned", achievedOn: null, actor: { id: w.sw.user.id, name: w.sw.user.displayName } }),
    ]);
    const [audit] = await w.t.auditFor(added.id);
    expect(audit).toMatchObject({ action: "milestone.added", entityType: "milestone", caseId });
    // Free text stays out of the audit trail: that it was set, not what it says.
    expect(JSON.stringify(audit?.changes)).not.toContain("SMP 4");
    expect(audit?.changes).toMatchObject({ catalogKey: { from: null, to: "enrolled_in_school" }, evidenceNote: { to: "[redacted]" } });

    const list = await w.counselor.api.milestones.byCase({ caseId });
    expect(list.milestones).toEqual([added]);
  });

  it("adds a custom milestone with its domain", async () => {
    const { caseId } = await w.newCase();
    const added = await w.counselor.api.milestones.add({ caseId, customTitle: "Speaks to her mother weekly", domain: "family" });
    expect(added).toMatchObject({ catalogKey: null, customTitle: "Speaks to her mother weekly", domain: "family", status: "planned" });
    await expectCode(w.sw.api.milestones.add({ caseId, customTitle: "No domain" }), "BAD_REQUEST");
    await expectCode(w.sw.api.milestones.add({ caseId, catalogKey: "stable_job", customTitle: "Both" }), "BAD_REQUEST");
  });

  it("refuses an unknown kind, a domain other than the catalog's and a goal that is not the case's", async () => {
    const { caseId } = await w.newCase();
    const otherCase = await w.newCase();
    const otherGoal = await w.planGoal(otherCase.caseId);
    expect(await reason(w.sw.api.milestones.add({ caseId, catalogKey: "won_the_lottery" }), "BAD_REQUEST")).toBe("unknown_milestone");
    expect(await reason(w.sw.api.milestones.add({ caseId, catalogKey: "stable_job", domain: "housing" }), "BAD_REQUEST")).toBe("domain_mismatch");
    expect(await reason(w.sw.api.milestones.add({ caseId, catalogKey: "stable_job", goalKey: otherGoal }), "BAD_REQUEST")).toBe("unknown_goal");
    expect(await reason(w.sw.api.milestones.add({ caseId, catalogKey: "stable_job", goalKey: randomUUID() }), "BAD_REQUEST")).toBe("unknown_goal");
    expect((await w.sw.api.milestones.byCase({ caseId })).milestones).toEqual([]);
    // The agency's own kinds are usable; the domain given may repeat the catalog's.
    const own = await w.sw.api.milestones.add({ caseId, catalogKey: "got_a_driving_licence", domain: "livelihood" });
    expect(own.domain).toBe("livelihood");
  });

  it("updates the details without touching the status or the history", async () => {
    const { caseId } = await w.newCase();
    const goalKey = await w.planGoal(caseId);
    const planned = await w.addPlanned(caseId);
    const updated = await w.supervisor.api.milestones.update({
      milestoneId: planned.id,
      version: planned.version,
      targetDate: w.daysFromToday(30),
      goalKey,
      evidenceNote: "Enrolment letter expected next week",
    });
    expect(updated).toMatchObject({ status: "planned", targetDate: w.daysFromToday(30), goalKey, evidenceNote: "Enrolment letter expected next week", version: 1 });
    expect(updated.history).toHaveLength(1);
    const [audit] = await w.t.auditFor(planned.id);
    expect(audit).toMatchObject({ action: "milestone.updated", actorUserId: w.supervisor.user.id });
    expect(audit?.changes).toMatchObject({ evidenceNote: { from: "[redacted]", to: "[redacted]" }, goalKey: { from: null, to: goalKey } });

    const cleared = await w.sw.api.milestones.update({ milestoneId: planned.id, version: updated.version, targetDate: null, evidenceNote: "" });
    expect(cleared).toMatchObject({ targetDate: null, evidenceNote: null, goalKey, version: 2 });

    expect(await reason(w.sw.api.milestones.update({ milestoneId: planned.id, version: cleared.version, customTitle: "Renamed" }), "BAD_REQUEST")).toBe(
      "not_custom",
    );
    expect(await reason(w.sw.api.milestones.update({ milestoneId: planned.id, version: 0, targetDate: null }), "CONFLICT")).toBe("stale_version");
    const custom = await w.sw.api.milestones.add({ caseId, customTitle: "Own bank acount", domain: "livelihood" });
    const renamed = await w.sw.api.milestones.update({ milestoneId: custom.id, version: custom.version, customTitle: "Own bank account" });
    expect(renamed.customTitle).toBe("Own bank account");
  });
});

describe("status changes", () => {
  it("follows the transition rule", async () => {
    await w.requireVerification(false);
    const { caseId } = await w.newCase();
    const m = await w.addPlanned(caseId);
    const change = (version: number, status: "planned" | "in_progress" | "achieved" | "regressed" | "not_applicable", extra = {}) =>
      w.sw.api.milestones.changeStatus({ milestoneId: m.id, version, status, ...extra });

    const refusal = await expectCode(change(0, "regressed"), "CONFLICT");
    expect(domainCause(refusal)).toEqual({ reason: "illegal_transition", details: { from: "planned", to: "regressed" } });
    expect(await reason(change(0, "planned"), "CONFLICT")).toBe("status_unchanged");

    const na = await change(0, "not_applicable", { note: "Family moved her to a boarding school" });
    expect(await reason(change(na.version, "achieved", { achievedOn: w.daysFromToday(0) }), "CONFLICT")).toBe("illegal_transition");
    const going = await change(na.version, "in_progress");
    await expectCode(change(going.version, "achieved"), "BAD_REQUEST");
    expect(await reason(change(going.version, "achieved", { achievedOn: w.daysFromToday(3) }), "BAD_REQUEST")).toBe("date_in_future");
    const done = await change(going.version, "achieved", { achievedOn: w.daysFromToday(0) });
    expect(done).toMatchObject({ status: "achieved", achievedOn: w.daysFromToday(0), achievedBy: { id: w.sw.user.id } });
    expect(await reason(change(done.version, "not_applicable", { note: "?" }), "CONFLICT")).toBe("illegal_transition");
    expect(await reason(change(done.version, "regressed"), "BAD_REQUEST")).toBe("note_required");
    const corrected = await change(done.version, "in_progress", { note: "Recorded too early: the enrolment is next term" });
    expect(corrected).toMatchObject({ status: "in_progress", achievedOn: null, achievedBy: null });
    expect(corrected.history.map((event) => event.toStatus)).toEqual(["planned", "not_applicable", "in_progress", "achieved", "in_progress"]);

    const [audit] = await w.t.auditFor(m.id);
    expect(audit).toMatchObject({ action: "milestone.status_changed", changes: { status: { from: "achieved", to: "in_progress" } } });
  });

  it("keeps the earlier achievement in the history when it regresses", async () => {
    await w.requireVerification(false);
    const { caseId } = await w.newCase();
    const achievedOn = w.daysFromToday(-40);
    const achieved = await w.achieved(caseId, w.sw, achievedOn);
    w.t.advanceClock(60_000);
    const regressed = await w.sw.api.milestones.changeStatus({
      milestoneId: achieved.id,
      version: achieved.version,
      status: "regressed",
      note: "Stopped going after the photos were shared at school",
    });
    expect(regressed).toMatchObject({ status: "regressed", achievedOn: null, verificationRequired: false, verifiedBy: null });
    expect(regressed.history.map(({ kind, fromStatus, toStatus, achievedOn: on }) => ({ kind, fromStatus, toStatus, achievedOn: on }))).toEqual([
      { kind: "status", fromStatus: null, toStatus: "planned", achievedOn: null },
      { kind: "status", fromStatus: "planned", toStatus: "achieved", achievedOn },
      { kind: "status", fromStatus: "achieved", toStatus: "regressed", achievedOn: null },
    ]);
    expect(regressed.history[2]?.note).toBe("Stopped going after the photos were shared at school");
    const times = regressed.history.map((event) => event.occurredAt.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    // Achieved again later: both achievements stay.
    const again = await w.sw.api.milestones.changeStatus({
      milestoneId: achieved.id,
      version: regressed.version,
      status: "achieved",
      achievedOn: w.daysFromToday(0),
    });
    const achievements = again.history.filter((event) => event.toStatus === "achieved").map((event) => event.achievedOn);
    expect(achievements).toEqual([achievedOn, w.daysFromToday(0)]);
    expect((await w.supervisor.api.milestones.byCase({ caseId })).milestones[0]?.history).toEqual(again.history);
  });

  it("orders the history even when the clock stands still", async () => {
    await w.requireVerification(false);
    const { caseId } = await w.newCase();
    let m = await w.addPlanned(caseId);
    for (const status of ["in_progress", "planned", "in_progress"] as const) {
      m = await w.sw.api.milestones.changeStatus({ milestoneId: m.id, version: m.version, status });
    }
    expect(m.history.map((event) => event.toStatus)).toEqual(["planned", "in_progress", "planned", "in_progress"]);
  });
});

describe("verification", () => {
  it("with the setting on, an achievement awaits a supervisor of the team, who verifies it", async () => {
    await w.requireVerification(true);
    const { caseId } = await w.newCase();
    const achieved = await w.achieved(caseId, w.sw);
    expect(achieved).toMatchObject({ status: "achieved", verificationRequired: true, awaitingVerification: true, verifiedBy: null, verifiedAt: null });
    expect(achieved.achievedBy).toEqual({ id: w.sw.user.id, name: w.sw.user.displayName });
    const ref = { milestoneId: achieved.id, version: achieved.version };

    expect(await reason(w.sw.api.milestones.verify({ ...ref, decision: "verify" }), "FORBIDDEN")).toBe("supervisor_only");
    expect(await reason(w.counselor.api.milestones.verify({ ...ref, decision: "verify" }), "FORBIDDEN")).toBe("supervisor_only");
    await expectCode(w.supervisorB.api.milestones.verify({ ...ref, decision: "verify" }), "NOT_FOUND");

    const verified = await w.supervisor.api.milestones.verify({ ...ref, decision: "verify", note: "Saw the enrolment letter" });
    expect(verified).toMatchObject({
      status: "achieved",
      awaitingVerification: false,
      verifiedBy: { id: w.supervisor.user.id, name: w.supervisor.user.displayName },
      verifiedAt: w.t.deps.clock(),
      version: ref.version + 1,
    });
    expect(verified.history.at(-1)).toMatchObject({
      kind: "verified",
      fromStatus: "achieved",
      toStatus: "achieved",
      achievedOn: achieved.achievedOn,
      note: "Saw the enrolment letter",
      actor: { id: w.supervisor.user.id },
    });
    const [audit] = await w.t.auditFor(achieved.id);
    expect(audit).toMatchObject({ action: "milestone.verified", actorUserId: w.supervisor.user.id, caseId });
    expect(await reason(w.supervisor.api.milestones.verify({ milestoneId: achieved.id, version: verified.version, decision: "verify" }), "CONFLICT")).toBe(
      "not_awaiting_verification",
    );

    // Leaving achieved clears the verification; the history keeps it.
    const regressed = await w.sw.api.milestones.changeStatus({ milestoneId: achieved.id, version: verified.version, status: "regressed", note: "Dropped out" });
    expect(regressed).toMatchObject({ verificationRequired: false, verifiedBy: null, verifiedAt: null, awaitingVerification: false });
    expect(regressed.history.map((event) => event.kind)).toEqual(["status", "status", "verified", "status"]);
  });

  it("refuses a supervisor's verification of their own achievement, and lets another supervisor verify it", async () => {
    await w.requireVerification(true);
    const { caseId } = await w.newCase();
    const achieved = await w.achieved(caseId, w.supervisor);
    const ref = { milestoneId: achieved.id, version: achieved.version };
    expect(await reason(w.supervisor.api.milestones.verify({ ...ref, decision: "verify" }), "FORBIDDEN")).toBe("self_verification");
    const verified = await w.supervisor2.api.milestones.verify({ ...ref, decision: "verify" });
    expect(verified.verifiedBy?.id).toBe(w.supervisor2.user.id);
  });

  it("a rejection returns the milestone to in progress with the note", async () => {
    await w.requireVerification(true);
    const { caseId } = await w.newCase();
    const achieved = await w.achieved(caseId, w.sw, w.daysFromToday(-2));
    const ref = { milestoneId: achieved.id, version: achieved.version };
    await expectCode(w.supervisor.api.milestones.verify({ ...ref, decision: "reject" }), "BAD_REQUEST");
    const rejected = await w.supervisor.api.milestones.verify({ ...ref, decision: "reject", note: "No letter from the school yet" });
    expect(rejected).toMatchObject({ status: "in_progress", achievedOn: null, verificationRequired: false, awaitingVerification: false, verifiedBy: null });
    expect(rejected.history.at(-1)).toMatchObject({
      kind: "verification_rejected",
      fromStatus: "achieved",
      toStatus: "in_progress",
      achievedOn: w.daysFromToday(-2),
      note: "No letter from the school yet",
      actor: { id: w.supervisor.user.id },
    });
    const [audit] = await w.t.auditFor(achieved.id);
    expect(audit).toMatchObject({ action: "milestone.verification_rejected", changes: { status: { from: "achieved", to: "in_progress" } } });
    expect(await reason(w.supervisor.api.milestones.verify({ milestoneId: achieved.id, version: rejected.version, decision: "reject", note: "again" }), "CONFLICT")).toBe(
      "not_awaiting_verification",
    );
  });

  it("with the setting off, an achievement needs no verification", async () => {
    await w.requireVerification(false);
    const { caseId } = await w.newCase();
    const achieved = await w.achieved(caseId, w.sw);
    expect(achieved).toMatchObject({ status: "achieved", verificationRequired: false, awaitingVerification: false });
    expect((await w.sw.api.milestones.byCase({ caseId })).verificationRequired).toBe(false);
    expect(await reason(w.supervisor.api.milestones.verify({ milestoneId: achieved.id, version: achieved.version, decision: "verify" }), "CONFLICT")).toBe(
      "not_awaiting_verification",
    );
  });

  it("an achievement awaiting verification keeps waiting when the setting is turned off", async () => {
    await w.requireVerification(true);
    const { caseId } = await w.newCase();
    const achieved = await w.achieved(caseId, w.sw);
    await w.requireVerification(false);
    const list = await w.supervisor.api.milestones.byCase({ caseId });
    expect(list.verificationRequired).toBe(false);
    expect(list.milestones[0]?.awaitingVerification).toBe(true);
    await w.supervisor.api.milestones.verify({ milestoneId: achieved.id, version: achieved.version, decision: "verify" });
  });

  it("the administrator turns verification on and sets the no-contact days in the settings", async () => {
    const settings = await w.admin.api.admin.settings.get();
    expect(settings).toMatchObject({ noContactDays: 30 });
    const base = {
      optionalPlanDomains: settings.optionalPlanDomains,
      allowPlanSelfApproval: settings.allowPlanSelfApproval,
      reviewIntervalDays: settings.reviewIntervalDays,
    };
    const changed = await w.admin.api.admin.settings.update({ ...base, version: settings.version, milestoneVerificationRequired: true, noContactDays: 14 });
    expect(changed).toMatchObject({ milestoneVerificationRequired: true, noContactDays: 14, defaultNoteFormat: settings.defaultNoteFormat });
    const [audit] = await w.t.auditFor(w.agencyId);
    expect(audit?.changes).toMatchObject({ noContactDays: { from: 30, to: 14 } });
    await expectCode(w.admin.api.admin.settings.update({ ...base, version: changed.version, noContactDays: 6 }), "BAD_REQUEST");
    await expectCode(w.admin.api.admin.settings.update({ ...base, version: changed.version, noContactDays: 366 }), "BAD_REQUEST");
    // Left out, they stay.
    const kept = await w.admin.api.admin.settings.update({ ...base, version: changed.version });
    expect(kept).toMatchObject({ milestoneVerificationRequired: true, noContactDays: 14 });
    const { caseId } = await w.newCase();
    expect((await w.sw.api.milestones.byCase({ caseId })).verificationRequired).toBe(true);
    await w.admin.api.admin.settings.update({ ...base, version: kept.version, milestoneVerificationRequired: false, noContactDays: 30 });
  });
});

describe("closed cases and refused changes", () => {
  it("a closed case takes no milestone changes, but a pending verification can still be decided", async () => {
    await w.requireVerification(true);
    const { caseId } = await w.newCase();
    const planned = await w.addPlanned(caseId);
    const achieved = await w.achieved(caseId, w.sw);
    await w.closeCase(caseId);
    expect(await reason(w.sw.api.milestones.add({ caseId, catalogKey: "stable_job" }), "CONFLICT")).toBe("case_closed");
    expect(await reason(w.supervisor.api.milestones.update({ milestoneId: planned.id, version: planned.version, targetDate: null }), "CONFLICT")).toBe(
      "case_closed",
    );
    expect(
      await reason(w.sw.api.milestones.changeStatus({ milestoneId: planned.id, version: planned.version, status: "in_progress" }), "CONFLICT"),
    ).toBe("case_closed");
    const list = await w.sw.api.milestones.byCase({ caseId });
    expect(list).toMatchObject({ canTrack: false, canVerify: false });
    expect((await w.supervisor.api.milestones.byCase({ caseId })).canVerify).toBe(true);
    const verified = await w.supervisor.api.milestones.verify({ milestoneId: achieved.id, version: achieved.version, decision: "verify" });
    expect(verified.verifiedBy?.id).toBe(w.supervisor.user.id);
    await w.requireVerification(false);
  });

  it("a refused change changes nothing and writes no event", async () => {
    await w.requireVerification(true);
    const { caseId } = await w.newCase();
    const achieved = await w.achieved(caseId, w.sw);
    const before = await w.snapshot(achieved.id);
    const ref = { milestoneId: achieved.id, version: achieved.version };
    // One call at a time: each starts only when the previous one has been refused.
    const refusals: [() => Promise<unknown>, Parameters<typeof expectCode>[1]][] = [
      [() => w.sw.api.milestones.changeStatus({ ...ref, version: 0, status: "regressed", note: "stale" }), "CONFLICT"],
      [() => w.sw.api.milestones.changeStatus({ ...ref, status: "not_applicable", note: "no" }), "CONFLICT"],
      [() => w.sw.api.milestones.changeStatus({ ...ref, status: "regressed" }), "BAD_REQUEST"],
      [() => w.sw.api.milestones.update({ ...ref, version: 0, evidenceNote: "stale" }), "CONFLICT"],
      [() => w.sw.api.milestones.verify({ ...ref, decision: "verify" }), "FORBIDDEN"],
      [() => w.supervisor.api.milestones.verify({ ...ref, version: 0, decision: "verify" }), "CONFLICT"],
      [() => w.swSameTeam.api.milestones.changeStatus({ ...ref, status: "regressed", note: "not mine" }), "NOT_FOUND"],
      [() => w.supervisorB.api.milestones.verify({ ...ref, decision: "reject", note: "not mine" }), "NOT_FOUND"],
    ];
    for (const [call, code] of refusals) await expectCode(call(), code);
    // Refused by the date rule, on a milestone that would otherwise move.
    const { caseId: otherCase } = await w.newCase();
    const planned = await w.addPlanned(otherCase);
    const plannedBefore = await w.snapshot(planned.id);
    await expectCode(
      w.sw.api.milestones.changeStatus({ milestoneId: planned.id, version: planned.version, status: "achieved", achievedOn: w.daysFromToday(5) }),
      "BAD_REQUEST",
    );
    expect(await w.snapshot(planned.id)).toEqual(plannedBefore);
    await w.closeCase(caseId);
    await expectCode(w.sw.api.milestones.changeStatus({ ...ref, status: "regressed", note: "closed" }), "CONFLICT");
    expect(await w.snapshot(achieved.id)).toEqual(before);
    await w.requireVerification(false);
  });

  it("the history cannot be changed or deleted, even by a direct statement", async () => {
    const { caseId } = await w.newCase();
    const m = await w.addPlanned(caseId);
    const byMilestone = eq(milestoneEvents.milestoneId, m.id);
    expect(await refusedState(w.t.db.update(milestoneEvents).set({ note: "rewritten" }).where(byMilestone))).toBe("42501");
    expect(await refusedState(w.t.db.delete(milestoneEvents).where(byMilestone))).toBe("42501");
    const events = await w.t.db.select({ note: milestoneEvents.note }).from(milestoneEvents).where(byMilestone);
    expect(events).toEqual([{ note: null }]);
  });

  it("writes every milestone audit event with the case, never on no case", async () => {
    const orphans = await w.t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "milestone"), isNull(auditEvents.caseId)));
    expect(orphans).toEqual([]);
  });
});
