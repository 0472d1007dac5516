import { describe, expect, it } from "vitest";
import { translator } from "../reports/test-translator";
import { ACCOUNT_ACTIONS, actionWords, auditCsv, CASE_READS, type AuditEvent } from "./audit-words";

const row = (over: Partial<AuditEvent>): AuditEvent => ({
  id: 1,
  occurredAt: new Date("2026-03-01T02:03:04.005Z"),
  action: "case.break_glass",
  entityType: "break_glass",
  entityId: null,
  actor: { id: "u1", name: "=HYPERLINK(\"x\")" },
  case: { id: "c1", caseNumber: "LNT-2026-000001" },
  fields: [],
  ip: "10.0.0.1",
  ...over,
});

describe("the audit log in words", () => {
  it("names every account action and case read in each language", () => {
    for (const locale of ["en", "id", "vi"] as const) {
      const t = translator(locale);
      for (const action of [...ACCOUNT_ACTIONS, ...CASE_READS]) expect(actionWords(action, t)).not.toBe(action);
    }
  });

  it("names case actions as the case history does, and shows an unnamed one as recorded", () => {
    const t = translator("id");
    expect(actionWords("case.break_glass", t)).toBe(t("cases.history.actions.case.break_glass"));
    expect(actionWords("something.new", t)).toBe("something.new");
  });

  it("writes the CSV in the user's language with every cell neutralized", () => {
    const csv = auditCsv([row({})], translator("vi"));
    const [header, line] = csv.replace("\uFEFF", "").split("\r\n");
    expect(header).toContain("Thời gian");
    expect(line).toContain("2026-03-01T02:03:04.005Z");
    expect(line).toContain(translator("vi")("cases.history.actions.case.break_glass"));
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
