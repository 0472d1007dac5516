import type { TRPCRouterRecord } from "@trpc/server";
import { caseIdInput } from "@lentera/domain";
import { authedProcedure, permittedProcedure } from "../trpc";
import { exportClientData } from "../retention/export";
import { previewRetention, runRetentionNow } from "../retention/admin";

const settingsProcedure = permittedProcedure("settings.manage");

// Access to the case is decided inside the service (care team only).
export const dataRightsRouter = {
  /** Everything held on the case's client, for the care team; audited before it leaves. */
  exportClientData: authedProcedure.input(caseIdInput).mutation(({ ctx, input }) => exportClientData(ctx, input.caseId)),
} satisfies TRPCRouterRecord;

/** Mounted as admin.retention: the agency's administrators. */
export const adminRetentionRouter = {
  /** The case numbers the next run would anonymize. */
  preview: settingsProcedure.query(({ ctx }) => previewRetention(ctx)),
  run: settingsProcedure.mutation(({ ctx }) => runRetentionNow(ctx)),
} satisfies TRPCRouterRecord;
