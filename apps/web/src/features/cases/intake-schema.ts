import type { FieldError, FieldErrors, Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { createCaseInput } from "@lentera/domain";
import { requiredWhenEmpty } from "./form-errors";

export type IntakeInput = z.input<typeof createCaseInput>;
export type IntakeOutput = z.output<typeof createCaseInput>;

/** Input values that the inputs hold as text, turned into what the schema expects. */
export const asNullableText = (value: unknown) => (value === "" ? null : value);
export const asOptionalText = (value: unknown) => (value === "" ? undefined : value);
export const asAge = (value: unknown) =>
  typeof value === "string" ? (value.trim() === "" ? null : Number(value.trim())) : value;
/** "Bahasa Indonesia, Jawa" → ["Bahasa Indonesia", "Jawa"]. */
export const asList = (value: unknown) =>
  typeof value === "string"
    ? value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

const schemaResolver = zodResolver(createCaseInput, { error: requiredWhenEmpty });

const error = (message: string): FieldError => ({ type: "validate", message });

/**
 * The intake schema from @lentera/domain, with two kindnesses: "birth date or estimated age" is
 * reported with the other errors (zod checks it only once the rest is valid), and a bad age or
 * language gets its own message under its field.
 */
export const intakeResolver: Resolver<IntakeInput, unknown, IntakeOutput> = async (values, context, options) => {
  const result = await schemaResolver(values, context, options);
  const errors: FieldErrors<IntakeInput> = result.errors;
  if (Object.keys(errors).length === 0) return result;
  const client = values.client;
  const clientErrors = { ...errors.client };
  const noAge = client.estimatedAge === null || client.estimatedAge === undefined;
  if (!client.birthDate && noAge && !clientErrors.birthDate) clientErrors.birthDate = error("validation.birthDateOrAge");
  if (clientErrors.estimatedAge) clientErrors.estimatedAge = error("validation.age");
  if (clientErrors.languages) clientErrors.languages = error("validation.language");
  return { values: {}, errors: { ...errors, client: clientErrors } };
};
