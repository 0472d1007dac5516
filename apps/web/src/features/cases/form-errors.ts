/**
 * A zod error map for forms: an empty answer to a field without its own message is "required"
 * (a select left on "Choose…", a missing number), not the library's generic wording.
 */
export function requiredWhenEmpty(issue: { input?: unknown; message?: string }): string | undefined {
  const { input } = issue;
  return input === undefined || input === null || input === "" ? "validation.required" : undefined;
}
