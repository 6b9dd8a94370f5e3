// The engine's summary flattened to one row per figure: the shape of CSV downloads. Raw numbers,
// unrounded; percentages in percent; achievement as a fraction (1 = target reached).
import type { FigureSummary } from "@/lib/domain/engine/summarize";
import type { ProjectSummary } from "@/lib/domain/summary/types";
import type { CsvValue } from "./csv";

export const summaryColumns = [
  "indicator_code",
  "indicator_title",
  "measure",
  "unit",
  "breakdown",
  "location",
  "location_code",
  "period_or_round",
  "dimension",
  "option",
  "baseline",
  "target",
  "actual",
  "numerator",
  "denominator",
  "sample_size",
  "achievement",
  "expected_to_date",
  "status",
  "ci95_low",
  "ci95_high",
  "results_counted",
  "as_of",
] as const;

type Column = (typeof summaryColumns)[number];
type Row = Partial<Record<Column, CsvValue>>;

/** The columns that describe one figure, shared by every export that lists figures. */
export function figureFields(figure: FigureSummary): Row {
  return {
    baseline: figure.baseline,
    target: figure.target,
    actual: figure.actual,
    numerator: figure.numerator,
    denominator: figure.denominator,
    sample_size: figure.sampleSize,
    achievement: figure.achievement,
    expected_to_date: figure.expectedToDate,
    status: figure.status,
    ci95_low: figure.confidenceInterval?.low,
    ci95_high: figure.confidenceInterval?.high,
    results_counted: figure.explanation.resultCount,
  };
}

export function summaryRows(summary: ProjectSummary): CsvValue[][] {
  const as_of = summary.asOf.toISOString().slice(0, 10);
  const rows = summary.indicators.flatMap((i): Row[] => {
    const head: Row = {
      indicator_code: i.indicator.code,
      indicator_title: i.indicator.title,
      measure: i.indicator.measure,
      unit: i.indicator.unit,
      as_of,
    };
    return [
      { ...head, breakdown: "overall", ...figureFields(i.overall) },
      ...i.byLocation.flatMap((l) => [
        { ...head, breakdown: "location", location: l.name, location_code: l.isoCode, ...figureFields(l) },
        // Rule 11: the values recorded at a place with sub-places, also counted in the row above.
        ...(l.unassigned
          ? [
              {
                ...head,
                breakdown: "location_own_values",
                location: l.name,
                location_code: l.isoCode,
                ...figureFields(l.unassigned),
              },
            ]
          : []),
      ]),
      ...i.byTime.map((t) => ({ ...head, breakdown: t.kind, period_or_round: t.label, ...figureFields(t) })),
      ...i.byDimension.flatMap((d) => [
        ...d.options.map((o) => ({
          ...head,
          breakdown: "option",
          dimension: d.name,
          option: o.name,
          ...figureFields(o),
        })),
        // Rule 8: the part of the total that no option accounts for.
        ...(d.notReported === null
          ? []
          : [{ ...head, breakdown: "not_reported", dimension: d.name, actual: d.notReported }]),
      ]),
    ];
  });
  return rows.map((row) => summaryColumns.map((column) => row[column]));
}
