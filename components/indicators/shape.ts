// Shapes the engine's summary for the dashboard's charts and tables. No rule is computed here.
import type { IndicatorSummary } from "@/lib/indicators/summary";

export type LocationRow = IndicatorSummary["byLocation"][number];

function groupingIds(summary: IndicatorSummary): Set<string> {
  return new Set(summary.byLocation.map((l) => l.parentId).filter((id): id is string => id !== null));
}

/** The project's working regions (locations with no sub-location in the project). */
export function regionRows(summary: IndicatorSummary): LocationRow[] {
  const groups = groupingIds(summary);
  return summary.byLocation.filter((l) => !groups.has(l.id));
}

/** Locations that group others (a country over its regions): shown as subtotals. */
export function groupRows(summary: IndicatorSummary): LocationRow[] {
  const groups = groupingIds(summary);
  return summary.byLocation.filter((l) => groups.has(l.id));
}

export type TargetVsAchievedDatum = { region: string; target: number | null; achieved: number | null };

export function targetVsAchievedData(summary: IndicatorSummary): TargetVsAchievedDatum[] {
  return regionRows(summary).map((r) => ({ region: r.name, target: r.target, achieved: r.actual }));
}
