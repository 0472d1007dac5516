import type { z } from "zod";
import { createTeamInput } from "@lentera/domain";
import { fieldErrorsOf, reasonOf } from "../../lib/api-errors";

/** Creating and renaming a team check the name with the same rule (createTeamInput's). */
export const teamNameSchema = createTeamInput;
export type TeamNameInput = z.input<typeof teamNameSchema>;
export type TeamNameOutput = z.output<typeof teamNameSchema>;

/** The message for the name field when the server refused it, or null if the error is elsewhere. */
export function nameErrorFrom(error: unknown): string | null {
  if (reasonOf(error) === "team_name_taken") return "errors.team_name_taken";
  return fieldErrorsOf(error).name ?? null;
}
