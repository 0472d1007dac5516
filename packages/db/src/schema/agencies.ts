import { sql } from "drizzle-orm";
import { check, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, version } from "./columns";

/** An agency is the tenant: an NGO, a UPTD PPA, a government centre. */
export const agencies = pgTable(
  "agencies",
  {
    id: id(),
    name: text().notNull(),
    /** ISO 3166 alpha-2; decides the address hierarchy and the local deadlines. */
    country: text().notNull(),
    /** The prefix of human case numbers, e.g. LNT in LNT-2026-000123. */
    caseNumberPrefix: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    check("agencies_country_check", sql`${table.country} in ('ID', 'VN')`),
    check("agencies_prefix_check", sql`${table.caseNumberPrefix} ~ '^[A-Z]{2,8}$'`),
    unique("agencies_prefix_unique").on(table.caseNumberPrefix),
  ],
);

/** A team is a supervisor's group of workers inside one agency. */
export const teams = pgTable(
  "teams",
  {
    id: id(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    name: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [unique("teams_agency_name_unique").on(table.agencyId, table.name)],
);
