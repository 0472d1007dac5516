/**
 * Every milestone procedure for each role: the case's primary social worker, the counselor on its
 * care team, its team's supervisor, a social worker of the same team not on the case, another
 * team's supervisor, the administrator, a user of another agency, and a break-glass reader.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Milestone } from "@lentera/domain";
import { domainCause, expectCode } from "./expect-error";
import { milestoneWorld, type Actor, type MilestoneWorld } from "./milestones-fixture";

let w: MilestoneWorld;
let caseId: string;
let caseNumber: string;
/** Who reaches the case: its care team and its team's supervisor. */
let onCase: [string, Actor][];
/** Who does not: NOT_FOUND everywhere, so the case's existence is not revealed. */
let offCase: [string, Actor][];

beforeAll(async () => {
  w = await milestoneWorld();
  await w.requireVerification(true);
  ({ caseId, caseNumber } = await w.newCase());
  onCase = [
    ["primary social worker", w.sw],
    ["counselor on the care team", w.counselor],
    ["team supervisor", w.supervisor],
  ];
  offCase = [
    ["same-team social worker not on the case", w.swSameTeam],
    ["another team's supervisor", w.supervisorB],
    ["administrator", w.admin],
    ["another agency's supervisor", w.outsider],
  ];
});
afterAll(() => w.t.close());

describe("catalog", () => {
  it("is read by everyone in the agency; only administrators and supervisors add to it", async () => {
    const label = { en: "Has an ID card", id: "Memiliki KTP", vi: "Có căn cước công dân" };
    for (const [who, actor] of [...onCase, ...offCase]) {
      const catalog = await actor.api.milestones.catalog();
      expect(catalog.entries.length, who).toBeGreaterThanOrEqual(19);
      const manages = actor.user.roles.includes("supervisor") || actor.user.roles.includes("admin");
      expect(catalog.canManage, who).toBe(manages);
      const key = `id_card_${actor.user.id.slice(0, 8)}`;
      const call = actor.api.milestones.addCatalogEntry({ key, domain: "legal", label });
      if (manages) expect((await call).key, who).toBe(key);
      else expect(domainCause(await expectCode(call, "FORBIDDEN")).reason, who).toBe("forbidden");
    }
    // The other agency's entry stays in the other agency.
    const ours = await w.sw.api.milestones.catalog();
    expect(ours.entries.some((entry) => entry.key === `id_card_${w.outsider.user.id.slice(0, 8)}`)).toBe(false);
    expect(ours.entries.some((entry) => entry.key === `id_card_${w.supervisorB.user.id.slice(0, 8)}`)).toBe(true);
  });
});

describe("milestones on a case", () => {
  it("the care team and the team's supervisor read, add, update and change status; only the supervisor verifies", async () => {
    for (const [who, actor] of onCase) {
      const list = await actor.api.milestones.byCase({ caseId });
      const supervises = actor === w.supervisor;
      expect(list, who).toMatchObject({ canTrack: true, canVerify: supervises, verificationRequired: true });

      const added = await actor.api.milestones.add({ caseId, catalogKey: "harmful_content_reported" });
      expect(added.createdBy.id, who).toBe(actor.user.id);
      const updated = await actor.api.milestones.update({ milestoneId: added.id, version: added.version, evidenceNote: "Reported to the platform" });
      const achieved = await actor.api.milestones.changeStatus({
        milestoneId: added.id,
        version: updated.version,
        status: "achieved",
        achievedOn: w.daysFromToday(0),
      });
      expect(achieved.awaitingVerification, who).toBe(true);

      const verify = actor.api.milestones.verify({ milestoneId: added.id, version: achieved.version, decision: "verify" });
      // The supervisor recorded this achievement themselves: another supervisor must verify it.
      const refusal = domainCause(await expectCode(verify, "FORBIDDEN")).reason;
      expect(refusal, who).toBe(supervises ? "self_verification" : "supervisor_only");
    }
  });

  it("the team's supervisor verifies and rejects what the care team achieved", async () => {
    const achieved = await w.achieved(caseId, w.counselor);
    const verified = await w.supervisor.api.milestones.verify({ milestoneId: achieved.id, version: achieved.version, decision: "verify" });
    expect(verified.verifiedBy?.id).toBe(w.supervisor.user.id);
    const other = await w.achieved(caseId, w.sw);
    const rejected = await w.supervisor.api.milestones.verify({ milestoneId: other.id, version: other.version, decision: "reject", note: "No evidence yet" });
    expect(rejected.status).toBe("in_progress");
  });

  it("everyone off the case gets NOT_FOUND from every procedure, and changes nothing", async () => {
    const planned = await w.addPlanned(caseId);
    const achieved = await w.achieved(caseId);
    const before = await w.snapshot(achieved.id);
    for (const [who, actor] of offCase) {
      const calls: (() => Promise<unknown>)[] = [
        () => actor.api.milestones.byCase({ caseId }),
        () => actor.api.milestones.add({ caseId, catalogKey: "stable_job" }),
        () => actor.api.milestones.add({ caseId, customTitle: "Custom", domain: "housing" }),
        () => actor.api.milestones.update({ milestoneId: planned.id, version: planned.version, targetDate: null }),
        () => actor.api.milestones.changeStatus({ milestoneId: planned.id, version: planned.version, status: "in_progress" }),
        () => actor.api.milestones.verify({ milestoneId: achieved.id, version: achieved.version, decision: "verify" }),
        () => actor.api.milestones.verify({ milestoneId: achieved.id, version: achieved.version, decision: "reject", note: "No" }),
      ];
      for (const [index, call] of calls.entries()) {
        const error = await expectCode(call(), "NOT_FOUND");
        expect(domainCause(error).reason, `${who} #${index}`).toBe("not_found");
      }
    }
    expect(await w.snapshot(achieved.id)).toEqual(before);
    const list = await w.sw.api.milestones.byCase({ caseId });
    expect(list.milestones.find((m: Milestone) => m.id === planned.id)?.version).toBe(planned.version);
  });

  it("a break-glass reader reads the milestones but changes nothing", async () => {
    const planned = await w.addPlanned(caseId);
    await w.swSameTeam.api.cases.breakGlass({ caseNumber, reason: "Hotline call at night, child in danger" });
    const list = await w.swSameTeam.api.milestones.byCase({ caseId });
    expect(list).toMatchObject({ canTrack: false, canVerify: false });
    expect(list.milestones.some((m) => m.id === planned.id)).toBe(true);
    await expectCode(w.swSameTeam.api.milestones.add({ caseId, catalogKey: "stable_job" }), "FORBIDDEN");
    await expectCode(w.swSameTeam.api.milestones.changeStatus({ milestoneId: planned.id, version: planned.version, status: "in_progress" }), "FORBIDDEN");
    const achieved = await w.achieved(caseId);
    const refusal = await expectCode(w.swSameTeam.api.milestones.verify({ milestoneId: achieved.id, version: achieved.version, decision: "verify" }), "FORBIDDEN");
    expect(domainCause(refusal).reason).toBe("supervisor_only");
  });

  it("refuses a signed-out caller", async () => {
    const anonymous = w.t.caller(null).api;
    await expectCode(anonymous.milestones.catalog(), "UNAUTHORIZED");
    await expectCode(anonymous.milestones.byCase({ caseId }), "UNAUTHORIZED");
  });
});
