// How a figure of each measure is written, shared by charts and tables. Rounding is for display only.
import type { Measure } from "@/lib/domain/engine";

type DigitOptions = { maximumFractionDigits: number; minimumFractionDigits?: number };

export function numberFormatOptions(measure: Measure): DigitOptions {
  if (measure === "PERCENTAGE") return { maximumFractionDigits: 1, minimumFractionDigits: 1 };
  if (measure === "MEAN") return { maximumFractionDigits: 2, minimumFractionDigits: 1 };
  return { maximumFractionDigits: 0 };
}

export function unitSuffix(measure: Measure): string {
  return measure === "PERCENTAGE" ? " %" : "";
}
