/** The world the online-harm tests share: the My-work world (team A's case, its care team, everyone else) and helpers. */
import { createHash, randomUUID } from "node:crypto";
import { agencies, eq } from "@lentera/db";
import { makeAgency, makeTeam } from "@lentera/db/testing";
import { workWorld, type Actor } from "./my-work-fixture";

export { DAY } from "./my-work-fixture";
export type { Actor };

export const sha = (text: string) => createHash("sha256").update(text).digest("hex");

export async function harmWorld(options: { followUpDays?: number } = {}) {
  const w = await workWorld();
  if (options.followUpDays !== undefined) {
    await w.t.db.update(agencies).set({ takedownFollowUpDays: options.followUpDays }).where(eq(agencies.id, w.agencyId));
  }
  // A social worker of team B who reads team A's cases only through break-glass.
  const breakGlassReader = await w.t.signedInUser({ agencyId: w.agencyId, roles: ["social_worker"], teamIds: [w.teamB] });
  // Another agency's whole care team (same roles), to be sure no role crosses agencies.
  const otherAgency = await makeAgency(w.t.db, { timeZone: "Asia/Jakarta" });
  const otherCounselor = await w.t.signedInUser({ agencyId: otherAgency.id, roles: ["counselor"], teamIds: [(await makeTeam(w.t.db, otherAgency.id)).id] });

  /** An item on the case, recorded by `by` (the case's social worker unless told). */
  function recordItem(caseId: string, over: Record<string, unknown> = {}, by: Actor = w.sw) {
    return by.api.onlineHarm.recordItem({
      caseId,
      kind: "intimate_image",
      platformKind: "social_media",
      platformName: "PhotoShare",
      locator: `https://photoshare.example/p/${randomUUID()}`,
      foundOn: w.today(),
      foundBy: "survivor",
      ...over,
    });
  }

  /** A takedown request for the item, reported today through the platform's form. */
  function requestTakedown(itemId: string, by: Actor = w.sw, reportedOn = w.today()) {
    return by.api.onlineHarm.requestTakedown({ itemId, channel: "platform_report_form", reportedOn, reference: "TS-12345" });
  }

  return { ...w, breakGlassReader, otherCounselor, recordItem, requestTakedown };
}

export type HarmWorld = Awaited<ReturnType<typeof harmWorld>>;
