// Test data: one result partial (the database's sums for a location, period and option) with defaults;
// unweighted unless weights are given, as lib/server/results/partials.ts sums them (each value weighs its n).
import type { OptionPartial } from "@/lib/domain/engine/composition";

export function resultPartial(
  locationId: string,
  timeId: string,
  timeEnd: Date,
  fields: Partial<OptionPartial> = {},
): OptionPartial {
  return {
    locationId,
    timeId,
    timeEnd,
    optionId: null,
    value: null,
    numerator: null,
    denominator: null,
    weightedValue: null,
    sampleSize: null,
    resultCount: 1,
    ...fields,
    weight: fields.weight ?? fields.sampleSize ?? null,
    weightSquares: fields.weightSquares ?? fields.sampleSize ?? null,
  };
}
