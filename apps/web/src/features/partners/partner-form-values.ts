import { z } from "zod";
import { PARTNER_KINDS, PARTNER_SERVICES, type partnerDetailsInput, type PartnerService } from "@lentera/domain";
import type { RouterOutputs } from "@lentera/api";

export type PartnerRow = RouterOutputs["partners"]["list"][number];

/** The contact fields, in the order the form shows them. */
export const CONTACT_FIELDS = ["person", "phone", "email", "address", "website"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** "Jawa Barat, DKI Jakarta ," -> ["Jawa Barat", "DKI Jakarta"]: trimmed, blanks and repeats left out. */
export function regionsFromText(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(",")) {
    const region = part.trim().replace(/\s+/g, " ");
    if (region) seen.add(region);
  }
  return [...seen];
}

const contactText = (max: number) => z.string().trim().max(max, { error: "validation.tooLong" });

/**
 * What the partner form holds: regions as one comma-separated line, the linked agency as a select
 * value ("" for an outside organization), contact fields as text ("" for none).
 */
export const partnerFormSchema = z.object({
  name: z.string().trim().min(1, { error: "validation.required" }).max(200, { error: "validation.tooLong" }),
  kind: z.enum(PARTNER_KINDS),
  services: z.array(z.enum(PARTNER_SERVICES)),
  regionsText: z
    .string()
    .refine((text) => regionsFromText(text).length <= 50, { error: "validation.tooMany" })
    .refine((text) => regionsFromText(text).every((region) => region.length <= 100), { error: "validation.tooLong" }),
  contact: z.object({
    person: contactText(200),
    phone: contactText(50),
    email: z.union([z.literal(""), z.email({ error: "validation.email" }).max(200, { error: "validation.tooLong" })]),
    address: contactText(500),
    website: contactText(300),
  }),
  linkedAgencyId: z.string(),
  active: z.boolean(),
});
export type PartnerFormInput = z.input<typeof partnerFormSchema>;
export type PartnerFormValues = z.output<typeof partnerFormSchema>;

/** A new partner's form: nothing chosen, active. */
export function emptyPartnerForm(): Partial<PartnerFormInput> {
  return {
    name: "",
    services: [],
    regionsText: "",
    contact: { person: "", phone: "", email: "", address: "", website: "" },
    linkedAgencyId: "",
    active: true,
  };
}

/** A directory row as the edit form holds it. */
export function partnerFormValues(partner: PartnerRow): PartnerFormInput {
  return {
    name: partner.name,
    kind: partner.kind,
    services: [...partner.services],
    regionsText: partner.regions.join(", "),
    contact: Object.fromEntries(CONTACT_FIELDS.map((field) => [field, partner.contact[field] ?? ""])) as Record<ContactField, string>,
    linkedAgencyId: partner.linkedAgency?.id ?? "",
    active: partner.active,
  };
}

/** The form's values as the API's partner details (blank contact fields become null). */
export function partnerDetails(values: PartnerFormValues): z.input<typeof partnerDetailsInput> {
  const services: PartnerService[] = PARTNER_SERVICES.filter((service) => values.services.includes(service));
  return {
    name: values.name,
    kind: values.kind,
    services,
    regions: regionsFromText(values.regionsText),
    contact: Object.fromEntries(CONTACT_FIELDS.map((field) => [field, values.contact[field].trim() || null])),
    linkedAgencyId: values.linkedAgencyId || null,
  };
}
