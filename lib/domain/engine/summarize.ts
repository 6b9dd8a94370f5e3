// One indicator's complete figures: overall, per location (regions roll up into their country), per
// period or round, and per disaggregation option, each with target, actual, achievement,
// expected-to-date, status and an explanation of what it was made of (rule 9). Pure: the caller
// supplies the database's partial sums and the project's structure.
import { actual, applyTimeRule, combine } from "./aggregate";
import type { OptionPartial } from "./composition";
import { type Change, changeBetweenRounds, type Interval, wilsonInterval } from "./confidence";
import { earlierDay, hasEnded, hasStarted, isoDay, startOfDay } from "./days";
import {
  type Dated,
  defaultThresholds,
  type ExpectedSource,
  expectedToDate,
  type Status,
  status,
  type Thresholds,
} from "./schedule";
import { achievement, baselineValue, type CombinedTarget, combineTargets, lifeOfProjectTarget } from "./targets";
import type { Baseline, Direction, Measure, TimeRule } from "./types";

export type SummaryLocation = { id: string; name: string; isoCode: string | null; parentId: string | null };
export type SummaryTime = {
  id: string;
  kind: "period" | "round";
  label: string;
  startDate: Date;
  endDate: Date;
  roundType?: string;
};
export type SummaryTarget = {
  periodId: string | null;
  roundId: string | null;
  locationId: string | null;
  optionId: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** A qualitative target's text. */
  note?: string;
};
export type SummaryDimension = {
  id: string;
  key: string;
  name: string;
  options: { id: string; key: string; name: string }[];
};

export type IndicatorDefinition = {
  id: string;
  code: string;
  title: string;
  unit: string;
  measure: Measure;
  direction: Direction;
  timeRule: TimeRule;
  source: "MONITORING" | "SURVEY";
  baseline: Baseline;
  dimensions: SummaryDimension[];
  /** For composition indicators: the indicator and option whose counts make the percentage. */
  composedFrom: { indicatorId: string; optionId: string } | null;
};

export type SummaryDepth = "overall" | "places" | "full";

export type SummaryContext = {
  project: { start: Date; end: Date; thresholds: Thresholds };
  asOf: Date;
  /** The project's locations; regions name their country as parent when it is in the project. */
  locations: SummaryLocation[];
  times: SummaryTime[];
  /** Summarise only this location and what lies below it (null: the whole project). */
  rootLocationId: string | null;
  /** Summarise only this period or round (undefined or null: all of them). */
  rootTimeId?: string | null;
  /**
   * How much to compute: the overall figure only ("overall": headlines, the trajectory over time), also
   * each place's ("places": a dashboard's first screen), or every figure ("full", the default).
   */
  depth?: SummaryDepth;
  /** Leave out the to-date trajectory of each period (exports, which do not draw it). */
  withoutTrajectory?: boolean;
  /** Which review statuses were counted: approved, plus submitted in a manager's preview. */
  statuses: string[];
};

export type Explanation = {
  /** How values combine: counts add up, percentages are sum(numerators)/sum(denominators), means weighted by n. */
  aggregation: "sum" | "ratioOfSums" | "weightedMean" | "none";
  /** How time was treated: all periods summed, latest value per location, or one survey round. */
  time: "sumOfPeriods" | "latestPerLocation" | "singleRound";
  resultCount: number;
  locationIds: string[];
  timeIds: string[];
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  statuses: string[];
  asOf: string;
  target: "explicit" | "derivedFromPeriods" | "combinedFromLocations" | "none";
  expected: ExpectedSource | "roundTarget" | "none";
  /** Survey indicators: the round the figure (and its status) refers to. */
  roundId: string | null;
  /** The periods or rounds whose values the status compares with expected-to-date (like with like). */
  comparedTimeIds: string[];
};

export type FigureSummary = {
  target: number | null;
  actual: number | null;
  baseline: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  achievement: number | null;
  expectedToDate: number | null;
  status: Status;
  confidenceInterval: Interval | null;
  explanation: Explanation;
};

export type Warning =
  | { code: "regionalTargetsDoNotAddUp"; overall: number; sumOfLocations: number }
  | { code: "percentageTargetsWithoutDenominators"; locationIds: string[] }
  | { code: "disaggregationExceedsTotal"; dimensionKey: string; total: number; sumOfOptions: number };

/** A qualitative value (or any value's text): what was written for one place and period or round. */
export type Narrative = { locationId: string; timeId: string; optionId: string | null; text: string };

export type IndicatorSummary = {
  indicator: Omit<IndicatorDefinition, "baseline" | "dimensions" | "composedFrom"> & { composite: boolean };
  /** How much was computed: lists beyond it are left empty. */
  depth: SummaryDepth;
  overall: FigureSummary;
  /**
   * Every place in scope, its figure including its sub-places. A place with sub-places also gives the
   * figure of the values recorded at the place itself ("Peru, not by region"; rule 11), null if none.
   */
  byLocation: (FigureSummary & SummaryLocation & { unassigned: FigureSummary | null })[];
  byTime: (FigureSummary & {
    timeId: string;
    kind: "period" | "round";
    label: string;
    endDate: Date;
    change: Change | null;
    /** The overall figure as of this period's or round's end: the trajectory over time. */
    toDate: { actual: number | null; expectedToDate: number | null; target: number | null };
  })[];
  byDimension: {
    dimensionId: string;
    key: string;
    name: string;
    options: (FigureSummary & {
      optionId: string;
      key: string;
      name: string;
      /**
       * The option's figure in each working region (for stacked charts), and at each place with
       * sub-places that has values of its own (`unassigned`, rule 11).
       */
      byLocation: {
        locationId: string;
        unassigned: boolean;
        actual: number | null;
        numerator: number | null;
        denominator: number | null;
      }[];
    })[];
    /** The part of the total not reported under any option (counts, or denominators of percentages). */
    notReported: number | null;
    notReportedByLocation: { locationId: string; unassigned: boolean; value: number | null }[];
  }[];
  /** Qualitative indicators: the latest narrative per place and period or round, latest first. */
  narratives: (Narrative & { label: string; endDate: Date })[];
  /** Qualitative indicators: the text of the life-of-project target for the view's place. */
  targetText: string | null;
  warnings: Warning[];
};

/** `own`: only the values recorded at the place itself, not at its sub-places (rule 11). */
type Scope = { locationId: string | null; optionId: string | null; timeId?: string; own?: boolean };

type LifeTarget = { target: CombinedTarget | null; source: Explanation["target"] };

/**
 * What an indicator's targets give per place and period depends neither on the as-of date nor on the
 * values, so the trajectory's summaries as of each period's end (nested calls with the same
 * definition, targets, places and times) share these lookups instead of each working them out again:
 * without it a project with many periods costs periods squared times places.
 */
type TargetMemo = {
  subtrees: Map<string | null, string[]>;
  timeTargets: Map<string, CombinedTarget | null>;
  lifeTargets: Map<string, LifeTarget>;
};

const newTargetMemo = (): TargetMemo => ({ subtrees: new Map(), timeTargets: new Map(), lifeTargets: new Map() });

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
  /** Internal: the lookups the trajectory's nested calls share with the call that makes them. */
  memo: TargetMemo = newTargetMemo(),
): IndicatorSummary {
  const { measure, timeRule, direction } = def;
  const asOf = startOfDay(ctx.asOf);
  const thresholds = ctx.project.thresholds ?? defaultThresholds;
  const baseline = baselineValue(measure, def.baseline);
  const timeById = new Map(ctx.times.map((t) => [t.id, t]));
  // Values belong to their period or round: they count once it has started (rule 10).
  const started = (timeId: string) => {
    const time = timeById.get(timeId);
    return time !== undefined && hasStarted(time.startDate, asOf);
  };
  const ended = (time: SummaryTime) => hasEnded(time.endDate, asOf);
  const periods = ctx.times.filter((t) => t.kind === "period").sort(byEnd);
  const rounds = ctx.times.filter((t) => t.kind === "round").sort(byEnd);
  const counted = partials.filter((p) => started(p.timeId));
  const countedByCell = groupBy(counted, (p) => `${p.locationId}|${p.optionId}`);
  const survey = def.source === "SURVEY";

  // ----- the location tree -----
  const inProject = new Set(ctx.locations.map((l) => l.id));
  const parentOf = (l: SummaryLocation) => (l.parentId && inProject.has(l.parentId) ? l.parentId : null);
  const children = groupBy(ctx.locations, (l) => String(parentOf(l)));
  const childrenOf = (id: string | null) => children.get(String(id)) ?? [];
  const subtrees = memo.subtrees;
  /** A place and every place below it in the project (null: every place): rule 11. */
  const placesUnder = (id: string | null): string[] => {
    const known = subtrees.get(id);
    if (known) return known;
    const found = [...(id === null ? [] : [id]), ...childrenOf(id).flatMap((c) => placesUnder(c.id))];
    subtrees.set(id, found);
    return found;
  };
  /** The working regions: places without sub-places. */
  const leavesUnder = (id: string | null) => placesUnder(id).filter((p) => childrenOf(p).length === 0);
  /** Places with sub-places that also have values of their own (a country-wide figure beside its regions). */
  const withOwnValues = new Set(counted.map((p) => p.locationId).filter((id) => childrenOf(id).length > 0));

  // ----- targets -----
  // Targets and partial sums indexed once: each figure looks up its own instead of scanning all.
  const targetKey = (
    locationId: string | null,
    optionId: string | null,
    periodId: string | null,
    roundId: string | null,
  ) => `${locationId}|${optionId}|${periodId}|${roundId}`;
  const targetIndex = groupBy(targets, (t) => targetKey(t.locationId, t.optionId, t.periodId, t.roundId));
  const explicitTargets = (scope: Scope, periodId: string | null, roundId: string | null) =>
    targetIndex.get(targetKey(scope.locationId, scope.optionId, periodId, roundId)) ?? [];
  const present = (t: CombinedTarget | null): t is CombinedTarget => t !== null && t.value !== null;
  const noLifeTarget: LifeTarget = { target: null, source: "none" };

  /** Target for one period or round at a scope: explicit, else combined from the child locations. */
  const timeTargets = memo.timeTargets;
  const timeTarget = (scope: Scope, time: SummaryTime): CombinedTarget | null => {
    const key = `${scope.locationId}|${scope.optionId}|${time.id}`;
    if (!timeTargets.has(key)) timeTargets.set(key, computeTimeTarget(scope, time));
    return timeTargets.get(key) ?? null;
  };
  const computeTimeTarget = (scope: Scope, time: SummaryTime): CombinedTarget | null => {
    const rows = explicitTargets(
      scope,
      time.kind === "period" ? time.id : null,
      time.kind === "round" ? time.id : null,
    );
    if (rows.length) return combineTargets(measure, rows);
    return fromChildren(scope, (child) => timeTarget(child, time));
  };
  const fromChildren = (scope: Scope, targetOf: (child: Scope) => CombinedTarget | null): CombinedTarget | null => {
    const children = childrenOf(scope.locationId);
    if (children.length === 0) return null;
    const found = children.map((c) => targetOf({ ...scope, locationId: c.id }));
    return found.every(present) ? combineTargets(measure, found) : null;
  };
  /** Rule 4 at a scope, with where the target came from. */
  const lifeTargets = memo.lifeTargets;
  const lifeTarget = (scope: Scope): LifeTarget => {
    const key = `${scope.locationId}|${scope.optionId}`;
    const known = lifeTargets.get(key);
    if (known) return known;
    const found = computeLifeTarget(scope);
    lifeTargets.set(key, found);
    return found;
  };
  const computeLifeTarget = (scope: Scope): LifeTarget => {
    const explicit = explicitTargets(scope, null, null);
    if (explicit.length) return { target: combineTargets(measure, explicit), source: "explicit" };
    const byPeriod = periods.map((p) => timeTarget(scope, p)).filter(present);
    if (byPeriod.length) {
      return { target: lifeOfProjectTarget(measure, timeRule, null, byPeriod), source: "derivedFromPeriods" };
    }
    const combined = fromChildren(scope, (child) => lifeTarget(child).target);
    return combined ? { target: combined, source: "combinedFromLocations" } : { target: null, source: "none" };
  };

  // ----- one figure -----
  const figureAt = (scope: Scope): FigureSummary => {
    const places = scope.own && scope.locationId !== null ? [scope.locationId] : placesUnder(scope.locationId);
    const mine = places
      .flatMap((locationId) => countedByCell.get(`${locationId}|${scope.optionId}`) ?? [])
      .filter((p) => !scope.timeId || p.timeId === scope.timeId);
    // A place's own values carry no target of their own: the place's targets cover its sub-places too.
    const targetScope = scope.own ? null : scope;
    if (scope.timeId) return singleTimeFigure(targetScope, scope.timeId, mine);
    return survey ? surveyFigure(targetScope, mine) : monitoringFigure(targetScope, mine);
  };

  const monitoringFigure = (scope: Scope | null, mine: OptionPartial[]): FigureSummary => {
    const figure = actual(measure, timeRule, mine);
    const life = scope ? lifeTarget(scope) : noLifeTarget;
    const periodTargets = scope
      ? periods
          .map((p) => ({ endDate: p.endDate, value: timeTarget(scope, p) }))
          .filter((t): t is Dated<CombinedTarget> => present(t.value))
      : [];
    const expected =
      measure === "QUALITATIVE"
        ? null
        : expectedToDate({
            measure,
            cumulative: timeRule === "CUMULATIVE",
            periodTargets,
            lifeOfProject: life.target?.value ?? null,
            baseline,
            project: ctx.project,
            asOf,
          });
    const used = applyTimeRule(timeRule, mine);
    // Expected from period targets covers the ended periods: the status compares their values only.
    const comparedPeriods = expected?.source === "endedPeriodTargets" ? periods.filter(ended) : null;
    const comparedIds = comparedPeriods ? new Set(comparedPeriods.map((t) => t.id)) : null;
    const comparedPartials = comparedIds ? mine.filter((p) => comparedIds.has(p.timeId)) : mine;
    const compared = comparedPeriods ? actual(measure, timeRule, comparedPartials) : figure;
    return assemble(figure, used, life.target?.value ?? null, expected?.value ?? null, {
      time: timeRule === "CUMULATIVE" ? "latestPerLocation" : "sumOfPeriods",
      target: life.source,
      expected: expected?.source ?? "none",
      roundId: null,
      statusActual: compared.value,
      comparedTimeIds: unique(applyTimeRule(timeRule, comparedPartials).map((p) => p.timeId)),
    });
  };

  /** Survey indicators are compared round by round with the target for their round, never prorated. */
  const surveyFigure = (scope: Scope | null, mine: OptionPartial[]): FigureSummary => {
    const withResults = rounds.filter((r) => mine.some((p) => p.timeId === r.id));
    const latest = withResults[withResults.length - 1] ?? null;
    const ofLatest = latest ? mine.filter((p) => p.timeId === latest.id) : [];
    const figure = combine(measure, ofLatest);
    const roundTarget = (r: SummaryTime) => (scope ? timeTarget(scope, r) : null);
    const latestTarget = latest ? roundTarget(latest) : null;
    const life = scope ? lifeTarget(scope) : noLifeTarget;
    const finalTarget = rounds.map(roundTarget).filter(present).pop() ?? null;
    const target = present(latestTarget) ? latestTarget.value : (life.target?.value ?? finalTarget?.value ?? null);
    // Expected: the latest round that has ended and has a target.
    const due = rounds.filter((r) => ended(r) && present(roundTarget(r))).pop();
    const expected = due ? (roundTarget(due)?.value ?? null) : null;
    const compared = due
      ? combine(
          measure,
          mine.filter((p) => p.timeId === due.id),
        )
      : figure;
    return assemble(figure, ofLatest, target, expected, {
      time: "singleRound",
      target: present(latestTarget) ? "explicit" : life.source,
      expected: due ? "roundTarget" : "none",
      roundId: latest?.id ?? null,
      statusActual: compared.value,
      hasTarget: target !== null || finalTarget !== null,
      comparedTimeIds: due ? [due.id] : [],
    });
  };

  const singleTimeFigure = (scope: Scope | null, timeId: string, mine: OptionPartial[]): FigureSummary => {
    const time = timeById.get(timeId);
    const figure = combine(measure, mine);
    const target = time && scope ? (timeTarget(scope, time)?.value ?? null) : null;
    const expected = time && ended(time) ? target : null;
    return assemble(figure, mine, target, expected, {
      time: time?.kind === "round" ? "singleRound" : timeRule === "CUMULATIVE" ? "latestPerLocation" : "sumOfPeriods",
      target: target === null ? "none" : "explicit",
      expected: expected === null ? "none" : time?.kind === "round" ? "roundTarget" : "endedPeriodTargets",
      roundId: time?.kind === "round" ? time.id : null,
      comparedTimeIds: expected === null ? [] : [timeId],
    });
  };

  const assemble = (
    figure: ReturnType<typeof combine>,
    used: OptionPartial[],
    target: number | null,
    expected: number | null,
    how: Pick<Explanation, "time" | "target" | "expected" | "roundId" | "comparedTimeIds"> & {
      statusActual?: number | null;
      hasTarget?: boolean;
    },
  ): FigureSummary => {
    const isSurveyPercent = survey && measure === "PERCENTAGE" && figure.numerator !== null;
    const n = figure.sampleSize ?? figure.denominator;
    return {
      target,
      actual: figure.value,
      baseline,
      numerator: figure.numerator,
      denominator: figure.denominator,
      sampleSize: figure.sampleSize,
      achievement: achievement(direction, figure.value, target, baseline),
      expectedToDate: expected,
      status: status({
        measure,
        direction,
        hasTarget: how.hasTarget ?? target !== null,
        expected,
        actual: how.statusActual !== undefined ? how.statusActual : figure.value,
        baseline,
        thresholds,
      }),
      confidenceInterval:
        isSurveyPercent && n ? wilsonInterval(((figure.numerator ?? 0) / (figure.denominator ?? 1)) * n, n) : null,
      explanation: {
        aggregation:
          measure === "COUNT"
            ? "sum"
            : measure === "PERCENTAGE"
              ? "ratioOfSums"
              : measure === "MEAN"
                ? "weightedMean"
                : "none",
        time: how.time,
        resultCount: figure.resultCount,
        locationIds: unique(used.map((p) => p.locationId)),
        timeIds: unique(used.map((p) => p.timeId)),
        numerator: figure.numerator,
        denominator: figure.denominator,
        sampleSize: figure.sampleSize,
        statuses: ctx.statuses,
        asOf: isoDay(asOf),
        target: how.target,
        expected: how.expected,
        roundId: how.roundId,
        comparedTimeIds: how.comparedTimeIds,
      },
    };
  };

  // ----- the summary -----
  const root: Scope = { locationId: ctx.rootLocationId, optionId: null, timeId: ctx.rootTimeId ?? undefined };
  const overall = figureAt(root);
  const indicator = {
    id: def.id,
    code: def.code,
    title: def.title,
    unit: def.unit,
    measure,
    direction,
    timeRule,
    source: def.source,
    composite: def.composedFrom !== null,
  };
  const depth = ctx.depth ?? "full";
  if (depth === "overall") {
    return {
      indicator,
      depth,
      overall,
      byLocation: [],
      byTime: [],
      byDimension: [],
      narratives: [],
      targetText: null,
      warnings: [],
    };
  }
  const inScope = new Set(placesUnder(ctx.rootLocationId));
  const scopeLocations = ctx.locations.filter((l) => inScope.has(l.id));
  const byLocation = scopeLocations.map((l) => ({
    ...l,
    parentId: parentOf(l),
    ...figureAt({ ...root, locationId: l.id }),
    unassigned: withOwnValues.has(l.id) ? figureAt({ ...root, locationId: l.id, own: true }) : null,
  }));
  const targetText =
    measure === "QUALITATIVE"
      ? explicitTargets({ locationId: ctx.rootLocationId, optionId: null }, null, null)[0]?.note?.trim() || null
      : null;
  if (depth === "places") {
    return {
      indicator,
      depth,
      overall,
      byLocation,
      byTime: [],
      byDimension: [],
      narratives: latestNarratives(),
      targetText,
      warnings: targetWarnings(root),
    };
  }
  /** Where per-region views put values: each working region, then each place's own values (rule 11). */
  const rows = [
    ...leavesUnder(ctx.rootLocationId).map((locationId) => ({ locationId, unassigned: false })),
    ...placesUnder(ctx.rootLocationId)
      .filter((id) => withOwnValues.has(id))
      .map((locationId) => ({ locationId, unassigned: true })),
  ];

  const times = survey ? rounds : periods;
  let previous: FigureSummary | null = null;
  const byTime = times.map((t) => {
    const figure = figureAt({ ...root, timeId: t.id });
    const change =
      survey && measure === "PERCENTAGE" && previous?.numerator != null && figure.numerator !== null
        ? changeBetweenRounds(
            { numerator: previous.numerator, n: previous.denominator ?? 0 },
            { numerator: figure.numerator, n: figure.denominator ?? 0 },
          )
        : null;
    if (figure.actual !== null) previous = figure;
    // The trajectory as of each period's end, never past the view's as-of date (rule 11).
    const then =
      ctx.withoutTrajectory || !started(t.id)
        ? null
        : summarizeIndicator(
            def,
            partials,
            targets,
            { ...ctx, asOf: earlierDay(t.endDate, asOf), rootTimeId: null, depth: "overall" },
            [],
            memo,
          );
    const planned =
      ctx.withoutTrajectory || then
        ? then
        : summarizeIndicator(
            def,
            [],
            targets,
            { ...ctx, asOf: t.endDate, rootTimeId: null, depth: "overall" },
            [],
            memo,
          );
    const toDate = {
      actual: then?.overall.actual ?? null,
      expectedToDate: planned?.overall.expectedToDate ?? null,
      target: planned?.overall.target ?? null,
    };
    return { ...figure, timeId: t.id, kind: t.kind, label: t.label, endDate: t.endDate, change, toDate };
  });

  const warnings: Warning[] = [];
  const byDimension = def.dimensions.map((d) => {
    const options = d.options.map((o) => ({
      ...figureAt({ ...root, optionId: o.id }),
      optionId: o.id,
      key: o.key,
      name: o.name,
      byLocation: rows.map(({ locationId, unassigned }) => {
        const f = figureAt({ ...root, optionId: o.id, locationId, own: unassigned });
        return { locationId, unassigned, actual: f.actual, numerator: f.numerator, denominator: f.denominator };
      }),
    }));
    const notReported = gap(measure, overall, options);
    const notReportedByLocation = rows.map(({ locationId, unassigned }) => ({
      locationId,
      unassigned,
      value: gap(
        measure,
        figureAt({ ...root, locationId, own: unassigned }),
        options.map(
          (o) =>
            o.byLocation.find((l) => l.locationId === locationId && l.unassigned === unassigned) ?? {
              actual: null,
              denominator: null,
            },
        ),
      ),
    }));
    if (notReported !== null && notReported < 0) {
      const total = (measure === "PERCENTAGE" ? overall.denominator : overall.actual) ?? 0;
      warnings.push({
        code: "disaggregationExceedsTotal",
        dimensionKey: d.key,
        total,
        sumOfOptions: total - notReported,
      });
    }
    return { dimensionId: d.id, key: d.key, name: d.name, options, notReported, notReportedByLocation };
  });
  warnings.push(...targetWarnings(root));

  return {
    indicator,
    depth,
    overall,
    byLocation,
    byTime,
    byDimension,
    narratives: latestNarratives(),
    targetText,
    warnings,
  };

  /** Rule 9 for texts: the latest narrative per place and period or round in the view, latest first. */
  function latestNarratives(): IndicatorSummary["narratives"] {
    return narratives
      .filter((n) => n.optionId === null && inScope.has(n.locationId) && started(n.timeId))
      .filter((n) => !ctx.rootTimeId || n.timeId === ctx.rootTimeId)
      .flatMap((n) => {
        const time = timeById.get(n.timeId);
        return time ? [{ ...n, label: time.label, endDate: time.endDate }] : [];
      })
      .sort((a, b) => b.endDate.getTime() - a.endDate.getTime());
  }

  function targetWarnings(scope: Scope): Warning[] {
    const found: Warning[] = [];
    const children = childrenOf(scope.locationId);
    const overallExplicit = explicitTargets(scope, null, null);
    if (measure === "COUNT" && overallExplicit.length && children.length) {
      const childTargets = children.map((c) => lifeTarget({ ...scope, locationId: c.id }).target);
      if (childTargets.every(present)) {
        const sumOfLocations = childTargets.reduce((a, t) => a + (t.value ?? 0), 0);
        const overallValue = combineTargets(measure, overallExplicit).value ?? 0;
        if (Math.abs(sumOfLocations - overallValue) > 1e-9) {
          found.push({ code: "regionalTargetsDoNotAddUp", overall: overallValue, sumOfLocations });
        }
      }
    }
    if (measure === "PERCENTAGE") {
      const lacking = targets.filter(
        (t) => t.locationId !== null && t.value !== null && (t.numerator === null || t.denominator === null),
      );
      // Weights only matter between different shares of the same time (and option): the same 85 % in
      // every region combines to 85 % anyhow.
      const valuesByTime = groupBy(lacking, (t) => targetKey(null, t.optionId, t.periodId, t.roundId));
      const differ = [...valuesByTime.values()].some((same) => new Set(same.map((t) => t.value)).size > 1);
      if (differ && leavesUnder(null).length > 1) {
        found.push({
          code: "percentageTargetsWithoutDenominators",
          locationIds: unique(lacking.map((t) => t.locationId ?? "")),
        });
      }
    }
    return found;
  }
}

/** Rule 8: what the options leave unreported of the total (negative when they add up to more). */
type Counted = { actual: number | null; denominator: number | null };

function gap(measure: Measure, total: Counted, options: Counted[]): number | null {
  if (measure === "COUNT") {
    if (total.actual === null || options.every((o) => o.actual === null)) return null;
    return total.actual - options.reduce((a, o) => a + (o.actual ?? 0), 0);
  }
  if (measure === "PERCENTAGE") {
    if (total.denominator === null || options.every((o) => o.denominator === null)) return null;
    return total.denominator - options.reduce((a, o) => a + (o.denominator ?? 0), 0);
  }
  return null;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function byEnd(a: SummaryTime, b: SummaryTime) {
  return a.endDate.getTime() - b.endDate.getTime();
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}
