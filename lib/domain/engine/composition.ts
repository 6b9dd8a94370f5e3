// Composition indicators: a percentage made of another indicator's disaggregation, e.g. "% of direct
// participants who are Roma" = participants with ethnicity Roma / all participants, from the same counts.
import type { ResultPartial } from "./types";

export type OptionPartial = ResultPartial & { optionId: string | null };

/**
 * Percentage partials per location and period: numerator = the option's count, denominator = the
 * total count, both from the source indicator's results. A location-period whose results were not
 * disaggregated by the option's dimension at all is left out rather than counted as zero.
 */
export function composePartials(
  source: OptionPartial[],
  optionId: string,
  dimensionOptionIds: string[],
): OptionPartial[] {
  const key = (p: ResultPartial) => `${p.locationId}|${p.timeId}`;
  const inDimension = new Set(dimensionOptionIds);
  const reported = new Set(source.filter((p) => p.optionId !== null && inDimension.has(p.optionId)).map(key));
  const part = new Map(source.filter((p) => p.optionId === optionId).map((p) => [key(p), p]));
  return source
    .filter((p) => p.optionId === null && p.value !== null && reported.has(key(p)))
    .map((total) => {
      const option = part.get(key(total));
      return {
        ...total,
        optionId: null,
        value: null,
        numerator: option?.value ?? 0,
        denominator: total.value,
        weightedValue: null,
        weight: null,
        weightSquares: null,
        sampleSize: null,
        resultCount: total.resultCount + (option?.resultCount ?? 0),
      };
    });
}
