// The measure table and the questions code asks of a measure, answered from it.
import type { Measure } from "@/lib/domain/engine/types";
import { measureTable } from "./table";

export type { Aggregation, EntryField, MeasureBehaviour, ValueRules } from "./behaviour";
export type { Measure };
export { measureTable };

/** Every measure, in the table's order: the one list of them (forms, zod enums, help texts). */
export const measures = Object.keys(measureTable) as [Measure, ...Measure[]];

/** A measure from outside (a file, a form): one of the table's keys, or null. */
export function parseMeasure(text: string): Measure | null {
  return Object.hasOwn(measureTable, text) ? (text as Measure) : null;
}

/** Values in words: not combined, not compared with targets, shown as written. */
export const isText = (measure: Measure) => measureTable[measure].value === "text";

/** Counts of people or things: they add up across places, periods and options (rules 1, 3, 4, 8). */
export const addsUp = (measure: Measure) => measureTable[measure].aggregation === "sum";

/** A share made of counts: numerator over denominator, so its parts are the denominators (rules 1, 8). */
export const isRatio = (measure: Measure) => measureTable[measure].aggregation === "ratioOfSums";

/** Figures in percent: written with " %", drawn on a 0–100 scale. */
export const isPercent = (measure: Measure) => measureTable[measure].format.scale === "percent";

/** The measures whose values are words (for database filters: narratives, computable indicators). */
export const textMeasures: Measure[] = measures.filter(isText);
