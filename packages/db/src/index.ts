export * from "./client";
export * from "./audit-chain";
export * from "./migrate";
export * from "./schema";
export { migrationsFolder } from "./migrations-folder";
export { rebuildAllOutcomeChanges, rebuildOutcomeChanges } from "./outcome-changes";
export { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from "./seed/demo";
// Query building goes through this package so that one copy of drizzle serves every workspace.
export { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, ne, notInArray, or, sql } from "drizzle-orm";
export type { Logger, SQL } from "drizzle-orm";
export type { AnyPgColumn } from "drizzle-orm/pg-core";
