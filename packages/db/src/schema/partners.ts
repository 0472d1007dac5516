import { sql } from "drizzle-orm";
import { boolean, check, pgTable, text, unique } from "drizzle-orm/pg-core";
import { PARTNER_KINDS, type PartnerKind } from "@lentera/domain";
import { createdAt, id, oneOf, updatedAt, version } from "./columns";
import { agencyRef } from "./refs";

/** The agency's directory of partner organizations: owners of plan goals, providers of services. */
export const partners = pgTable(
  "partners",
  {
    id: id(),
    agencyId: agencyRef(),
    name: text().notNull(),
    kind: text().notNull().$type<PartnerKind>(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    check("partners_kind_check", oneOf(table.kind, PARTNER_KINDS)),
    check("partners_name_check", sql`length(trim(${table.name})) > 0`),
    unique("partners_agency_name_unique").on(table.agencyId, table.name),
  ],
);
