// One indicator's complete figures: overall, per location (regions roll up into their country), per
// period or round, and per disaggregation option, each with target, actual, achievement,
// expected-to-date, status and an explanation of what it was made of (rule 9). Pure: the caller
// supplies the database's partial sums and the project's structure. The parts: the place tree
// (summary-places.ts), targets (summary-targets.ts) and one figure (summary-figures.ts).
import { isRatio, isText, measureTable } from "@/lib/domain/measures";
import type { OptionPartial } from "./composition";
import { changeBetweenRounds } from "./confidence";
import { earlierDay, hasEnded, hasStarted, isoDay, startOfDay } from "./days";
import { groupBy, pairCache } from "./lists";
import { defaultThresholds } from "./schedule";
import { type Cells, type Frame, figureAt, type SummaryMemo, valuesAt } from "./summary-figures";
import { placeTree } from "./summary-places";
import { targetLookup, targetWarnings } from "./summary-targets";
import type {
  FigureSummary,
  IndicatorDefinition,
  IndicatorSummary,
  Narrative,
  Scope,
  SummaryContext,
  SummaryTarget,
  SummaryTime,
  Warning,
} from "./summary-types";
import { baselineValue } from "./targets";
import type { Measure } from "./types";

export type * from "./summary-types";

/**
 * Summarises one indicator as of the end of day `ctx.asOf` (rule 10). `partials` are its results'
 * sums per location, time and option (null: total); `narratives` its values' texts.
 */
export function summarizeIndicator(
  def: IndicatorDefinition,
  partials: OptionPartial[],
  targets: SummaryTarget[],
  ctx: SummaryContext,
  narratives: Narrative[] = [],
): IndicatorSummary {
  const memo = summaryMemo(def, targets, ctx);
  const frame = frameOf(memo, partials, ctx);
  const root: Scope = { locationId: ctx.rootLocationId, optionId: null, timeId: ctx.rootTimeId ?? undefined };
  const overall = figureAt(frame, root);
  const indicator = {
    id: def.id,
    code: def.code,
    title: def.title,
    unit: def.unit,
    measure: def.measure,
    direction: def.direction,
    timeRule: def.timeRule,
    source: def.source,
    composite: def.composedFrom !== null,
  };
  const depth = ctx.depth ?? "full";
  const nothingMore = { byLocation: [], byTime: [], byDimension: [], narratives: [], targetText: null, warnings: [] };
  if (depth === "overall") return { indicator, depth, overall, ...nothingMore };

  const withOwnValues = ownValuedPlaces(frame);
  const inScope = new Set(frame.places.placesUnder(ctx.rootLocationId));
  const byLocation = figuresAtPlaces(frame, root, withOwnValues);
  const targetText = isText(def.measure)
    ? frame.targets.explicitTargets({ locationId: ctx.rootLocationId, optionId: null }, null, null)[0]?.note?.trim() ||
      null
    : null;
  const latest = latestNarratives(frame, narratives, inScope);
  const warningsOfTargets = targetWarnings(def.measure, targets, frame.targets, frame.places, root);
  if (depth === "places") {
    const rest = { byTime: [], byDimension: [], warnings: warningsOfTargets };
    return { indicator, depth, overall, byLocation, narratives: latest, targetText, ...rest };
  }
  /** Where per-region views put values: each working region, then each place's own values (rule 11). */
  const rows = [
    ...frame.places.leavesUnder(ctx.rootLocationId).map((locationId) => ({ locationId, unassigned: false })),
    ...frame.places
      .placesUnder(ctx.rootLocationId)
      .filter((id) => withOwnValues.has(id))
      .map((locationId) => ({ locationId, unassigned: true })),
  ];
  // The trajectory: the overall figure as of another day, from the same memo (no summary of its own).
  const byTime = timeline(frame, root, (at, withPartials) =>
    figureAt(frameOf(memo, withPartials ? partials : noPartials, { ...ctx, asOf: at }), { ...root, timeId: undefined }),
  );
  // Each row's total, as the places show it: every disaggregation compares its options with it (rule 8).
  const placeFigures = new Map(byLocation.map((l) => [l.id, l]));
  const totals = rows.map(({ locationId, unassigned }) => {
    const place = placeFigures.get(locationId);
    const known = unassigned ? place?.unassigned : place;
    return known ?? figureAt(frame, { ...root, locationId, own: unassigned });
  });
  const byDimension = def.dimensions.map((d) => dimensionBreakdown(frame, root, overall, d, rows, totals));
  const warnings: Warning[] = [...byDimension.flatMap((d) => d.warnings), ...warningsOfTargets];
  return {
    indicator,
    depth,
    overall,
    byLocation,
    byTime,
    byDimension: byDimension.map((d) => d.breakdown),
    narratives: latest,
    targetText,
    warnings,
  };
}

const noPartials: OptionPartial[] = [];

/** Places with sub-places that also have values of their own (a country-wide figure beside its regions). */
function ownValuedPlaces(frame: Frame): Set<string> {
  return new Set(frame.valuedPlaces().filter((id) => frame.places.childrenOf(id).length > 0));
}

/** Every place in the view's scope with its figure at `root`'s option and time, and its own values' figure. */
function figuresAtPlaces(frame: Frame, root: Scope, withOwnValues: Set<string>): IndicatorSummary["byLocation"] {
  const { ctx } = frame;
  const inScope = new Set(frame.places.placesUnder(ctx.rootLocationId));
  return ctx.locations
    .filter((l) => inScope.has(l.id))
    .map((l) => ({
      ...l,
      parentId: frame.places.parentOf(l),
      ...figureAt(frame, { ...root, locationId: l.id }),
      unassigned: withOwnValues.has(l.id) ? figureAt(frame, { ...root, locationId: l.id, own: true }) : null,
    }));
}

/**
 * Each period's or round's figures at every place: what `summarizeIndicator` gives as `byLocation` when
 * `ctx.rootTimeId` names that time (at depth "places" or more), for any time asked, from one memo
 * (places, targets) built once. Each time's figures read only that time's partial sums, so asking
 * every period of a project costs about one summary, not one per period (the library roll-up).
 */
export function placesOverTime(
  def: IndicatorDefinition,
  partials: OptionPartial[],
  targets: SummaryTarget[],
  ctx: SummaryContext,
): (timeId: string) => IndicatorSummary["byLocation"] {
  const view = { ...ctx, rootTimeId: null };
  const memo = summaryMemo(def, targets, view);
  // Which places show their own values depends on every counted value, not the period's only.
  const withOwnValues = ownValuedPlaces(frameOf(memo, partials, view));
  const ofTime = groupBy(partials, (p) => p.timeId);
  return (timeId) => {
    // A figure of one time reads that time's partials only, in the same order: the same figures.
    const frame = frameOf(memo, ofTime.get(timeId) ?? noPartials, view);
    return figuresAtPlaces(frame, { locationId: view.rootLocationId, optionId: null, timeId }, withOwnValues);
  };
}

/** What every summary of one indicator shares whatever its as-of date, built once (see SummaryMemo). */
function summaryMemo(def: IndicatorDefinition, targets: SummaryTarget[], ctx: SummaryContext): SummaryMemo {
  const timeById = new Map(ctx.times.map((t) => [t.id, t]));
  const periods = ctx.times.filter((t) => t.kind === "period").sort(byEnd);
  const places = placeTree(ctx.locations);
  const cells = new WeakMap<OptionPartial[], Cells>();
  const cellsOf = (partials: OptionPartial[]): Cells => {
    const known = cells.get(partials);
    if (known) return known;
    const found: Cells = new Map();
    for (const p of partials) {
      if (!timeById.has(p.timeId)) continue;
      let byOption = found.get(p.locationId);
      if (!byOption) {
        byOption = new Map();
        found.set(p.locationId, byOption);
      }
      const cell = byOption.get(p.optionId);
      if (cell) cell.push(p);
      else byOption.set(p.optionId, [p]);
    }
    cells.set(partials, found);
    return found;
  };
  return {
    def,
    thresholds: ctx.project.thresholds ?? defaultThresholds,
    baseline: baselineValue(def.measure, def.baseline),
    survey: def.source === "SURVEY",
    timeById,
    periods,
    rounds: ctx.times.filter((t) => t.kind === "round").sort(byEnd),
    places,
    targets: targetLookup(def, targets, periods, places),
    cellsOf,
  };
}

/** The memo as of the view's day: which periods and rounds have started and ended, and what counts. */
function frameOf(memo: SummaryMemo, partials: OptionPartial[], ctx: SummaryContext): Frame {
  const asOf = startOfDay(ctx.asOf);
  const times = [...memo.timeById.values()];
  // Values belong to their period or round: they count once it has started (rule 10).
  const startedIds = new Set(times.filter((t) => hasStarted(t.startDate, asOf)).map((t) => t.id));
  const endedIds = new Set(times.filter((t) => hasEnded(t.endDate, asOf)).map((t) => t.id));
  const started = (timeId: string) => startedIds.has(timeId);
  const cells = memo.cellsOf(partials);
  const allStarted = startedIds.size === times.length;
  const countedCells = pairCache<string, string | null, OptionPartial[]>();
  const cellOf = (locationId: string, optionId: string | null) => cells.get(locationId)?.get(optionId) ?? noPartials;
  const counted = allStarted
    ? cellOf
    : (locationId: string, optionId: string | null) =>
        countedCells(locationId, optionId, () => cellOf(locationId, optionId).filter((p) => started(p.timeId)));
  const endedPeriods = memo.periods.filter((t) => endedIds.has(t.id));
  return {
    ...memo,
    ctx,
    asOf,
    asOfDay: isoDay(asOf),
    started,
    ended: (time) => endedIds.has(time.id),
    endedPeriods,
    endedPeriodIds: new Set(endedPeriods.map((t) => t.id)),
    counted,
    valuedPlaces: () =>
      [...cells].flatMap(([locationId, byOption]) =>
        [...byOption.keys()].some((optionId) => counted(locationId, optionId).length > 0) ? [locationId] : [],
      ),
  };
}

/**
 * Each period (monitoring) or round (survey): its own figure, the change from the previous round with
 * a figure (survey shares), and the trajectory: the overall figure as of its end, never past the view's
 * as-of date (rule 11). `overallAsOf(date, withValues)` is the overall figure as of a date.
 */
function timeline(
  frame: Frame,
  root: Scope,
  overallAsOf: (asOf: Date, withValues: boolean) => FigureSummary,
): IndicatorSummary["byTime"] {
  const { ctx, survey } = frame;
  const shares = survey && isRatio(frame.def.measure);
  let previous: FigureSummary | null = null;
  return (survey ? frame.rounds : frame.periods).map((t) => {
    const figure = figureAt(frame, { ...root, timeId: t.id });
    const change =
      shares && previous?.numerator != null && figure.numerator !== null
        ? changeBetweenRounds(
            { numerator: previous.numerator, n: previous.denominator ?? 0 },
            { numerator: figure.numerator, n: figure.denominator ?? 0 },
          )
        : null;
    if (figure.actual !== null) previous = figure;
    const then =
      ctx.withoutTrajectory || !frame.started(t.id) ? null : overallAsOf(earlierDay(t.endDate, frame.asOf), true);
    // Before its start a period has no values to count, but its plan (target, expected) still shows.
    const planned = ctx.withoutTrajectory || then ? then : overallAsOf(t.endDate, false);
    const toDate = {
      actual: then?.actual ?? null,
      expectedToDate: planned?.expectedToDate ?? null,
      target: planned?.target ?? null,
    };
    return { ...figure, timeId: t.id, kind: t.kind, label: t.label, endDate: t.endDate, change, toDate };
  });
}

type PlaceRow = { locationId: string; unassigned: boolean };

/**
 * One disaggregation: each option's figure, overall and per place row, and rule 8: what the options
 * leave unreported of the total, with a warning when they add up to more than it.
 */
function dimensionBreakdown(
  frame: Frame,
  root: Scope,
  overall: FigureSummary,
  d: IndicatorDefinition["dimensions"][number],
  rows: PlaceRow[],
  /** Each row's total figure, in the order of `rows`. */
  totals: Counted[],
): { breakdown: IndicatorSummary["byDimension"][number]; warnings: Warning[] } {
  const { measure } = frame.def;
  const options = d.options.map((o) => ({
    ...figureAt(frame, { ...root, optionId: o.id }),
    optionId: o.id,
    key: o.key,
    name: o.name,
    byLocation: rows.map(({ locationId, unassigned }) => {
      const f = valuesAt(frame, { ...root, optionId: o.id, locationId, own: unassigned });
      return { locationId, unassigned, actual: f.value, numerator: f.numerator, denominator: f.denominator };
    }),
  }));
  const notReported = gap(measure, overall, options);
  const notReportedByLocation = rows.map(({ locationId, unassigned }, i) => ({
    locationId,
    unassigned,
    value: gap(
      measure,
      totals[i] ?? { actual: null, denominator: null },
      options.map((o) => o.byLocation[i] ?? { actual: null, denominator: null }),
    ),
  }));
  const warnings: Warning[] = [];
  if (notReported !== null && notReported < 0) {
    const total = (isRatio(measure) ? overall.denominator : overall.actual) ?? 0;
    warnings.push({
      code: "disaggregationExceedsTotal",
      dimensionKey: d.key,
      total,
      sumOfOptions: total - notReported,
    });
  }
  return {
    breakdown: { dimensionId: d.id, key: d.key, name: d.name, options, notReported, notReportedByLocation },
    warnings,
  };
}

/** Rule 8: what the options leave unreported of the total (negative when they add up to more). */
type Counted = { actual: number | null; denominator: number | null };

function gap(measure: Measure, total: Counted, options: Counted[]): number | null {
  const parts = partsThatAddUp(measure);
  if (parts === null) return null;
  const whole = total[parts];
  if (whole === null || options.every((o) => o[parts] === null)) return null;
  return whole - options.reduce((a, o) => a + (o[parts] ?? 0), 0);
}

/** Rule 8: what an option's figures add up to: counts themselves, a share's denominators, else nothing. */
function partsThatAddUp(measure: Measure): keyof Counted | null {
  const aggregation = measureTable[measure].aggregation;
  switch (aggregation) {
    case "sum":
      return "actual";
    case "ratioOfSums":
      return "denominator";
    case "weightedMean":
    case "none":
      return null;
  }
}

/** Rule 9 for texts: the latest narrative per place and period or round in the view, latest first. */
function latestNarratives(frame: Frame, narratives: Narrative[], inScope: Set<string>): IndicatorSummary["narratives"] {
  const { ctx, timeById } = frame;
  return narratives
    .filter((n) => n.optionId === null && inScope.has(n.locationId) && frame.started(n.timeId))
    .filter((n) => !ctx.rootTimeId || n.timeId === ctx.rootTimeId)
    .flatMap((n) => {
      const time = timeById.get(n.timeId);
      return time ? [{ ...n, label: time.label, endDate: time.endDate }] : [];
    })
    .sort((a, b) => b.endDate.getTime() - a.endDate.getTime());
}

function byEnd(a: SummaryTime, b: SummaryTime) {
  return a.endDate.getTime() - b.endDate.getTime();
}
