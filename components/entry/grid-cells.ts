// The entry grid's cells: what the page gives the grid (indicators, saved values), a cell as typed
// (text per field, read as numbers only when sent), and the figures a cell stands for while typing.
import { percent } from "@/lib/domain/engine/aggregate";
import type { Measure } from "@/lib/domain/engine/types";
import { measureTable } from "@/lib/domain/measures";
import { type NumberLocale, readTypedNumber } from "@/lib/domain/validation/numbers";
import type { TypedCell } from "@/lib/formats/write/typed-values";

export type Dimension = { id: string; name: string; options: { id: string; name: string }[] };
export type GridIndicator = {
  id: string;
  code: string;
  title: string;
  measure: Measure;
  unit: string;
  minValue: number | null;
  maxValue: number | null;
  wholeNumbers: boolean | null;
  dimensions: Dimension[];
};
export type Existing = {
  id: string;
  indicatorId: string;
  locationId: string;
  optionId: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  textValue: string | null;
  status: string;
  version: number;
  reviewComment: string | null;
};
export type PreviousValue = Pick<
  Existing,
  "indicatorId" | "locationId" | "optionId" | "value" | "numerator" | "denominator" | "sampleSize" | "textValue"
>;
export type Cell = TypedCell;
export type Field = keyof Cell;

export const emptyCell: Cell = { value: "", numerator: "", denominator: "", sampleSize: "", textValue: "" };
export const cellText = (v: number | string | null) => (v === null ? "" : String(v));

/** A saved value as the grid shows it. */
export const asCell = (r: Omit<PreviousValue, "indicatorId" | "locationId" | "optionId">): Cell => ({
  value: cellText(r.value),
  numerator: cellText(r.numerator),
  denominator: cellText(r.denominator),
  sampleSize: cellText(r.sampleSize),
  textValue: r.textValue ?? "",
});

/** What a cell shows: what was typed in it, else its saved value, else nothing. */
export function cellValueOf(cells: Record<string, Cell>, saved: Map<string, Existing>, key: string): Cell {
  const typed = cells[key];
  if (typed) return typed;
  const row = saved.get(key);
  return row ? asCell(row) : emptyCell;
}

/** A cell takes a value unless it was submitted or approved. */
export const isEditable = (row: Existing | undefined) =>
  !row?.status || row.status === "DRAFT" || row.status === "RETURNED";

/** The fields typed for a measure, in the order they are shown. */
export function fieldsOf(measure: Measure, survey: boolean): Field[] {
  return measureTable[measure].entryFields[survey ? "SURVEY" : "MONITORING"];
}

/** Typed text as a number, or null when there is none to read. */
function figure(text: string, locale: NumberLocale): number | null {
  const n = readTypedNumber(text, locale);
  return typeof n === "number" ? n : null;
}

/** The figure a cell stands for: its percentage, or its value (null when there is none to read). */
export function figureOfCell(c: Cell, locale: NumberLocale): number | null {
  const [n, d] = [figure(c.numerator, locale), figure(c.denominator, locale)];
  if (n !== null && d !== null) return d > 0 ? percent(n, d) : null;
  return figure(c.value, locale);
}

/**
 * Rule 8 while typing: the part of a count total that a dimension's options leave out (negative when
 * they add up to more); null until the total and a part are typed.
 */
export function notReported(total: Cell, parts: Cell[], locale: NumberLocale): number | null {
  const whole = figure(total.value, locale);
  if (whole === null || parts.every((p) => figure(p.value, locale) === null)) return null;
  return whole - parts.reduce((sum, p) => sum + (figure(p.value, locale) ?? 0), 0);
}
