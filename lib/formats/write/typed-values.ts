// What an evaluator typed in the entry grid and has not saved yet, kept in the browser per period or
// round. When it can no longer be saved there (the period was locked meanwhile), it is offered as a
// CSV in the results import's own columns, to be imported once the period is reopened. Pure: no I/O.
import { toCsv } from "@/lib/formats/write/csv";

export type TypedCell = {
  value: string;
  numerator: string;
  denominator: string;
  sampleSize: string;
  textValue: string;
};
export type TypedValues = Record<string, TypedCell>;

/** Where a user's typed values of a period or round are kept: per user, so no one else signed in here reads them. */
export const typedValuesKey = (userId: string, projectId: string, timeId: string) =>
  `entry:${userId}:${projectId}:${timeId}`;

/** A grid cell's key: indicator x place x option ("" for the total). */
export const cellKey = (indicatorId: string, locationId: string, optionId: string | null = null) =>
  `${indicatorId}|${locationId}|${optionId ?? ""}`;

type Sheet = {
  timeLabel: string;
  indicators: { id: string; code: string; dimensions: { options: { id: string; name: string }[] }[] }[];
  locations: { id: string; name: string }[];
};

const fields = ["value", "numerator", "denominator", "sampleSize", "textValue"] as const;

/** Whether a typed cell holds nothing: every field blank (a cleared cell means "no value"). */
export const isBlankCell = (cell: TypedCell) => fields.every((f) => cell[f].trim() === "");

/**
 * Values read back from storage, leniently: whatever an older version (or a broken save) left there is
 * read as far as it makes sense. A cell's missing or non-text fields are blank (numbers as typed), and
 * entries that are not cells of the grid are dropped; anything unreadable counts as nothing kept.
 */
export function parseTypedValues(stored: string | null): TypedValues {
  let parsed: unknown;
  try {
    parsed = stored ? JSON.parse(stored) : null;
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
  const values: TypedValues = {};
  for (const [key, raw] of Object.entries(parsed)) {
    if (key.split("|").length !== 3 || !raw || typeof raw !== "object" || Array.isArray(raw)) continue;
    const cell = raw as Record<string, unknown>;
    const read = (v: unknown) =>
      typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : "";
    values[key] = Object.fromEntries(fields.map((f) => [f, read(cell[f])])) as TypedCell;
  }
  return values;
}

/** The cells holding something typed. */
export function filledCells(values: TypedValues): [string, TypedCell][] {
  return Object.entries(values).filter(([, cell]) => Object.values(cell).some((v) => String(v ?? "").trim() !== ""));
}

/** The typed values as a CSV the results import reads as it is (columns named as its fields). */
export function typedValuesCsv(values: TypedValues, sheet: Sheet): string {
  const rows = filledCells(values).map(([key, cell]) => {
    const [indicatorId, locationId, optionId] = key.split("|");
    const indicator = sheet.indicators.find((i) => i.id === indicatorId);
    const option = indicator?.dimensions.flatMap((d) => d.options).find((o) => o.id === optionId);
    return [
      indicator?.code ?? indicatorId,
      sheet.locations.find((l) => l.id === locationId)?.name ?? locationId,
      sheet.timeLabel,
      option?.name ?? "",
      cell.value,
      cell.numerator,
      cell.denominator,
      cell.sampleSize,
      cell.textValue,
    ];
  });
  return toCsv(
    ["indicator", "location", "period", "option", "value", "numerator", "denominator", "sampleSize", "text"],
    rows,
  );
}
