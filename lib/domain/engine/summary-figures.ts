// One figure of a summary at a scope (a place, an option, a period or round): the actual value by
// rules 1 and 3, its target by rule 4, expected-to-date by rule 6, achievement and status by rules 5
// and 7, and what it was made of (rule 9).
import { isRatio, isText, measureTable } from "@/lib/domain/measures";
import { applyTimeRule, combine } from "./aggregate";
import type { OptionPartial } from "./composition";
import { wilsonInterval } from "./confidence";
import { uniqueOf } from "./lists";
import { expectedToDate, status, type Thresholds } from "./schedule";
import type { PlaceTree } from "./summary-places";
import { noLifeTarget, present, type TargetLookup } from "./summary-targets";
import type {
  Explanation,
  FigureSummary,
  IndicatorDefinition,
  Scope,
  SummaryContext,
  SummaryTime,
} from "./summary-types";
import { achievement } from "./targets";
import type { Figure } from "./types";

/**
 * What an indicator's summary works out once and shares with the trajectory's figures as of each
 * period's end (the same definition, targets, places, times and values): none of it depends on the
 * as-of date.
 */
export type SummaryMemo = {
  def: IndicatorDefinition;
  thresholds: Thresholds;
  baseline: number | null;
  survey: boolean;
  timeById: Map<string, SummaryTime>;
  periods: SummaryTime[];
  rounds: SummaryTime[];
  places: PlaceTree;
  targets: TargetLookup;
  /** The partials of known periods and rounds per place and option (null: total), in their order. */
  cellsOf: (partials: OptionPartial[]) => Cells;
};

export type Cells = Map<string, Map<string | null, OptionPartial[]>>;

/** What every figure of one summary shares: the memo, the view and what its as-of date settles. */
export type Frame = SummaryMemo & {
  ctx: SummaryContext;
  /** The start of the as-of day (rule 10). */
  asOf: Date;
  /** The as-of day as YYYY-MM-DD, for explanations. */
  asOfDay: string;
  /** Whether a period or round has started by the as-of date: its values count from then (rule 10). */
  started: (timeId: string) => boolean;
  /** Whether a period or round has ended by the as-of date (rule 10). */
  ended: (time: SummaryTime) => boolean;
  /** The periods ended by the as-of date, in order, and their ids. */
  endedPeriods: SummaryTime[];
  endedPeriodIds: Set<string>;
  /** The counted partial sums (of started periods and rounds) of a place and option. */
  counted: (locationId: string, optionId: string | null) => OptionPartial[];
  /** The places with counted values (any option's). */
  valuedPlaces: () => string[];
};

/** The figure at a scope: its places' values (rule 11), for one time, or over time by the indicator's source. */
export function figureAt(frame: Frame, scope: Scope): FigureSummary {
  const mine = partialsAt(frame, scope);
  // A place's own values carry no target of their own: the place's targets cover its sub-places too.
  const targetScope = scope.own ? null : scope;
  if (scope.timeId) return singleTimeFigure(frame, targetScope, scope.timeId, mine);
  return frame.survey ? surveyFigure(frame, targetScope, mine) : monitoringFigure(frame, targetScope, mine);
}

/**
 * Only the values of the figure at a scope (the same actual, numerator and denominator as `figureAt`),
 * without its target, status or explanation: what a disaggregation's rows per place show.
 */
export function valuesAt(frame: Frame, scope: Scope): Figure {
  const { measure, timeRule } = frame.def;
  const mine = partialsAt(frame, scope);
  if (scope.timeId) return combine(measure, mine);
  if (frame.survey) return combine(measure, latestRound(frame, mine).ofLatest);
  return combine(measure, applyTimeRule(timeRule, mine));
}

/** The counted partials of a scope's places (rule 11), of its period or round when it names one. */
function partialsAt(frame: Frame, scope: Scope): OptionPartial[] {
  const places =
    scope.own && scope.locationId !== null ? [scope.locationId] : frame.places.placesUnder(scope.locationId);
  const mine: OptionPartial[] = [];
  for (const locationId of places) {
    for (const p of frame.counted(locationId, scope.optionId))
      if (!scope.timeId || p.timeId === scope.timeId) mine.push(p);
  }
  return mine;
}

/** Survey indicators count the latest round with values (rule 6): that round and its partials. */
function latestRound(frame: Frame, mine: OptionPartial[]) {
  const withResults = frame.rounds.filter((r) => mine.some((p) => p.timeId === r.id));
  const latest = withResults[withResults.length - 1] ?? null;
  return { latest, ofLatest: latest ? mine.filter((p) => p.timeId === latest.id) : [] };
}

/**
 * Monitoring indicators over time: the time rule (rule 3), the life-of-project target (rule 4) and
 * expected-to-date (rule 6); when expected comes from the ended periods' targets, the status compares
 * those periods' values only (rule 7, like with like).
 */
function monitoringFigure(frame: Frame, scope: Scope | null, mine: OptionPartial[]): FigureSummary {
  const { measure, timeRule } = frame.def;
  const used = applyTimeRule(timeRule, mine);
  const figure = combine(measure, used);
  const life = scope ? frame.targets.lifeTarget(scope) : noLifeTarget;
  const periodTargets = scope ? frame.targets.periodTargets(scope) : [];
  const expected = isText(measure)
    ? null
    : expectedToDate({
        measure,
        cumulative: timeRule === "CUMULATIVE",
        periodTargets,
        lifeOfProject: life.target?.value ?? null,
        baseline: frame.baseline,
        project: frame.ctx.project,
        asOf: frame.asOf,
      });
  const comparesEnded = expected?.source === "endedPeriodTargets";
  const comparedUsed = comparesEnded
    ? applyTimeRule(
        timeRule,
        mine.filter((p) => frame.endedPeriodIds.has(p.timeId)),
      )
    : used;
  const compared = comparesEnded ? combine(measure, comparedUsed) : figure;
  return explainedFigure(frame, figure, used, life.target?.value ?? null, expected?.value ?? null, {
    time: timeRule === "CUMULATIVE" ? "latestPerLocation" : "sumOfPeriods",
    target: life.source,
    expected: expected?.source ?? "none",
    roundId: null,
    statusActual: compared.value,
    comparedTimeIds: uniqueOf(comparedUsed, (p) => p.timeId),
  });
}

/** Survey indicators are compared round by round with the target for their round, never prorated (rule 6). */
function surveyFigure(frame: Frame, scope: Scope | null, mine: OptionPartial[]): FigureSummary {
  const { measure } = frame.def;
  const { rounds, targets } = frame;
  const { latest, ofLatest } = latestRound(frame, mine);
  const figure = combine(measure, ofLatest);
  const roundTarget = (r: SummaryTime) => (scope ? targets.timeTarget(scope, r) : null);
  const latestTarget = latest ? roundTarget(latest) : null;
  const life = scope ? targets.lifeTarget(scope) : noLifeTarget;
  const finalTarget = rounds.map(roundTarget).filter(present).pop() ?? null;
  const target = present(latestTarget) ? latestTarget.value : (life.target?.value ?? finalTarget?.value ?? null);
  // Expected: the latest round that has ended and has a target.
  const due = rounds.filter((r) => frame.ended(r) && present(roundTarget(r))).pop();
  const expected = due ? (roundTarget(due)?.value ?? null) : null;
  const compared = due
    ? combine(
        measure,
        mine.filter((p) => p.timeId === due.id),
      )
    : figure;
  return explainedFigure(frame, figure, ofLatest, target, expected, {
    time: "singleRound",
    target: present(latestTarget) ? "explicit" : life.source,
    expected: due ? "roundTarget" : "none",
    roundId: latest?.id ?? null,
    statusActual: compared.value,
    hasTarget: target !== null || finalTarget !== null,
    comparedTimeIds: due ? [due.id] : [],
  });
}

/** One period or round: its values combined (rule 1), its own target, expected once it has ended. */
function singleTimeFigure(frame: Frame, scope: Scope | null, timeId: string, mine: OptionPartial[]): FigureSummary {
  const { measure, timeRule } = frame.def;
  const time = frame.timeById.get(timeId);
  const figure = combine(measure, mine);
  const target = time && scope ? (frame.targets.timeTarget(scope, time)?.value ?? null) : null;
  const expected = time && frame.ended(time) ? target : null;
  return explainedFigure(frame, figure, mine, target, expected, {
    time: time?.kind === "round" ? "singleRound" : timeRule === "CUMULATIVE" ? "latestPerLocation" : "sumOfPeriods",
    target: target === null ? "none" : "explicit",
    expected: expected === null ? "none" : time?.kind === "round" ? "roundTarget" : "endedPeriodTargets",
    roundId: time?.kind === "round" ? time.id : null,
    comparedTimeIds: expected === null ? [] : [timeId],
  });
}

/**
 * A figure with its achievement (rule 5), status (rule 7), a survey share's confidence interval and
 * what it was made of (rule 9). `statusActual`: the value the status compares, when not the figure's.
 */
function explainedFigure(
  frame: Frame,
  figure: Figure,
  used: OptionPartial[],
  target: number | null,
  expected: number | null,
  how: Pick<Explanation, "time" | "target" | "expected" | "roundId" | "comparedTimeIds"> & {
    statusActual?: number | null;
    hasTarget?: boolean;
  },
): FigureSummary {
  const { measure, direction } = frame.def;
  const { baseline } = frame;
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
      thresholds: frame.thresholds,
    }),
    confidenceInterval: frame.survey && isRatio(measure) ? shareInterval(figure) : null,
    explanation: {
      aggregation: measureTable[measure].aggregation,
      time: how.time,
      resultCount: figure.resultCount,
      locationIds: uniqueOf(used, (p) => p.locationId),
      timeIds: uniqueOf(used, (p) => p.timeId),
      numerator: figure.numerator,
      denominator: figure.denominator,
      sampleSize: figure.sampleSize,
      statuses: frame.ctx.statuses,
      asOf: frame.asOfDay,
      target: how.target,
      expected: how.expected,
      roundId: how.roundId,
      comparedTimeIds: how.comparedTimeIds,
    },
  };
}

/** A survey share's Wilson interval over its (effective) sample size; null without counts. */
function shareInterval(figure: Figure) {
  const n = figure.sampleSize ?? figure.denominator;
  if (figure.numerator === null || !n) return null;
  return wilsonInterval(((figure.numerator ?? 0) / (figure.denominator ?? 1)) * n, n);
}
