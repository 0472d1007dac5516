/**
 * Who may do what with the online-harm record (issue #10, item 7): the care team only (its social
 * worker and counselor), for every procedure. A case the caller cannot reach at all stays NOT_FOUND
 * (the same team's social worker off the care team, another team's supervisor, an administrator,
 * another agency); the team's supervisor and a break-glass reader, who may read the case, get
 * FORBIDDEN. The counts (how many items are still online) are for whoever may read the case. A
 * refused call changes nothing and leaves no audit event.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TRPCError } from "@trpc/server";
import { count, eq, evidenceEntries, harmItems, legalProcesses, takedownRequests } from "@lentera/db";
import { domainCause, expectCode } from "./expect-error";
import { harmWorld, sha, type Actor, type HarmWorld } from "./online-harm-fixture";

let w: HarmWorld;
let caseId: string;
let itemId: string;
beforeAll(async () => {
  w = await harmWorld();
  ({ caseId } = await w.newCase());
  itemId = (await w.recordItem(caseId)).id;
  await w.breakGlassReader.api.cases.breakGlass({ caseNumber: (await w.supervisor.api.cases.byId({ caseId })).caseNumber, reason: "Hotline call at night: child in danger" });
});
afterAll(() => w.t.close());

/**
 * Every procedure: `prepare` makes what the call needs (as the case's social worker), then `call`
 * is made by the user under test, so a refused call can be checked to change nothing.
 */
interface Procedure {
  prepare: () => Promise<unknown>;
  call: (who: Actor, prepared: unknown) => Promise<unknown>;
}
const none = () => Promise.resolve(null);
const procedures: Record<string, Procedure> = {
  byCase: { prepare: none, call: (who) => who.api.onlineHarm.byCase({ caseId }) },
  recordItem: { prepare: none, call: (who) => w.recordItem(caseId, {}, who) },
  requestTakedown: { prepare: none, call: (who) => w.requestTakedown(itemId, who) },
  updateTakedown: {
    prepare: async () => (await w.requestTakedown((await w.recordItem(caseId)).id)).takedown,
    call: (who, prepared) => {
      const takedown = prepared as { id: string; version: number };
      return who.api.onlineHarm.updateTakedown({ takedownId: takedown.id, version: takedown.version, status: "removed", on: w.today() });
    },
  },
  recordEvidence: {
    prepare: none,
    call: (who) => who.api.onlineHarm.recordEvidence({ caseId, kind: "collected", description: "Screenshot of the ad", sha256: sha("ad.png"), on: w.today() }),
  },
  saveLegalProcess: {
    prepare: async () => (await w.sw.api.onlineHarm.byCase({ caseId })).legalProcess?.version ?? 0,
    call: (who, version) =>
      who.api.onlineHarm.saveLegalProcess({ caseId, version: version as number, policeReportNumber: "LP/123", stage: "investigation", stageOn: w.today() }),
  },
};

/** The state a refused call must leave as it was. */
async function snapshot() {
  const rows = async (table: typeof harmItems | typeof takedownRequests | typeof evidenceEntries | typeof legalProcesses) =>
    Number((await w.t.db.select({ n: count() }).from(table).where(eq(table.caseId, caseId)))[0]?.n ?? 0);
  return {
    items: await rows(harmItems),
    takedowns: await rows(takedownRequests),
    evidence: await rows(evidenceEntries),
    legal: await rows(legalProcesses),
    audit: (await w.t.auditForCase(caseId)).length,
  };
}

describe.each(Object.keys(procedures))("onlineHarm.%s", (name) => {
  const procedure = procedures[name] as Procedure;
  const attempt = async (who: Actor) => {
    const prepared = await procedure.prepare();
    const before = await snapshot();
    const error = await procedure.call(who, prepared).then(() => null, (e: unknown) => e as TRPCError);
    const after = await snapshot();
    return { error, unchanged: JSON.stringify(after) === JSON.stringify(before) };
  };

  it("the care team's social worker and counselor may", async () => {
    for (const who of [w.sw, w.counselor]) {
      const { error } = await attempt(who);
      expect(error, `${name} by ${who.user.roles.join(",")}`).toBeNull();
    }
  });

  it("NOT_FOUND for whoever cannot reach the case: same-team social worker off the care team, another team's supervisor or social worker, admin, other agency", async () => {
    for (const who of [w.swSameTeam, w.supervisorB, w.swB, w.admin, w.outsider, w.otherCounselor]) {
      const { error, unchanged } = await attempt(who);
      expect(error?.code, `${name} by ${who.user.roles.join(",")}`).toBe("NOT_FOUND");
      expect(unchanged).toBe(true);
    }
  });

  it("FORBIDDEN care_team_only for the team's supervisor and a break-glass reader, who may read the case", async () => {
    for (const who of [w.supervisor, w.breakGlassReader]) {
      const { error, unchanged } = await attempt(who);
      expect(error?.code, `${name} by ${who.user.roles.join(",")}`).toBe("FORBIDDEN");
      if (error) expect(domainCause(error).reason).toBe("care_team_only");
      expect(unchanged).toBe(true);
    }
  });
});

describe("onlineHarm.counts", () => {
  it("whoever may read the case sees only how many items are still online", async () => {
    const expected = await w.sw.api.onlineHarm.byCase({ caseId });
    for (const who of [w.sw, w.counselor, w.supervisor, w.breakGlassReader]) {
      const counts = await who.api.onlineHarm.counts({ caseId });
      expect(counts).toEqual({ itemsOnline: expected.itemsOnline, itemsTotal: expected.itemsTotal });
      expect(Object.keys(counts).sort()).toEqual(["itemsOnline", "itemsTotal"]);
    }
    for (const who of [w.swSameTeam, w.supervisorB, w.admin, w.outsider, w.otherCounselor]) {
      await expectCode(who.api.onlineHarm.counts({ caseId }), "NOT_FOUND");
    }
  });

  it("without a session: UNAUTHORIZED everywhere", async () => {
    const anonymous = w.t.caller(null).api.onlineHarm;
    await expectCode(anonymous.counts({ caseId }), "UNAUTHORIZED");
    await expectCode(anonymous.byCase({ caseId }), "UNAUTHORIZED");
    await expectCode(anonymous.recordItem({ caseId, kind: "ad", platformKind: "classifieds", platformName: "X", locator: "x", foundOn: w.today(), foundBy: "staff" }), "UNAUTHORIZED");
  });
});
