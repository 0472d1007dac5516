/** The audit viewer's filters and rows: zod at the edge, every bound stated once. */
import { z } from "zod";

export const AUDIT_PAGE_SIZE_MAX = 100;
/** The longest period one query may cover: a year and a day (a leap year's whole year). */
export const AUDIT_PERIOD_MAX_DAYS = 366;
const EARLIEST = new Date("2000-01-01T00:00:00Z");
const LATEST = new Date("2100-01-01T00:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;

const instant = z.date().min(EARLIEST).max(LATEST);

export const auditFilterSchema = z
  .object({
    /** Who did it. */
    actorUserId: z.uuid().optional(),
    /** The case's human number, e.g. LNT-2026-000123. */
    caseNumber: z.string().trim().regex(/^[A-Za-z]{2,8}-\d{4}-\d{6}$/, { error: "validation.caseNumber" }).optional(),
    /** One action as recorded, e.g. case.break_glass. */
    action: z.string().trim().max(80).regex(/^[a-z_]+(\.[a-z_]+)+$/).optional(),
    from: instant.optional(),
    to: instant.optional(),
  })
  .strict()
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, { error: "validation.periodOrder", path: ["to"] })
  .refine((filter) => !filter.from || !filter.to || filter.to.getTime() - filter.from.getTime() <= AUDIT_PERIOD_MAX_DAYS * DAY_MS, {
    error: "validation.periodTooLong",
    path: ["to"],
  });
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const auditListInput = z
  .object({
    filter: auditFilterSchema.default({}),
    /** The id of the previous page's last row: pages run newest first, by the order events were recorded. */
    after: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(AUDIT_PAGE_SIZE_MAX).default(50),
  })
  .strict();

export const auditExportInput = z.object({ filter: auditFilterSchema.default({}) }).strict();

/**
 * One event as the viewer shows it: who did what to which record, when and from where. Which
 * fields changed, not their values (those stay on the case page, behind its own access rules), and
 * no details: the free text some events carry (a reason) is not for a log reader.
 */
export const auditEventRowSchema = z.object({
  id: z.number(),
  occurredAt: z.date(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  case: z.object({ id: z.string(), caseNumber: z.string() }).nullable(),
  fields: z.array(z.string()),
  ip: z.string().nullable(),
});
export type AuditEventRow = z.output<typeof auditEventRowSchema>;

export const auditListOutput = z.object({
  events: z.array(auditEventRowSchema),
  /** Pass as `after` for the next page; null on the last page. */
  next: z.number().nullable(),
});

export const auditExportOutput = z.object({
  rows: z.array(auditEventRowSchema),
  truncated: z.boolean(),
});
