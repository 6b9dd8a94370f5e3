// The indicator performance tracking table: every indicator with baseline, target, actual, achievement
// and status for the life of the project and for each period or round, overall, per location and per
// disaggregation option. Rows are shaped from the engine's summaries; nothing is recomputed. Pure.
import type { FigureSummary } from "@/lib/domain/engine/summarize";
import type { ProjectSummary } from "@/lib/domain/summary/types";
import type { CsvValue } from "./csv";
import { figureFields } from "./summary-rows";

export const trackingColumns = [
  "result_code",
  "result",
  "indicator_code",
  "indicator",
  "measure",
  "unit",
  "period_or_round",
  "period_start",
  "period_end",
  "location",
  "location_code",
  "dimension",
  "option",
  "baseline",
  "target",
  "actual",
  "numerator",
  "denominator",
  "achievement",
  "expected_to_date",
  "status_code",
  "status",
] as const;

export type TrackingColumn = (typeof trackingColumns)[number];
export type TrackingRow = Partial<Record<TrackingColumn, CsvValue>> & { resultNodeId: string };

type Labels = {
  lifeOfProject: string;
  overall: string;
  /** The row of the values recorded at a place with sub-places (rule 11). */
  notByRegion: (place: string) => string;
  status: (code: FigureSummary["status"]) => string;
};
type Node = { id: string; code: string; title: string };

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Rows in logframe order: per indicator, the life-of-project block (monitoring indicators), then each
 * period or round; within a block the overall figure, each location, then each disaggregation option.
 * A generator, so exports write each row as it is made instead of holding the whole table.
 */
export function* trackingRows(
  nodes: Node[],
  overall: ProjectSummary,
  byTime: Map<string, ProjectSummary>,
  labels: Labels,
): Generator<TrackingRow> {
  for (const node of nodes) {
    for (const indicator of overall.indicators.filter((i) => i.resultNodeId === node.id)) {
      const head = {
        resultNodeId: node.id,
        result_code: node.code,
        result: node.title,
        indicator_code: indicator.indicator.code,
        indicator: indicator.indicator.title,
        measure: indicator.indicator.measure,
        unit: indicator.indicator.unit,
      };
      const block = function* (summary: ProjectSummary, when: { label: string; start: Date; end: Date }) {
        const figures = summary.indicators.find((i) => i.indicator.id === indicator.indicator.id);
        if (!figures) return;
        const base = { ...head, period_or_round: when.label, period_start: day(when.start), period_end: day(when.end) };
        const figure = (f: FigureSummary) => ({
          ...figureFields(f),
          status_code: f.status,
          status: labels.status(f.status),
        });
        yield { ...base, location: labels.overall, ...figure(figures.overall) };
        for (const l of figures.byLocation) {
          yield { ...base, location: l.name, location_code: l.isoCode, ...figure(l) };
          if (l.unassigned)
            yield { ...base, location: labels.notByRegion(l.name), location_code: l.isoCode, ...figure(l.unassigned) };
        }
        for (const d of figures.byDimension) {
          for (const o of d.options)
            yield { ...base, location: labels.overall, dimension: d.name, option: o.name, ...figure(o) };
        }
      };
      if (indicator.indicator.source === "MONITORING") {
        yield* block(overall, {
          label: labels.lifeOfProject,
          start: overall.project.startDate,
          end: overall.project.endDate,
        });
      }
      for (const time of overall.times.filter(
        (t) => (t.kind === "round") === (indicator.indicator.source === "SURVEY"),
      )) {
        const summary = byTime.get(time.id);
        if (summary) yield* block(summary, { label: time.label, start: time.startDate, end: time.endDate });
      }
    }
  }
}
