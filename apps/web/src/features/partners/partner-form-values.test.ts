import { describe, expect, it } from "vitest";
import { partnerDetailsInput } from "@lentera/domain";
import { partnerDetails, partnerFormSchema, partnerFormValues, regionsFromText, type PartnerRow } from "./partner-form-values";

describe("regionsFromText", () => {
  it("splits on commas, trims, and leaves out blanks and repeats", () => {
    expect(regionsFromText(" Jawa Barat,DKI  Jakarta , ,Jawa Barat,")).toEqual(["Jawa Barat", "DKI Jakarta"]);
    expect(regionsFromText("")).toEqual([]);
  });
});

describe("partner form values", () => {
  const row: PartnerRow = {
    id: "00000000-0000-4000-8000-000000000001",
    name: "LBH Jakarta",
    kind: "legal_aid",
    services: ["legal_aid", "prosecution_support"],
    regions: ["DKI Jakarta", "Banten"],
    contact: { person: "Rina", phone: null, email: "rina@example.org", address: null, website: null },
    linkedAgency: null,
    active: true,
    version: 3,
  };

  it("round-trips a directory row through the form into valid partner details", () => {
    const values = partnerFormSchema.parse(partnerFormValues(row));
    expect(values.regionsText).toBe("DKI Jakarta, Banten");
    const details = partnerDetails(values);
    expect(details).toEqual({
      name: "LBH Jakarta",
      kind: "legal_aid",
      services: ["legal_aid", "prosecution_support"],
      regions: ["DKI Jakarta", "Banten"],
      contact: { person: "Rina", phone: null, email: "rina@example.org", address: null, website: null },
      linkedAgencyId: null,
    });
    expect(partnerDetailsInput.safeParse(details).success).toBe(true);
  });

  it("refuses a malformed email but accepts a blank one", () => {
    const values = partnerFormValues(row);
    expect(partnerFormSchema.safeParse({ ...values, contact: { ...values.contact, email: "nope" } }).success).toBe(false);
    expect(partnerFormSchema.safeParse({ ...values, contact: { ...values.contact, email: "" } }).success).toBe(true);
  });
});
