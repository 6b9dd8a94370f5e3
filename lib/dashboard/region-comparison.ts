import "server-only";
import { db } from "@/lib/db";
import {
  achievement,
  actual,
  baselineValue,
  type CombinedTarget,
  combineTargets,
  lifeOfProjectTarget,
  type Measure,
} from "@/lib/indicators";
import { assertCan, can, type Principal } from "@/lib/permissions";
import { resultPartials } from "@/lib/results/partials";

export type RegionRow = {
  locationId: string;
  name: string;
  isoCode: string | null;
  target: number | null;
  actual: number | null;
  numerator: number | null;
  denominator: number | null;
  achievement: number | null;
  resultCount: number;
};

export type RegionComparison = {
  indicator: {
    id: string;
    code: string;
    title: string;
    unit: string;
    measure: Measure;
    source: "MONITORING" | "SURVEY";
  };
  /** What the figures cover: the life of the project, or one survey round. */
  scope: { kind: "lifeOfProject" } | { kind: "round"; name: string; endDate: Date };
  baseline: number | null;
  rows: RegionRow[];
  overall: Omit<RegionRow, "locationId" | "name" | "isoCode">;
  includesSubmitted: boolean;
};

/**
 * Target against achieved, per region of the project, for one indicator: approved results only,
 * unless a user who may see unapproved ones asks for the preview.
 */
export async function regionComparison(
  principal: Principal,
  projectId: string,
  indicatorId: string,
  options: { includeSubmitted?: boolean } = {},
): Promise<RegionComparison | null> {
  assertCan(principal, "project.read", projectId);
  const includeSubmitted = Boolean(options.includeSubmitted) && can(principal, "results.readUnapproved", projectId);
  const prisma = db();
  const indicator = await prisma.indicator.findFirst({
    where: { id: indicatorId, projectId },
    include: { targets: { where: { optionId: null }, include: { period: true, round: true } } },
  });
  if (!indicator) return null;
  const regions = await projectRegions(projectId);

  // Survey indicators are compared round by round: the latest round with counted results.
  let round: { id: string; name: string; endDate: Date } | null = null;
  if (indicator.source === "SURVEY") {
    const latest = await prisma.result.findFirst({
      where: {
        indicatorId,
        roundId: { not: null },
        status: { in: includeSubmitted ? ["APPROVED", "SUBMITTED"] : ["APPROVED"] },
      },
      orderBy: { round: { endDate: "desc" } },
      select: { round: { select: { id: true, name: true, endDate: true } } },
    });
    round = latest?.round ?? null;
  }
  const partials = await resultPartials(prisma, { indicatorId, includeSubmitted, roundId: round?.id });

  const { measure, timeRule, direction } = indicator;
  const targetFor = (locationId: string | null): CombinedTarget | null => {
    const rows = indicator.targets.filter((t) => t.locationId === locationId);
    if (round)
      return combineTargets(
        measure,
        rows.filter((t) => t.roundId === round.id),
      );
    const explicit = combineTargets(
      measure,
      rows.filter((t) => !t.periodId && !t.roundId),
    );
    const byPeriod = rows
      .filter((t) => t.period)
      .sort((a, b) => (a.period?.endDate.getTime() ?? 0) - (b.period?.endDate.getTime() ?? 0))
      .map((t) => combineTargets(measure, [t]));
    return lifeOfProjectTarget(measure, timeRule, explicit, byPeriod);
  };
  const baseline = baselineValue(measure, {
    value: indicator.baselineValue,
    numerator: indicator.baselineNumerator,
    denominator: indicator.baselineDenominator,
  });

  const figureRow = (target: CombinedTarget | null, locationIds: Set<string>) => {
    const figure = actual(
      measure,
      timeRule,
      partials.filter((p) => locationIds.has(p.locationId)),
    );
    const targetValue = target?.value ?? null;
    return {
      target: targetValue,
      actual: figure.value,
      numerator: figure.numerator,
      denominator: figure.denominator,
      resultCount: figure.resultCount,
      achievement: achievement(measure, direction, figure.value, targetValue, baseline),
    };
  };

  const rows = regions.map((region) => ({
    locationId: region.id,
    name: region.name,
    isoCode: region.isoCode,
    ...figureRow(targetFor(region.id), new Set([region.id])),
  }));
  const regionTargets = regions.map((r) => targetFor(r.id)).filter((t): t is CombinedTarget => t?.value != null);
  const overallTarget =
    targetFor(null)?.value != null ? targetFor(null) : combineRegionTargets(measure, regionTargets, regions.length);

  return {
    indicator: {
      id: indicator.id,
      code: indicator.code,
      title: indicator.title,
      unit: indicator.unit,
      measure,
      source: indicator.source,
    },
    scope: round ? { kind: "round", name: round.name, endDate: round.endDate } : { kind: "lifeOfProject" },
    baseline,
    rows,
    overall: figureRow(overallTarget, new Set(regions.map((r) => r.id))),
    includesSubmitted: includeSubmitted,
  };
}

/** The overall target from regional ones, only when every region has one (else it would understate). */
function combineRegionTargets(measure: Measure, targets: CombinedTarget[], regionCount: number): CombinedTarget | null {
  if (targets.length === 0 || targets.length !== regionCount) return null;
  return combineTargets(measure, targets);
}

/** The project's working locations: those it names that have no child location also in the project. */
export async function projectRegions(projectId: string) {
  const links = await db().projectLocation.findMany({
    where: { projectId },
    include: { location: true },
    orderBy: { location: { name: "asc" } },
  });
  const ids = new Set(links.map((l) => l.locationId));
  const parents = new Set(
    links.map((l) => l.location.parentId).filter((id): id is string => id !== null && ids.has(id)),
  );
  return links.map((l) => l.location).filter((l) => !parents.has(l.id));
}
