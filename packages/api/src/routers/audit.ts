import type { TRPCRouterRecord } from "@trpc/server";
import { EXPORT_MAX_ROWS } from "@lentera/domain";
import { permittedProcedure } from "../trpc";
import { auditExportInput, auditExportOutput, auditListInput, auditListOutput } from "../audit-viewer/schema";
import { exportAuditEvents, listAuditEvents } from "../audit-viewer/list";

// Supervisors (their teams' case events) and administrators (their agency's account events);
// everyone else FORBIDDEN. Both reads are audited; the output schemas name every field a row carries.
export const auditRouter = {
  list: permittedProcedure("audit.read")
    .input(auditListInput)
    .output(auditListOutput)
    .query(({ ctx, input }) => listAuditEvents(ctx, input)),
  export: permittedProcedure("audit.read")
    .input(auditExportInput)
    .output(auditExportOutput)
    .mutation(({ ctx, input }) => exportAuditEvents(ctx, input, EXPORT_MAX_ROWS)),
} satisfies TRPCRouterRecord;
