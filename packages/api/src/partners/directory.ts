import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  DomainError,
  PARTNER_KINDS,
  PARTNER_SERVICES,
  type partnerDetailsInput,
  type updatePartnerInput,
} from "@lentera/domain";
import { agencies, and, asc, eq, ne, partners, type Executor } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { createdFields, diffFields, recordAudit } from "../audit";
import { isUniqueViolation } from "../errors";

const CONTACT_KEYS = ["person", "phone", "email", "address", "website"] as const;

export const partnerContactSchema = z.object({
  person: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  website: z.string().nullable(),
});
export type PartnerContact = z.output<typeof partnerContactSchema>;

/** A partner of the directory as every signed-in user of the agency sees it (organization data, not client data). */
export const partnerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(PARTNER_KINDS),
  services: z.array(z.enum(PARTNER_SERVICES)),
  regions: z.array(z.string()),
  contact: partnerContactSchema,
  /** Another agency on this installation: referrals to it reach its intake. */
  linkedAgency: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type PartnerRow = z.output<typeof partnerSchema>;

export const listPartnersInput = z
  .object({
    /** The directory page of a manager also lists the deactivated partners (to reactivate them). */
    includeInactive: z.boolean().default(false),
  })
  .default({ includeInactive: false });

export const agencyOptionSchema = z.object({ id: z.uuid(), name: z.string() });

/** Every contact key present, blank ones null: one shape in the column and on the wire. */
export function normalizeContact(contact: Partial<Record<string, string | null | undefined>> | null | undefined): PartnerContact {
  return Object.fromEntries(CONTACT_KEYS.map((key) => [key, contact?.[key] ?? null])) as PartnerContact;
}

function selectPartners(executor: Executor) {
  return executor
    .select({
      id: partners.id,
      name: partners.name,
      kind: partners.kind,
      services: partners.services,
      regions: partners.regions,
      contact: partners.contact,
      linkedAgencyId: partners.linkedAgencyId,
      linkedAgencyName: agencies.name,
      active: partners.active,
      version: partners.version,
    })
    .from(partners)
    .leftJoin(agencies, eq(agencies.id, partners.linkedAgencyId));
}

type SelectedPartner = Awaited<ReturnType<typeof selectPartners>>[number];

function toPartnerRow(row: SelectedPartner): PartnerRow {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    services: row.services,
    regions: row.regions,
    contact: normalizeContact(row.contact),
    linkedAgency: row.linkedAgencyId ? { id: row.linkedAgencyId, name: row.linkedAgencyName ?? "" } : null,
    active: row.active,
    version: row.version,
  };
}

/** The agency's partner organizations, for goal owners, service providers and referrals. */
export async function listPartners(ctx: AuthedContext, input: z.output<typeof listPartnersInput> = { includeInactive: false }) {
  const rows = await selectPartners(ctx.db)
    .where(and(eq(partners.agencyId, ctx.user.agencyId), input.includeInactive ? undefined : eq(partners.active, true)))
    .orderBy(asc(partners.name));
  return rows.map(toPartnerRow);
}

/** The other agencies of this installation, to link a partner to (the own agency is never one). */
export function otherAgencies(ctx: AuthedContext) {
  return ctx.db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(ne(agencies.id, ctx.user.agencyId))
    .orderBy(asc(agencies.name));
}

async function checkLinkedAgency(ctx: AuthedContext, executor: Executor, linkedAgencyId: string | null) {
  if (linkedAgencyId === null) return;
  if (linkedAgencyId === ctx.user.agencyId) throw new DomainError("invalid_input", "linked_agency_is_own");
  const [agency] = await executor.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, linkedAgencyId));
  if (!agency) throw new DomainError("invalid_input", "linked_agency_unknown");
}

async function loadPartner(executor: Executor, agencyId: string, partnerId: string): Promise<PartnerRow> {
  const [row] = await selectPartners(executor).where(and(eq(partners.id, partnerId), eq(partners.agencyId, agencyId)));
  if (!row) throw new DomainError("not_found");
  return toPartnerRow(row);
}

/** The audited shape of a partner: the contact flattened so each detail is its own field. */
function auditShape(details: {
  name: string;
  kind: string;
  services: readonly string[];
  regions: readonly string[];
  contact: PartnerContact;
  linkedAgencyId: string | null;
  active?: boolean;
}) {
  const { contact, ...rest } = details;
  return { ...rest, ...Object.fromEntries(CONTACT_KEYS.map((key) => [`contact.${key}`, contact[key]])) };
}

export async function createPartner(ctx: AuthedContext, input: z.output<typeof partnerDetailsInput>): Promise<PartnerRow> {
  const id = randomUUID();
  const contact = normalizeContact(input.contact);
  const services = [...new Set(input.services)];
  try {
    return await ctx.db.transaction(async (tx) => {
      await checkLinkedAgency(ctx, tx, input.linkedAgencyId);
      await tx.insert(partners).values({
        id,
        agencyId: ctx.user.agencyId,
        name: input.name,
        kind: input.kind,
        services,
        regions: input.regions,
        contact,
        linkedAgencyId: input.linkedAgencyId,
      });
      await recordAudit(tx, ctx, { userId: ctx.user.id, agencyId: ctx.user.agencyId }, {
        action: "partner.created",
        entityType: "partner",
        entityId: id,
        changes: createdFields(
          auditShape({ name: input.name, kind: input.kind, services, regions: input.regions, contact, linkedAgencyId: input.linkedAgencyId }),
        ),
      });
      return loadPartner(tx, ctx.user.agencyId, id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("conflict", "partner_name_taken");
    throw error;
  }
}

export async function updatePartner(ctx: AuthedContext, input: z.output<typeof updatePartnerInput>): Promise<PartnerRow> {
  const contact = normalizeContact(input.contact);
  const services = [...new Set(input.services)];
  try {
    return await ctx.db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ id: partners.id, version: partners.version })
        .from(partners)
        .where(and(eq(partners.id, input.partnerId), eq(partners.agencyId, ctx.user.agencyId)))
        .for("update");
      if (!locked) throw new DomainError("not_found");
      if (locked.version !== input.version) throw new DomainError("stale_version");
      const before = await loadPartner(tx, ctx.user.agencyId, input.partnerId);
      await checkLinkedAgency(ctx, tx, input.linkedAgencyId);
      const after = {
        name: input.name,
        kind: input.kind,
        services,
        regions: input.regions,
        contact,
        linkedAgencyId: input.linkedAgencyId,
        active: input.active,
      };
      await tx
        .update(partners)
        .set({ ...after, version: locked.version + 1, updatedAt: ctx.clock() })
        .where(eq(partners.id, locked.id));
      const changes = diffFields(
        auditShape({ ...before, linkedAgencyId: before.linkedAgency?.id ?? null }),
        auditShape(after),
      );
      await recordAudit(tx, ctx, { userId: ctx.user.id, agencyId: ctx.user.agencyId }, {
        action: "partner.updated",
        entityType: "partner",
        entityId: locked.id,
        changes,
      });
      return loadPartner(tx, ctx.user.agencyId, locked.id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("conflict", "partner_name_taken");
    throw error;
  }
}
