import { type AnyPgColumn, uuid } from "drizzle-orm/pg-core";
import { agencies } from "./agencies";
import { users } from "./users";
import { cases } from "./cases";

// The references most case tables carry; a case's rows go when the case goes.
export const agencyRef = () => uuid().notNull().references(() => agencies.id);
export const userRef = () => uuid().notNull().references(() => users.id);
export const optionalUserRef = () => uuid().references(() => users.id);
export const caseRef = () =>
  uuid()
    .notNull()
    .references((): AnyPgColumn => cases.id, { onDelete: "cascade" });
