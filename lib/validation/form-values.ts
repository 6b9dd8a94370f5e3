/**
 * The text fields of a submitted form, returned with a refusal so the form shows them again: React
 * resets a form after its action runs, and nothing a user typed may be lost to a validation error.
 */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}
