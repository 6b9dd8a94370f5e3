// Shapes the engine's summary for charts and their tables. Nothing here computes a rule: every number
// comes from the summary as it is; only the drawing of a bar may be capped to its frame.
import { type RegionRow, regionRows } from "@/lib/domain/engine/regions";
import { addsUp, isPercent } from "@/lib/domain/measures";
import type { IndicatorJson } from "@/lib/domain/summary/types";

export { groupRows, regionRowKey, regionRows } from "@/lib/domain/engine/regions";

/** How a row of a place's own values is named ("Peru, not by region"); the caller translates it. */
export type RowLabel = (row: RegionRow<IndicatorJson>) => string;
const plainLabel: RowLabel = (r) => r.name;

export type BulletDatum = {
  region: string;
  target: number | null;
  achieved: number | null;
  /** The bar as drawn: never past the frame. */
  drawn: number | null;
  /** True when the achieved value goes beyond the frame (the label still shows the real number). */
  beyondFrame: boolean;
};

/** Target vs achieved per region, bullet-chart style; the frame leaves room above the largest target. */
export function bulletData(
  indicator: IndicatorJson,
  label: RowLabel = plainLabel,
): { frameMax: number; rows: BulletDatum[] } {
  const rows = regionRows(indicator).map((r) => ({ region: label(r), target: r.target, achieved: r.actual }));
  return bulletFrame(rows, isPercent(indicator.indicator.measure));
}

/**
 * Rows of target vs achieved framed for the bullet chart (also the organisation's roll-up by country or
 * region): the frame leaves room above the largest target, and a percentage stops at 100.
 */
export function bulletFrame(
  rows: { region: string; target: number | null; achieved: number | null }[],
  percent: boolean,
): { frameMax: number; rows: BulletDatum[] } {
  const targets = rows.map((r) => r.target).filter((v): v is number => v !== null);
  const actuals = rows.map((r) => r.achieved).filter((v): v is number => v !== null);
  const percentCap = percent ? 100 : Number.POSITIVE_INFINITY;
  const base = targets.length ? Math.max(...targets) * 1.25 : Math.max(0, ...actuals);
  const frameMax = Math.min(percentCap, base) || 1;
  return {
    frameMax,
    rows: rows.map((r) => ({
      ...r,
      drawn: r.achieved === null ? null : Math.min(r.achieved, frameMax),
      beyondFrame: r.achieved !== null && r.achieved > frameMax,
    })),
  };
}

export type ProgressDatum = {
  label: string;
  actual: number | null;
  actualToDate: number | null;
  expectedToDate: number | null;
  target: number | null;
};

/** Per period: the period's value, and the trajectory to date against what was expected by then. */
export function progressData(indicator: IndicatorJson): ProgressDatum[] {
  return indicator.byTime.map((t) => ({
    label: t.label,
    actual: t.actual,
    actualToDate: t.toDate.actual,
    expectedToDate: t.toDate.expectedToDate,
    target: t.target,
  }));
}

export type RoundDatum = {
  label: string;
  value: number | null;
  target: number | null;
  low: number | null;
  high: number | null;
  /** Distances below and above the value, as error bars want them. */
  error: [number, number] | null;
  n: number | null;
  changeExceedsMargin: boolean | null;
};

/** Survey rounds in order, with 95% confidence intervals where the engine gives them. */
export function roundsData(indicator: IndicatorJson): RoundDatum[] {
  return indicator.byTime
    .filter((t) => t.kind === "round")
    .map((t) => {
      const ci = t.confidenceInterval;
      return {
        label: t.label,
        value: t.actual,
        target: t.target,
        low: ci?.low ?? null,
        high: ci?.high ?? null,
        error: ci && t.actual !== null ? [t.actual - ci.low, ci.high - t.actual] : null,
        n: t.sampleSize ?? t.denominator,
        changeExceedsMargin: t.change?.exceedsMarginOfError ?? null,
      };
    });
}

export const notReportedKey = "not_reported";

/** One row per region, one column per option, plus the part not reported (counts only). */
export function disaggregationData(indicator: IndicatorJson, dimensionId: string, label: RowLabel = plainLabel) {
  const dimension = indicator.byDimension.find((d) => d.dimensionId === dimensionId);
  if (!dimension) return { options: [], rows: [] as Record<string, string | number | null>[] };
  const rows = regionRows(indicator).map((region) => {
    const row: Record<string, string | number | null> = { region: label(region) };
    const own = region.ownValuesOf !== null;
    const at = (l: { locationId: string; unassigned: boolean }) => l.locationId === region.id && l.unassigned === own;
    for (const option of dimension.options) {
      row[option.key] = option.byLocation.find(at)?.actual ?? null;
    }
    if (addsUp(indicator.indicator.measure)) {
      row[notReportedKey] = dimension.notReportedByLocation.find(at)?.value ?? null;
    }
    return row;
  });
  return { options: dimension.options.map((o) => ({ key: o.key, name: o.name })), rows };
}
