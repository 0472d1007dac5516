import { integer, timestamp, uuid } from "drizzle-orm/pg-core";

/** Columns most tables share: a random id, timestamps, and a version for optimistic concurrency. */
export const id = () => uuid().primaryKey().defaultRandom();
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const version = () => integer().notNull().default(0);
