import { sql } from "drizzle-orm";
import { boolean, check, index, jsonb, pgTable, text, timestamp, unique, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import {
  PARTNER_KINDS,
  PARTNER_SERVICES,
  REFERRAL_SHARED_FIELDS,
  REFERRAL_STATUSES,
  REFERRAL_URGENCIES,
  type PartnerKind,
  type PartnerService,
  type ReferralSharedField,
  type ReferralStatus,
  type ReferralUrgency,
} from "@lentera/domain";
import { allOf, createdAt, id, oneOf, updatedAt, version } from "./columns";
import { agencies } from "./agencies";
import { agencyRef, caseRef, optionalUserRef, userRef } from "./refs";
import { cases } from "./cases";

/** The agency's directory of partner organizations: owners of plan goals, providers of services. */
export const partners = pgTable(
  "partners",
  {
    id: id(),
    agencyId: agencyRef(),
    name: text().notNull(),
    kind: text().notNull().$type<PartnerKind>(),
    services: text().array().notNull().default(sql`'{}'::text[]`).$type<PartnerService[]>(),
    regions: text().array().notNull().default(sql`'{}'::text[]`),
    /** The organization's contact details (person, phone, email, address, website): not client data. */
    contact: jsonb().notNull().default(sql`'{}'::jsonb`).$type<Record<string, string | null>>(),
    /** Another agency on this installation: referrals to it reach its intake. */
    linkedAgencyId: uuid().references((): AnyPgColumn => agencies.id),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    check("partners_kind_check", oneOf(table.kind, PARTNER_KINDS)),
    check("partners_services_check", allOf(table.services, PARTNER_SERVICES)),
    check("partners_name_check", sql`length(trim(${table.name})) > 0`),
    unique("partners_agency_name_unique").on(table.agencyId, table.name),
  ],
);

/**
 * A referral of a case to a partner. What the receiver may learn is a snapshot sealed in `shared`
 * (AES-256-GCM with the identity keyring, bound to the referral's id), taken when it is sent. For a
 * partner that is another agency on this installation, `receiverAgencyId` is set: that agency's
 * intake sees the referral, and accepting it opens the receiver's own case (`receiverCaseId`),
 * never access to the sender's.
 */
export const referrals = pgTable(
  "referrals",
  {
    id: id(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id),
    receiverAgencyId: uuid().references((): AnyPgColumn => agencies.id),
    services: text().array().notNull().$type<PartnerService[]>(),
    reason: text().notNull(),
    urgency: text().notNull().$type<ReferralUrgency>(),
    sharedFields: text().array().notNull().$type<ReferralSharedField[]>(),
    shared: text().notNull(),
    status: text().notNull().default("sent").$type<ReferralStatus>(),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    sentBy: userRef(),
    /** Sent without the referral consent in force: the supervisor who overrode, and why. */
    overrideReason: text(),
    overrideBy: optionalUserRef(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: optionalUserRef(),
    completedAt: timestamp({ withTimezone: true }),
    feedback: text(),
    receiverCaseId: uuid().references((): AnyPgColumn => cases.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    check("referrals_status_check", oneOf(table.status, REFERRAL_STATUSES)),
    check("referrals_urgency_check", oneOf(table.urgency, REFERRAL_URGENCIES)),
    check("referrals_services_check", allOf(table.services, PARTNER_SERVICES)),
    check("referrals_shared_fields_check", allOf(table.sharedFields, REFERRAL_SHARED_FIELDS)),
    check("referrals_override_check", sql`(${table.overrideReason} is null) = (${table.overrideBy} is null)`),
    index("referrals_case_idx").on(table.caseId, table.sentAt),
    index("referrals_receiver_idx").on(table.receiverAgencyId, table.status, table.sentAt).where(sql`${table.receiverAgencyId} is not null`),
    index("referrals_agency_status_idx").on(table.agencyId, table.status),
  ],
);
