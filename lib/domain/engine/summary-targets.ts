// Rules 2 and 4 (docs/numbers.md) at every place, period and option of a summary: a target is the
// explicit one, else derived from the period targets, else combined from the sub-places. Also the
// warnings about targets that do not fit together.
import { addsUp, isRatio } from "@/lib/domain/measures";
import { groupBy, pairCache, unique } from "./lists";
import type { Dated } from "./schedule";
import type { PlaceTree } from "./summary-places";
import type { LifeTarget, Scope, SummaryTarget, SummaryTime, Warning } from "./summary-types";
import { type CombinedTarget, combineTargets, lifeOfProjectTarget } from "./targets";
import type { Measure, TimeRule } from "./types";

export const present = (t: CombinedTarget | null): t is CombinedTarget => t !== null && t.value !== null;

export const noLifeTarget: LifeTarget = { target: null, source: "none" };

export type TargetLookup = {
  /** The targets entered for exactly this scope and period or round (both null: life of project). */
  explicitTargets: (scope: Scope, periodId: string | null, roundId: string | null) => SummaryTarget[];
  /** Target for one period or round at a scope: explicit, else combined from the child locations. */
  timeTarget: (scope: Scope, time: SummaryTime) => CombinedTarget | null;
  /** Rule 4 at a scope, with where the target came from. */
  lifeTarget: (scope: Scope) => LifeTarget;
  /** The periods' targets at a scope that are set, in period order (rule 6 works out expected from them). */
  periodTargets: (scope: Scope) => Dated<CombinedTarget>[];
};

/** What a scope's targets give, each worked out once per summary (they depend neither on the as-of date nor on values). */
type ScopeTargets = {
  byTime: Map<string, CombinedTarget | null>;
  life?: LifeTarget;
  periods?: Dated<CombinedTarget>[];
};

const targetKey = (
  locationId: string | null,
  optionId: string | null,
  periodId: string | null,
  roundId: string | null,
) => `${locationId}|${optionId}|${periodId}|${roundId}`;

/**
 * The targets of every scope of a summary, each worked out once and shared with the trajectory's
 * figures as of each period's end: without it a project with many periods costs periods squared times places.
 */
export function targetLookup(
  def: { measure: Measure; timeRule: TimeRule },
  targets: SummaryTarget[],
  periods: SummaryTime[],
  places: PlaceTree,
): TargetLookup {
  const { measure, timeRule } = def;
  // Targets indexed once by place and option: each scope looks up its own instead of scanning all.
  const byScope = pairCache<string | null, string | null, SummaryTarget[]>();
  for (const t of targets) byScope(t.locationId, t.optionId, () => []).push(t);
  const explicitTargets = (scope: Scope, periodId: string | null, roundId: string | null) =>
    byScope(scope.locationId, scope.optionId, () => []).filter((t) => t.periodId === periodId && t.roundId === roundId);
  const scopes = pairCache<string | null, string | null, ScopeTargets>();
  const known = (scope: Scope) => scopes(scope.locationId, scope.optionId, () => ({ byTime: new Map() }));

  const timeTarget = (scope: Scope, time: SummaryTime): CombinedTarget | null => {
    const { byTime } = known(scope);
    if (!byTime.has(time.id)) byTime.set(time.id, computeTimeTarget(scope, time));
    return byTime.get(time.id) ?? null;
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
    const children = places.childrenOf(scope.locationId);
    if (children.length === 0) return null;
    // Targets are looked up by place and option only.
    const found = children.map((c) => targetOf({ locationId: c.id, optionId: scope.optionId }));
    return found.every(present) ? combineTargets(measure, found) : null;
  };

  const lifeTarget = (scope: Scope): LifeTarget => {
    const entry = known(scope);
    entry.life ??= computeLifeTarget(scope);
    return entry.life;
  };
  const computeLifeTarget = (scope: Scope): LifeTarget => {
    const explicit = explicitTargets(scope, null, null);
    if (explicit.length) return { target: combineTargets(measure, explicit), source: "explicit" };
    const byPeriod = periods.map((p) => timeTarget(scope, p)).filter(present);
    if (byPeriod.length) {
      return { target: lifeOfProjectTarget(measure, timeRule, null, byPeriod), source: "derivedFromPeriods" };
    }
    const combined = fromChildren(scope, (child) => lifeTarget(child).target);
    return combined ? { target: combined, source: "combinedFromLocations" } : noLifeTarget;
  };

  const periodTargets = (scope: Scope): Dated<CombinedTarget>[] => {
    const entry = known(scope);
    entry.periods ??= periods
      .map((p) => ({ endDate: p.endDate, value: timeTarget(scope, p) }))
      .filter((t): t is Dated<CombinedTarget> => present(t.value));
    return entry.periods;
  };

  return { explicitTargets, timeTarget, lifeTarget, periodTargets };
}

/** The warnings about a scope's targets: counts that do not add up, shares that cannot be weighted. */
export function targetWarnings(
  measure: Measure,
  targets: SummaryTarget[],
  lookup: TargetLookup,
  places: PlaceTree,
  scope: Scope,
): Warning[] {
  return [
    ...regionalTargetsDoNotAddUp(measure, lookup, places, scope),
    ...percentageTargetsWithoutDenominators(measure, targets, places),
  ];
}

/** Rule 2 for counts: an explicit target should be the sum of its sub-places' targets. */
function regionalTargetsDoNotAddUp(measure: Measure, lookup: TargetLookup, places: PlaceTree, scope: Scope): Warning[] {
  const children = places.childrenOf(scope.locationId);
  const overallExplicit = lookup.explicitTargets(scope, null, null);
  if (!addsUp(measure) || !overallExplicit.length || !children.length) return [];
  const childTargets = children.map((c) => lookup.lifeTarget({ ...scope, locationId: c.id }).target);
  if (!childTargets.every(present)) return [];
  const sumOfLocations = childTargets.reduce((a, t) => a + (t.value ?? 0), 0);
  const overallValue = combineTargets(measure, overallExplicit).value ?? 0;
  return Math.abs(sumOfLocations - overallValue) > 1e-9
    ? [{ code: "regionalTargetsDoNotAddUp", overall: overallValue, sumOfLocations }]
    : [];
}

/** Rule 2 for percentages: different shares per place can only be weighted by their counts. */
function percentageTargetsWithoutDenominators(
  measure: Measure,
  targets: SummaryTarget[],
  places: PlaceTree,
): Warning[] {
  if (!isRatio(measure)) return [];
  const lacking = targets.filter(
    (t) => t.locationId !== null && t.value !== null && (t.numerator === null || t.denominator === null),
  );
  // Weights only matter between different shares of the same time (and option): the same 85 % in
  // every region combines to 85 % anyhow.
  const valuesByTime = groupBy(lacking, (t) => targetKey(null, t.optionId, t.periodId, t.roundId));
  const differ = [...valuesByTime.values()].some((same) => new Set(same.map((t) => t.value)).size > 1);
  if (!differ || places.leavesUnder(null).length <= 1) return [];
  return [
    { code: "percentageTargetsWithoutDenominators", locationIds: unique(lacking.map((t) => t.locationId ?? "")) },
  ];
}
