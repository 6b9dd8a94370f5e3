// The targets grid as a form: one text input per cell, named by the cell's key, with the text and the
// version it was read at alongside. Only cells whose text changed are saved. A percentage is typed as
// "85" or as counts, "340/400"; a qualitative target as text.
import type { Measure } from "@/lib/domain/engine/types";
import { isRatio, isText, parseMeasure } from "@/lib/domain/measures";
import { type NumberLocale, readTypedNumber } from "@/lib/domain/validation/numbers";
import type { TargetCell } from "./schemas";

export type CellKey = {
  indicatorId: string;
  periodId?: string | null;
  roundId?: string | null;
  locationId?: string | null;
  optionId?: string | null;
};

export const cellName = (k: CellKey) =>
  ["t", k.indicatorId, k.periodId ?? "", k.roundId ?? "", k.locationId ?? "", k.optionId ?? ""].join("|");

/** A target as the grid shows it. */
export function targetText(
  t: { value: number | null; numerator: number | null; denominator: number | null; note: string } | undefined,
  measure: Measure,
): string {
  if (!t) return "";
  if (isText(measure)) return t.note;
  if (t.numerator !== null && t.denominator !== null) return `${t.numerator}/${t.denominator}`;
  return t.value === null ? "" : String(t.value);
}

/** A target as typed, in the reader's locale: a number, "340/400" for a percentage, text if qualitative. */
export function parseTargetText(
  text: string,
  measure: Measure,
  locale: NumberLocale = "en",
): Omit<TargetCell, keyof CellKey> | "notANumber" | "ambiguous" {
  const trimmed = text.trim();
  if (trimmed === "") return { value: null, numerator: null, denominator: null, note: null };
  if (isText(measure)) return { value: null, numerator: null, denominator: null, note: trimmed };
  const parts = trimmed.split("/");
  const read = (part: string) => readTypedNumber(part, locale);
  const refusal = (values: ReturnType<typeof read>[]) =>
    values.includes("ambiguous") ? "ambiguous" : values.some((v) => typeof v !== "number") ? "notANumber" : null;
  if (isRatio(measure) && parts.length === 2) {
    const [n, d] = parts.map(read);
    const refused = refusal([n ?? null, d ?? null]);
    if (refused) return refused;
    return { value: null, numerator: n as number, denominator: d as number, note: null };
  }
  const value = read(trimmed.replace(/\s*%$/, ""));
  return refusal([value]) ?? { value: value as number, numerator: null, denominator: null, note: null };
}

/** The changed cells of a submitted grid, and the names of the inputs that could not be read. */
export function readTargetsForm(form: FormData, locale: NumberLocale = "en") {
  const cells: TargetCell[] = [];
  const names: string[] = [];
  const problems: { name: string; code: string }[] = [];
  for (const [name, raw] of form) {
    if (!name.startsWith("t|") || typeof raw !== "string") continue;
    if (raw === String(form.get(`o${name.slice(1)}`) ?? "")) continue;
    const [, indicatorId = "", periodId, roundId, locationId, optionId] = name.split("|");
    // The grid names each indicator's measure beside its cells; a form without it cannot be read.
    const measure = parseMeasure(String(form.get(`m|${indicatorId}`) ?? ""));
    const parsed = measure ? parseTargetText(raw, measure, locale) : "notANumber";
    if (parsed === "notANumber" || parsed === "ambiguous") {
      problems.push({ name, code: parsed });
      continue;
    }
    cells.push({
      indicatorId,
      periodId: periodId || null,
      roundId: roundId || null,
      locationId: locationId || null,
      optionId: optionId || null,
      ...parsed,
      updatedAt: String(form.get(`r${name.slice(1)}`) ?? "") || null,
    });
    names.push(name);
  }
  return { cells, names, problems };
}
