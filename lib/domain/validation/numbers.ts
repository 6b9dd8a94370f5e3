// Numbers as people type them in forms, grids and files, read by one parser in the reader's locale.
// Grouping separators (",", "." or spaces) must group thousands; the decimal separator appears once.
// Where the shape alone decides, it decides ("1.200,5", "1,200,000", "12,5", "0.125"). One separator
// followed by exactly three digits ("1,200", "1.200") is read the English way in English; in Spanish it
// is ambiguous (1200 in Spain, 1.2 in much of Latin America), as in text whose writer's locale is not
// known, and refused with a message, never guessed.

/** "unknown": text whose writer's locale is not known (refuses what only a locale could settle). */
export type NumberLocale = "en" | "es" | "unknown";

/** A number, null for empty text, or why the text is not one. */
export type TypedNumber = number | null | "invalid" | "ambiguous";

const spaces = /[\s\u00a0\u202f\u2009']/g;

/**
 * Whether `groups` (split on a grouping separator) group thousands: 1–3 digits, then threes; or the
 * South Asian way (lakh, crore): 1–2 digits, then twos, then a last three ("1,20,000").
 */
function groupsThousands(groups: string[]): boolean {
  const [first, ...rest] = groups;
  if (first === undefined) return false;
  if (/^\d{1,3}$/.test(first) && rest.every((g) => /^\d{3}$/.test(g))) return true;
  const last = rest[rest.length - 1];
  return (
    /^\d{1,2}$/.test(first) &&
    last !== undefined &&
    /^\d{3}$/.test(last) &&
    rest.slice(0, -1).every((g) => /^\d{2}$/.test(g))
  );
}

function decimal(integerPart: string, fraction: string, grouping: string | null): number | "invalid" {
  const groups = grouping ? integerPart.split(grouping) : [integerPart];
  if (grouping ? !groupsThousands(groups) : !/^\d+$/.test(integerPart)) return "invalid";
  if (fraction !== "" && !/^\d+$/.test(fraction)) return "invalid";
  return Number(`${groups.join("")}${fraction ? `.${fraction}` : ""}`);
}

/** Reads typed text as a number in the reader's locale. */
export function readTypedNumber(text: string, locale: NumberLocale = "en"): TypedNumber {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const sign = /^[-+−]/.test(trimmed) ? (trimmed.startsWith("+") ? 1 : -1) : 1;
  const body = trimmed.replace(/^[-+−]\s*/, "");
  const spaced = /\d[\s\u00a0\u202f\u2009']\d/.test(body);
  if (spaced && !groupsThousands(body.split(/[.,]/)[0]?.split(spaces) ?? [])) return "invalid";
  const t = body.replace(spaces, "");
  if (!/^\d[\d.,]*$/.test(t) || /[.,]$/.test(t)) return "invalid";
  const dots = t.split(".").length - 1;
  const commas = t.split(",").length - 1;
  let n: number | "invalid";
  if (dots && commas) {
    // Both: the last one is the decimal separator, the other groups thousands.
    const decimalMark = t.lastIndexOf(".") > t.lastIndexOf(",") ? "." : ",";
    const [integerPart = "", fraction = "", ...more] = t.split(decimalMark);
    n = more.length ? "invalid" : decimal(integerPart, fraction, decimalMark === "." ? "," : ".");
  } else if (dots + commas === 0) {
    n = Number(t);
  } else if (dots + commas > 1) {
    // The same separator several times groups thousands.
    n = decimal(t, "", dots ? "." : ",");
  } else {
    const mark = dots ? "." : ",";
    const [integerPart = "", fraction = ""] = t.split(mark);
    const couldGroup = fraction.length === 3 && /^[1-9]\d{0,2}$/.test(integerPart) && !spaced;
    if (!couldGroup) n = decimal(integerPart, fraction, null);
    else if (locale !== "en") return "ambiguous";
    else n = mark === "," ? Number(integerPart + fraction) : Number(`${integerPart}.${fraction}`);
  }
  return typeof n === "number" && Number.isFinite(n) ? sign * n : "invalid";
}

/** The locale whose numbers a user types: Spanish for "es…", English for "en…". */
export function numberLocale(locale: string | null | undefined): NumberLocale {
  const l = locale?.toLowerCase() ?? "";
  return l.startsWith("es") ? "es" : l.startsWith("en") ? "en" : "unknown";
}
