// Text that cannot be stored: PostgreSQL refuses the NUL character in text, and a lone UTF-16
// surrogate is not a character at all. Such input is refused where it enters, naming the field.

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && !loneSurrogate.test(text);
}

/** The paths ("cells.0.note") of every string in a value, keys included, that cannot be stored. */
export function unstorableTextPaths(value: unknown, path: (string | number)[] = []): string[] {
  if (typeof value === "string") return isStorableText(value) ? [] : [path.join(".")];
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorableTextPaths(v, [...path, i]));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(isStorableText(k) ? [] : [[...path, "(key)"].join(".")]),
      ...unstorableTextPaths(v, [...path, k]),
    ]);
  }
  return [];
}

/** The names of a form's fields whose text cannot be stored. */
export function unstorableFormFields(form: FormData): string[] {
  const found: string[] = [];
  for (const [name, value] of form) if (typeof value === "string" && !isStorableText(value)) found.push(name);
  return found;
}

/**
 * The longest description, summary or definition kept: publishers' activity descriptions run to
 * several pages (a World Bank one passed 4,000 characters), and are kept whole.
 */
export const LONG_TEXT_MAX = 20_000;
