import { describe, expect, it } from "vitest";
import { overridesConsent, readShared, receiverDecisions, senderDecisions, sharedFieldChoices } from "./referral-rules";

describe("referral rules on the page", () => {
  it("lets the sender record an outside partner's answer, and only withdraw one sent to an agency on Lentera", () => {
    expect(senderDecisions({ status: "sent", partner: { linkedAgency: false } })).toEqual(["accepted", "declined", "withdrawn"]);
    expect(senderDecisions({ status: "accepted", partner: { linkedAgency: false } })).toEqual(["completed", "withdrawn"]);
    expect(senderDecisions({ status: "sent", partner: { linkedAgency: true } })).toEqual(["withdrawn"]);
    expect(senderDecisions({ status: "completed", partner: { linkedAgency: false } })).toEqual([]);
  });

  it("lets the receiver accept or decline, then complete, never withdraw", () => {
    expect(receiverDecisions("sent")).toEqual(["accepted", "declined"]);
    expect(receiverDecisions("accepted")).toEqual(["completed"]);
    expect(receiverDecisions("withdrawn")).toEqual([]);
  });

  it("offers the override to a supervisor of the case's team only", () => {
    expect(overridesConsent({ roles: ["supervisor"], teamIds: ["t1"] }, "t1")).toBe(true);
    expect(overridesConsent({ roles: ["supervisor"], teamIds: ["t2"] }, "t1")).toBe(false);
    expect(overridesConsent({ roles: ["social_worker"], teamIds: ["t1"] }, "t1")).toBe(false);
  });

  it("locks identity without the information-sharing consent", () => {
    expect(sharedFieldChoices(false).find((choice) => choice.field === "identity")?.disabled).toBe(true);
    expect(sharedFieldChoices(true).every((choice) => !choice.disabled)).toBe(true);
  });

  it("reads shared values of the expected shape and leaves out anything else", () => {
    expect(
      readShared({
        alias: "Ani",
        age_group: "15-17",
        sex: "female",
        languages: ["id", 3],
        harm_types: ["sextortion", "bogus"],
        risk_level: "weird",
        plan_goals: [{ title: "School", domain: "social" }, { title: 1 }],
        identity: { legalName: "A", phone: "", address: null },
      }),
    ).toEqual({
      alias: "Ani",
      age_group: "15-17",
      sex: "female",
      languages: ["id"],
      harm_types: ["sextortion"],
      plan_goals: [{ title: "School", domain: "social" }],
      identity: { legalName: "A", phone: null, address: null },
    });
    expect(readShared({})).toEqual({});
  });
});
