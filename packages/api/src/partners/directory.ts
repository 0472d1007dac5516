import { type z } from "zod";
import { type createPartnerInput, DomainError } from "@lentera/domain";
import { and, asc, eq, partners } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { createdFields, recordAudit } from "../audit";
import { isUniqueViolation } from "../errors";

/** The agency's partner organizations, for goal owners and service providers. */
export function listPartners(ctx: AuthedContext) {
  return ctx.db
    .select({ id: partners.id, name: partners.name, kind: partners.kind })
    .from(partners)
    .where(and(eq(partners.agencyId, ctx.user.agencyId), eq(partners.active, true)))
    .orderBy(asc(partners.name));
}

export async function createPartner(ctx: AuthedContext, input: z.output<typeof createPartnerInput>) {
  try {
    return await ctx.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(partners)
        .values({ agencyId: ctx.user.agencyId, name: input.name, kind: input.kind })
        .returning({ id: partners.id, name: partners.name, kind: partners.kind });
      if (!created) throw new Error("partner insert returned no row");
      await recordAudit(tx, ctx, { userId: ctx.user.id, agencyId: ctx.user.agencyId }, {
        action: "partner.created",
        entityType: "partner",
        entityId: created.id,
        changes: createdFields({ name: input.name, kind: input.kind }),
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("conflict", "partner_name_taken");
    throw error;
  }
}
