// How a figure of each measure is written, shared by charts and tables. Rounding is for display only.
import type { Measure } from "@/lib/domain/engine";
import { measureTable } from "@/lib/domain/measures";

type DigitOptions = { maximumFractionDigits: number; minimumFractionDigits?: number };

export function numberFormatOptions(measure: Measure): DigitOptions {
  return { ...measureTable[measure].format.digits };
}

export function unitSuffix(measure: Measure): string {
  return measureTable[measure].format.suffix;
}
