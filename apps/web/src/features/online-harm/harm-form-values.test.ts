import { describe, expect, it } from "vitest";
import {
  allowedNextStatuses,
  collectedFormSchema,
  collectedRequest,
  emptyCollectedForm,
  emptyHandOverForm,
  emptyItemForm,
  handOverFormSchema,
  handOverRequest,
  investigatingPartners,
  itemFormSchema,
  itemRequest,
  legalFormDefaults,
  legalRequest,
  shortHash,
  takedownRequest,
  updateFormDefaults,
  updateFormSchema,
  updateRequest,
} from "./harm-form-values";
import { harmReasonKey } from "./harm-errors";

const CASE_ID = "11111111-1111-4111-8111-111111111111";
const HASH = "AB".repeat(32);

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));
}

describe("takedown statuses", () => {
  it("offers only the moves the server allows", () => {
    expect(allowedNextStatuses("reported")).toEqual(["removed", "refused"]);
    expect(allowedNextStatuses("removed")).toEqual(["reappeared"]);
    expect(allowedNextStatuses("refused")).toEqual(["reported"]);
  });

  it("preselects the only next status, and refuses one not allowed", () => {
    expect(updateFormDefaults({ status: "removed", reference: "T-1" }, "2026-05-02")).toEqual({ status: "reappeared", on: "2026-05-02", reference: "T-1", note: "" });
    expect(updateFormDefaults({ status: "reported", reference: null }, "2026-05-02").status).toBe("");
    const schema = updateFormSchema("reported");
    expect(messages(schema.safeParse({ status: "reappeared", on: "2026-05-02", reference: "", note: "" }))).toEqual({ status: "validation.invalid" });
    expect(schema.safeParse({ status: "removed", on: "2026-05-02", reference: "", note: "" }).success).toBe(true);
    expect(messages(schema.safeParse({ status: "", on: "", reference: "", note: "" }))).toEqual({ status: "validation.required", on: "validation.required" });
  });

  it("turns the update form into the API's input", () => {
    expect(updateRequest({ id: CASE_ID, version: 3 }, { status: "removed", on: "2026-05-02", reference: " ", note: " gone " })).toEqual({
      takedownId: CASE_ID,
      version: 3,
      status: "removed",
      on: "2026-05-02",
      reference: null,
      note: "gone",
    });
    expect(takedownRequest(CASE_ID, { channel: "police", reportedOn: "2026-05-01", reference: "LP/12" })).toEqual({
      itemId: CASE_ID,
      channel: "police",
      reportedOn: "2026-05-01",
      reference: "LP/12",
    });
  });
});

describe("shortHash", () => {
  it("keeps the first digits and marks the cut", () => {
    expect(shortHash("0123456789abcdef".repeat(4))).toBe("0123456789ab…");
    expect(shortHash("abc")).toBe("abc");
  });
});

describe("an item found online", () => {
  const filled = { ...emptyItemForm("2026-05-01"), kind: "ad", platformKind: "classifieds", platformName: " Site ", locator: " https://example.test/ad/1 ", foundBy: "staff" };

  it("becomes the API's input, blank note as null", () => {
    expect(itemRequest(CASE_ID, filled)).toEqual({
      caseId: CASE_ID,
      kind: "ad",
      platformKind: "classifieds",
      platformName: "Site",
      locator: "https://example.test/ad/1",
      foundOn: "2026-05-01",
      foundBy: "staff",
      note: null,
    });
    expect(itemFormSchema.safeParse(filled).success).toBe(true);
  });

  it("asks for what is missing", () => {
    expect(messages(itemFormSchema.safeParse(emptyItemForm("2026-05-01")))).toEqual({
      kind: "validation.required",
      platformKind: "validation.required",
      platformName: "validation.required",
      locator: "validation.required",
      foundBy: "validation.required",
    });
  });

  it("refuses the content itself pasted as an address", () => {
    const pasted = { ...filled, locator: "data:image/png;base64,iVBORw0KGgo=" };
    expect(messages(itemFormSchema.safeParse(pasted))).toEqual({ locator: "validation.contentNotAccepted" });
  });
});

describe("the evidence log", () => {
  it("needs a well-formed SHA-256 for evidence collected, and sends it in lower case", () => {
    const form = { ...emptyCollectedForm("2026-05-01"), description: "Screenshots on USB" };
    expect(messages(collectedFormSchema.safeParse(form))).toEqual({ sha256: "validation.required" });
    expect(messages(collectedFormSchema.safeParse({ ...form, sha256: "xyz" }))).toEqual({ sha256: "validation.sha256" });
    expect(collectedFormSchema.safeParse({ ...form, sha256: HASH }).success).toBe(true);
    expect(collectedRequest(CASE_ID, { ...form, sha256: HASH })).toMatchObject({ kind: "collected", evidenceId: null, itemId: null, sha256: HASH });
  });

  it("hands over a collected entry to a partner or a named person", () => {
    const form = { ...emptyHandOverForm("2026-05-03"), description: "Sealed USB" };
    expect(messages(handOverFormSchema.safeParse(form))).toEqual({ evidenceId: "validation.required", person: "validation.required" });
    const toPerson = { ...form, evidenceId: CASE_ID, person: "Bripda Sari, Unit PPA" };
    expect(handOverFormSchema.safeParse(toPerson).success).toBe(true);
    expect(handOverRequest(CASE_ID, toPerson)).toEqual({
      caseId: CASE_ID,
      kind: "handed_over",
      evidenceId: CASE_ID,
      itemId: null,
      description: "Sealed USB",
      sha256: null,
      on: "2026-05-03",
      partnerId: null,
      person: "Bripda Sari, Unit PPA",
    });
  });
});

describe("the legal process", () => {
  it("starts at the first stage, and sends the version last seen", () => {
    const values = legalFormDefaults(null, "2026-05-01");
    expect(values).toMatchObject({ stage: "reported", stageOn: "2026-05-01", investigatingUnitPartnerId: "" });
    expect(legalRequest(CASE_ID, 2, { ...values, investigatingUnit: " Polres " })).toEqual({
      caseId: CASE_ID,
      version: 2,
      policeReportNumber: null,
      investigatingUnitPartnerId: null,
      investigatingUnit: "Polres",
      stage: "reported",
      stageOn: "2026-05-01",
      accompaniment: null,
    });
  });

  it("offers police units and prosecutors, and keeps the one already chosen", () => {
    const partners = [
      { id: "a", name: "Clinic", kind: "health" },
      { id: "b", name: "Cyber unit", kind: "police_unit" },
      { id: "c", name: "Prosecutor", kind: "prosecutor" },
    ];
    expect(investigatingPartners(partners, null).map((unit) => unit.id)).toEqual(["b", "c"]);
    expect(investigatingPartners(partners, { id: "z", name: "Old unit" }).map((unit) => unit.id)).toEqual(["b", "c", "z"]);
  });
});

describe("refusals", () => {
  it("are explained in this feature's words when they are ours", () => {
    expect(harmReasonKey("illegal_transition")).toBe("harm.errors.illegal_transition");
    expect(harmReasonKey("care_team_only")).toBe("harm.errors.care_team_only");
    expect(harmReasonKey("something_else")).toBeNull();
    expect(harmReasonKey(null)).toBeNull();
  });
});
