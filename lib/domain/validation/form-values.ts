import type { ZodError } from "zod";

/**
 * The text fields of a submitted form, returned with a refusal so the form shows them again: React
 * resets a form after its action runs, and nothing a user typed may be lost to a validation error.
 */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}

/** A refused form's first problem per field, as translatable codes by field name. */
export function fieldErrorsOf(error: ZodError): Record<string, string> {
  const found: Record<string, string> = {};
  for (const issue of error.issues) found[String(issue.path[0] ?? "form")] ??= issue.message;
  return found;
}
