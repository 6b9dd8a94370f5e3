// The first screen's status figures: counts for the headline row and the region x indicator matrix.
// Apart from the charts' shaping (shape.ts), which loads only with an open card.
import { regionRows } from "@/lib/domain/engine/regions";
import { countStatuses } from "@/lib/domain/engine/schedule";
import { isText } from "@/lib/domain/measures";
import type { Status, SummaryJson } from "@/lib/domain/summary/types";

/** Indicators by overall status, for the headline row. */
export function statusCounts(summary: SummaryJson): Record<Status, number> {
  return countStatuses(summary.indicators.map((i) => i.overall.status));
}

/** Region x indicator statuses (quantitative indicators only). */
export function statusMatrix(summary: SummaryJson) {
  const indicators = summary.indicators.filter((i) => !isText(i.indicator.measure));
  const regionIds = new Map<string, string>();
  // A place's own values carry no target of their own, hence no status: the matrix shows regions.
  for (const i of indicators) for (const r of regionRows(i)) if (!r.ownValuesOf) regionIds.set(r.id, r.name);
  return {
    indicators: indicators.map((i) => ({ id: i.indicator.id, code: i.indicator.code, title: i.indicator.title })),
    rows: [...regionIds].map(([id, name]) => ({
      id,
      name,
      statuses: indicators.map((i) => i.byLocation.find((l) => l.id === id)?.status ?? null),
    })),
  };
}
