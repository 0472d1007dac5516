import { z } from "zod";
import { emailSchema, localeSchema, newPasswordSchema, roleSchema } from "./auth";

const displayName = z
  .string()
  .trim()
  .min(1, { error: "validation.required" })
  .max(120, { error: "validation.tooLong" });

const roles = z
  .array(roleSchema)
  .min(1, { error: "validation.atLeastOneRole" })
  .transform((list) => [...new Set(list)]);

export const createUserInput = z.object({
  email: emailSchema,
  displayName,
  password: newPasswordSchema,
  roles,
  teamIds: z.array(z.uuid()).default([]),
  locale: localeSchema.default("en"),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateUserInput = z.object({
  userId: z.uuid(),
  /** The version the editor saw; a stale one is refused so no change is lost. */
  version: z.number().int().nonnegative(),
  displayName: displayName.optional(),
  roles: roles.optional(),
  teamIds: z.array(z.uuid()).optional(),
});
export type UpdateUserInput = z.input<typeof updateUserInput>;

export const userIdInput = z.object({
  userId: z.uuid(),
  version: z.number().int().nonnegative(),
});

const teamName = z
  .string()
  .trim()
  .min(1, { error: "validation.required" })
  .max(80, { error: "validation.tooLong" });

export const createTeamInput = z.object({ name: teamName });
export const renameTeamInput = z.object({
  teamId: z.uuid(),
  version: z.number().int().nonnegative(),
  name: teamName,
});
