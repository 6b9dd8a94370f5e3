// Formatting of the engine's figures for display, shared by server components (tables) and client ones.

import type { useFormatter } from "next-intl";
import type { Measure } from "@/lib/domain/engine";
import { numberFormatOptions, unitSuffix } from "@/lib/domain/format/number-format";

export type Format = Pick<ReturnType<typeof useFormatter>, "number">;

export function formatFigure(format: Format, measure: Measure, value: number | null, empty: string): string {
  return value === null ? empty : `${format.number(value, numberFormatOptions(measure))}${unitSuffix(measure)}`;
}

export function formatShare(format: Format, value: number | null): string {
  return value === null ? "–" : format.number(value, { style: "percent", maximumFractionDigits: 0 });
}

export function formatCounts(format: Format, numerator: number | null, denominator: number | null): string {
  return numerator === null || denominator === null
    ? "–"
    : `${format.number(numerator)} / ${format.number(denominator)}`;
}
