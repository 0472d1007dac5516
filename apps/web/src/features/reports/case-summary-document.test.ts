import { describe, expect, it } from "vitest";
import type { CaseSummary } from "@lentera/domain";
import { caseSummaryDocument, caseSummaryFileName, type SummaryWords } from "./case-summary-document";
import { translator } from "./test-translator";

function words(locale: "en" | "vi"): SummaryWords {
  return {
    t: translator(locale),
    locale,
    date: (day) => `<${day}>`,
    dateTime: (instant) => instant.toISOString(),
    number: (value) => String(value),
    instrumentName: (code) => `instrument ${code}`,
    outcomeDomain: (_code, domain) => `domain ${domain}`,
    milestone: (naming) => naming.customTitle ?? naming.catalogKey ?? "",
  };
}

const summary: CaseSummary = {
  generatedAt: new Date("2026-05-04T03:00:00Z"),
  case: {
    id: "11111111-1111-4111-8111-111111111111",
    caseNumber: "LNT-2026-000123",
    alias: "Ani",
    status: "active",
    riskLevel: "high",
    harmTypes: ["sextortion", "grooming"],
    referralSource: "hotline",
    openedOn: "2026-01-10",
    closedOn: null,
    closureReason: null,
    team: "Tim Mawar",
    ageGroup: "15-17",
    sex: "female",
  },
  identity: { legalName: "Ani Lestari", birthDate: "2010-02-03", phone: "+62 811 000", address: "Jl. Melati 1" },
  careTeam: [{ name: "Dewi", role: "primary_social_worker" }],
  consentsInForce: ["services", "reporting"],
  plan: {
    number: 2,
    approvedOn: "2026-02-01",
    goals: [{ domain: "psychological", title: "Sleep through the night", status: "in_progress", targetDate: "2026-07-01", lastReview: null }],
  },
  outcomes: [{ instrumentCode: "ijm-aso", assessedOn: "2026-04-01", domains: [{ domain: "safety", score: 3, intakeScore: 2 }] }],
  milestones: [{ domain: "education", catalogKey: null, customTitle: "Back at school", status: "achieved", on: "2026-03-15" }],
  appointments: [{ kind: "counseling", on: "2026-05-06", status: "scheduled", staff: "Sri" }],
  sessions: { count: 4, lastOn: "2026-04-28" },
  openFlags: 1,
};

/** Every text the document holds, in order. */
function texts(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === "object") return Object.values(node).flatMap(texts);
  return [];
}

describe("the case summary document", () => {
  it("shows the identifying data to the care team, under its heading", () => {
    const content = texts(caseSummaryDocument(summary, words("en")).content);
    expect(content).toContain("Identifying data");
    expect(content).toContain("Ani Lestari");
    expect(content).toContain("+62 811 000");
    expect(content).not.toContain("Identifying data is shown only to the care team.");
  });

  it("has no identity section when the summary has no identity, and says why", () => {
    const content = texts(caseSummaryDocument({ ...summary, identity: null }, words("en")).content);
    expect(content).toContain("Identifying data is shown only to the care team.");
    expect(content).not.toContain("Identifying data");
    expect(content).not.toContain("Legal name");
    expect(content.some((text) => text.includes("Ani Lestari") || text.includes("+62"))).toBe(false);
  });

  it("words every label and code in the reader's language, with no catalog key left", () => {
    const document = caseSummaryDocument(summary, words("vi"));
    const content = texts(document.content);
    expect(content.filter((text) => /^(reports|cases|plans|milestones|appointments|sessions|roles)\.[a-z]/.test(text))).toEqual([]);
    expect(content).toEqual(
      expect.arrayContaining([
        "Tóm tắt hồ sơ",
        "Ani · LNT-2026-000123",
        "Đang hỗ trợ", // status
        "Cao", // risk
        "Tâm lý", // plan domain
        "Đã đạt được", // milestone status
        "Back at school",
        "4, lần gần nhất ngày <2026-04-28>",
        "Dữ liệu định danh", // identity heading
      ]),
    );
    expect(content).toContain("Dewi — Nhân viên công tác xã hội chính");
    expect(document.language).toBe("vi");
    expect(document.defaultStyle).toMatchObject({ font: "Roboto" });
  });

  it("says when there is no plan, no outcome and no session", () => {
    const content = texts(caseSummaryDocument({ ...summary, plan: null, outcomes: [], sessions: { count: 0, lastOn: null } }, words("en")).content);
    expect(content).toEqual(expect.arrayContaining(["No plan is in force.", "No completed assessment yet.", "None yet"]));
  });

  it("names the file after the case number", () => {
    expect(caseSummaryFileName("LNT-2026-000123")).toBe("lentera-summary-LNT-2026-000123.pdf");
  });
});
