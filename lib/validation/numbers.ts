// Numbers as people type them in forms and tables: "1,5" (decimal comma) and "1 234" included.

/** Null for an empty text, "invalid" for text that is not a number. */
export function readTypedNumber(text: string): number | null | "invalid" {
  const t = text.trim().replace(/\s/g, "");
  if (t === "") return null;
  const normal = /^-?\d+,\d+$/.test(t) ? t.replace(",", ".") : t;
  const n = Number(normal);
  return Number.isFinite(n) ? n : "invalid";
}
