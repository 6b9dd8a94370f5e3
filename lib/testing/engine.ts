// Test data of the indicator engine: a country with two regions, four quarters of 2021, and helpers
// for an indicator's definition, a target and a partial sum.
import type { OptionPartial } from "@/lib/domain/engine/composition";
import type { IndicatorDefinition, SummaryContext, SummaryTarget, SummaryTime } from "@/lib/domain/engine/summarize";
import { resultPartial } from "./partials";

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const quarters: SummaryTime[] = ["2021-03-31", "2021-06-30", "2021-09-30", "2021-12-31"].map((end, i) => ({
  id: `q${i + 1}`,
  kind: "period",
  label: `Q${i + 1}`,
  startDate: day(`2021-${String(i * 3 + 1).padStart(2, "0")}-01`),
  endDate: day(end),
}));

export const engineContext: SummaryContext = {
  project: { start: day("2021-01-01"), end: day("2021-12-31"), thresholds: { onTrack: 0.9, atRisk: 0.75 } },
  asOf: day("2022-01-01"),
  locations: [
    { id: "C", name: "Country", isoCode: "CC", parentId: null },
    { id: "A", name: "Region A", isoCode: "CC-A", parentId: "C" },
    { id: "B", name: "Region B", isoCode: "CC-B", parentId: "C" },
  ],
  times: quarters,
  rootLocationId: null,
  statuses: ["APPROVED"],
};

export function definition(overrides: Partial<IndicatorDefinition> = {}): IndicatorDefinition {
  return {
    id: "i",
    code: "I",
    title: "Indicator",
    unit: "",
    measure: "COUNT",
    direction: "INCREASE",
    timeRule: "NON_CUMULATIVE",
    source: "MONITORING",
    baseline: { value: null, numerator: null, denominator: null },
    dimensions: [],
    composedFrom: null,
    ...overrides,
  };
}

/** A partial sum at a place in one of the quarters. */
export function partial(locationId: string, timeId: string, fields: Partial<OptionPartial>): OptionPartial {
  return resultPartial(locationId, timeId, quarters.find((q) => q.id === timeId)?.endDate ?? day("2021-12-31"), fields);
}

export const target = (fields: Partial<SummaryTarget>): SummaryTarget => ({
  periodId: null,
  roundId: null,
  locationId: null,
  optionId: null,
  value: null,
  numerator: null,
  denominator: null,
  ...fields,
});
