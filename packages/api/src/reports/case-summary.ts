/** A case summary for a case conference: what the PDF shows, identifying data only for the care team; audited. */
import type { CaseSummary } from "@lentera/domain";
import type { AuthedContext } from "../trpc";

export async function caseSummary(_ctx: AuthedContext, _caseId: string): Promise<CaseSummary> {
  throw new Error("not implemented");
}
