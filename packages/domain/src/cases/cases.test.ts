import { describe, expect, it } from "vitest";
import { caseAccess, canOnCase, canRegisterCase, type CaseActor, type CaseAccessFacts } from "./access";
import { followUpDates, formatCaseNumber, nextStatus, STATUS_TRANSITIONS } from "./workflow";
import { consentInForce, scopesInForce } from "./consent";
import { CASE_STATUSES } from "./vocabulary";
import { createCaseInput } from "./schemas";

const now = new Date("2026-11-24T10:00:00Z");
const facts = (over: Partial<CaseAccessFacts> = {}): CaseAccessFacts => ({
  agencyId: "a1",
  teamId: "t1",
  careTeamRole: null,
  breakGlassUntil: null,
  ...over,
});
const actor = (over: Partial<CaseActor> = {}): CaseActor => ({ id: "u1", agencyId: "a1", roles: ["social_worker"], teamIds: ["t1"], ...over });

describe("caseAccess", () => {
  it("lets the care team in", () => {
    expect(caseAccess(actor(), facts({ careTeamRole: "primary_social_worker" }), now)).toBe("care_team");
  });
  it("keeps out a social worker of the same team who is not on the care team", () => {
    expect(caseAccess(actor(), facts(), now)).toBe("none");
  });
  it("lets in a supervisor of the case's team, not of another team", () => {
    expect(caseAccess(actor({ roles: ["supervisor"] }), facts(), now)).toBe("supervisor");
    expect(caseAccess(actor({ roles: ["supervisor"], teamIds: ["t2"] }), facts(), now)).toBe("none");
  });
  it("never lets in another agency, whatever the rest says", () => {
    expect(caseAccess(actor({ agencyId: "a2" }), facts({ careTeamRole: "counselor" }), now)).toBe("none");
  });
  it("gives an administrator no access by role alone", () => {
    expect(caseAccess(actor({ roles: ["admin"] }), facts(), now)).toBe("none");
  });
  it("honours break-glass only until it expires, and only for reading", () => {
    const grant = facts({ breakGlassUntil: new Date(now.getTime() + 1000) });
    expect(caseAccess(actor(), grant, now)).toBe("break_glass");
    expect(caseAccess(actor(), facts({ breakGlassUntil: now }), now)).toBe("none");
    expect(canOnCase("break_glass", "read")).toBe(true);
    expect(canOnCase("break_glass", "update")).toBe(false);
  });
  it("reserves closure decisions and care-team changes for supervisors", () => {
    expect(canOnCase("care_team", "decide_closure")).toBe(false);
    expect(canOnCase("care_team", "manage_care_team")).toBe(false);
    expect(canOnCase("supervisor", "decide_closure")).toBe(true);
    expect(canOnCase("none", "read")).toBe(false);
  });
  it("lets social workers and supervisors register cases, not counselors or administrators", () => {
    expect(canRegisterCase({ roles: ["social_worker"] })).toBe(true);
    expect(canRegisterCase({ roles: ["supervisor"] })).toBe(true);
    expect(canRegisterCase({ roles: ["counselor"] })).toBe(false);
    expect(canRegisterCase({ roles: ["admin"] })).toBe(false);
  });
});

describe("status machine", () => {
  it("allows exactly the documented transitions", () => {
    const allowed: string[] = [];
    for (const status of CASE_STATUSES) {
      for (const transition of Object.keys(STATUS_TRANSITIONS) as (keyof typeof STATUS_TRANSITIONS)[]) {
        const next = nextStatus(status, transition);
        if (next) allowed.push(`${status} -${transition}-> ${next}`);
      }
    }
    expect(allowed.sort()).toEqual(
      [
        "intake -activate-> active",
        "intake -close-> closed",
        "active -hold-> on_hold",
        "active -close-> closed",
        "on_hold -resume-> active",
        "on_hold -close-> closed",
        "closed -reopen-> active",
      ].sort(),
    );
  });
});

describe("followUpDates", () => {
  it("schedules 6 and 12 months after closure, keeping month ends", () => {
    const dates = followUpDates(new Date("2026-08-31T00:00:00Z"), [6, 12]).map((d) => d.toISOString().slice(0, 10));
    expect(dates).toEqual(["2027-02-28", "2027-08-31"]);
  });
});

describe("formatCaseNumber", () => {
  it("pads the yearly sequence to six digits", () => {
    expect(formatCaseNumber("LNT", 2026, 123)).toBe("LNT-2026-000123");
  });
});

describe("consent", () => {
  const consent = { scope: "reporting" as const, givenOn: "2026-01-10", expiresOn: "2027-01-10", withdrawnOn: null };
  it("is in force between the day given and expiry or withdrawal", () => {
    expect(consentInForce(consent, "2026-01-09")).toBe(false);
    expect(consentInForce(consent, "2026-06-01")).toBe(true);
    expect(consentInForce(consent, "2027-01-10")).toBe(false);
    expect(consentInForce({ ...consent, withdrawnOn: "2026-03-01" }, "2026-06-01")).toBe(false);
    expect(scopesInForce([consent, { ...consent, scope: "services" }], "2026-06-01").sort()).toEqual(["reporting", "services"]);
  });
});

describe("createCaseInput", () => {
  const valid = {
    client: { alias: "Ani", estimatedAge: 15, sex: "female", address: { country: "ID", province: "Jawa Barat" } },
    identity: { legalName: "Ani Rahmawati" },
    harmTypes: ["sextortion"],
    referralSource: "hotline",
    riskLevel: "high",
  };
  it("accepts a minimal intake", () => {
    expect(createCaseInput.safeParse(valid).success).toBe(true);
  });
  it("needs a birth date or an estimated age, and a province of the right country", () => {
    const noAge = createCaseInput.safeParse({ ...valid, client: { ...valid.client, estimatedAge: null } });
    expect(noAge.error?.issues.map((i) => i.message)).toContain("validation.birthDateOrAge");
    const wrongProvince = createCaseInput.safeParse({
      ...valid,
      client: { ...valid.client, address: { country: "VN", province: "Jawa Barat" } },
    });
    expect(wrongProvince.success).toBe(false);
  });
});
