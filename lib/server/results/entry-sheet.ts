import "server-only";
import { localizeDimension } from "@/lib/domain/catalogue/names";
import type { Locale } from "@/lib/domain/i18n/config";
import { isText } from "@/lib/domain/measures";
import { canSomewhere, ForbiddenError, type Principal, placesWhere } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";

/**
 * What the entry grid needs for one period or round: the indicators measured in it (routine ones for
 * periods, survey ones for rounds) with their disaggregation options, the working regions, and the
 * values already entered (totals and per option). A partner's member gets the partner's sites only, and
 * the values there.
 */
export async function entrySheet(principal: Principal, projectId: string, timeId?: string, locale: Locale = "en") {
  if (!mayEnter(principal, projectId)) throw new ForbiddenError("results.enter");
  const places = placesWhere(principal, "results.enter", projectId);
  const prisma = db();
  const project = await prisma.project.findUniqueOrThrow({
    where: { id: projectId },
    include: {
      periods: { orderBy: { startDate: "asc" } },
      surveyRounds: { orderBy: { startDate: "asc" } },
      locations: { include: { location: true } },
      indicators: {
        where: { archivedAt: null, composedFromId: null },
        orderBy: [{ resultNode: { sortOrder: "asc" } }, { sortOrder: "asc" }],
        select: {
          id: true,
          code: true,
          title: true,
          measure: true,
          source: true,
          unit: true,
          minValue: true,
          maxValue: true,
          wholeNumbers: true,
          dimensions: {
            select: {
              dimension: {
                select: {
                  id: true,
                  key: true,
                  name: true,
                  projectId: true,
                  isCustom: true,
                  options: { orderBy: { sortOrder: "asc" }, select: { id: true, key: true, name: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  const times = [
    ...project.periods.map((p) => ({ id: p.id, kind: "period" as const, label: p.label, locked: p.lockedAt !== null })),
    ...project.surveyRounds.map((r) => ({ id: r.id, kind: "round" as const, label: r.name, locked: false })),
  ];
  const ids = new Set(project.locations.map((l) => l.locationId));
  const parents = new Set(
    project.locations.map((l) => l.location.parentId).filter((id): id is string => !!id && ids.has(id)),
  );
  // The working places (those with no place of the project inside them); a partner's own sites wherever they are.
  const locations = project.locations
    .map((l) => l.location)
    .filter((l) => (places === "all" ? !parents.has(l.id) : places.includes(l.id)))
    .map((l) => ({ id: l.id, name: l.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const shown = places === "all" ? undefined : { in: locations.map((l) => l.id) };
  const time =
    times.find((x) => x.id === timeId) ?? (await timeNeedingWork(projectId, times, shown)) ?? times[0] ?? null;
  const indicators = project.indicators
    .filter((i) => (i.source === "SURVEY") === (time?.kind === "round"))
    .map(({ dimensions, ...i }) => ({
      ...i,
      dimensions: isText(i.measure) ? [] : dimensions.map((d) => localizeDimension(d.dimension, locale)),
    }));
  const valuesAt = (at: { id: string; kind: "period" | "round" }) =>
    prisma.result.findMany({
      where: {
        indicatorId: { in: indicators.map((i) => i.id) },
        ...(at.kind === "period" ? { periodId: at.id } : { roundId: at.id }),
        ...(shown ? { locationId: shown } : {}),
      },
      select: {
        id: true,
        indicatorId: true,
        locationId: true,
        optionId: true,
        value: true,
        numerator: true,
        denominator: true,
        sampleSize: true,
        textValue: true,
        status: true,
        version: true,
        reviewComment: true,
      },
    });
  const existing = time ? await valuesAt(time) : [];
  // The period (or round) before this one, as a starting point for the evaluator.
  const sameKind = times.filter((x) => x.kind === time?.kind);
  const before = time ? sameKind[sameKind.findIndex((x) => x.id === time.id) - 1] : undefined;
  const previous = before ? { label: before.label, values: await valuesAt(before) } : null;
  return { times: await withCompleteness(project, times, locations), time, locations, indicators, existing, previous };
}

/**
 * How complete each period or round is: the totals entered (any status) out of those expected, one
 * per indicator measured then (routine ones in periods, survey ones in rounds) and working place.
 */
async function withCompleteness<T extends { id: string; kind: "period" | "round" }>(
  project: { indicators: { id: string; source: string }[] },
  times: T[],
  locations: { id: string }[],
): Promise<(T & { entered: number; expected: number })[]> {
  const counts = await db().result.groupBy({
    by: ["periodId", "roundId"],
    where: {
      optionId: null,
      indicatorId: { in: project.indicators.map((i) => i.id) },
      locationId: { in: locations.map((l) => l.id) },
    },
    _count: { _all: true },
  });
  const entered = new Map(counts.map((c) => [c.periodId ?? c.roundId ?? "", c._count._all]));
  const measured = (kind: "period" | "round") =>
    project.indicators.filter((i) => (i.source === "SURVEY") === (kind === "round")).length;
  return times.map((x) => ({ ...x, entered: entered.get(x.id) ?? 0, expected: measured(x.kind) * locations.length }));
}

/** Where entry opens: a period or round with returned values first, then the first open one without values. */
async function timeNeedingWork<T extends { id: string; kind: "period" | "round"; locked: boolean }>(
  projectId: string,
  times: T[],
  places?: { in: string[] },
): Promise<T | undefined> {
  const counts = await db().result.groupBy({
    by: ["periodId", "roundId", "status"],
    where: { indicator: { projectId }, ...(places ? { locationId: places } : {}) },
    _count: { _all: true },
  });
  const timeOf = (c: { periodId: string | null; roundId: string | null }) => c.periodId ?? c.roundId;
  const returned = new Set(counts.filter((c) => c.status === "RETURNED").map(timeOf));
  const entered = new Set(counts.map(timeOf));
  const open = times.filter((x) => !x.locked);
  return open.find((x) => returned.has(x.id)) ?? open.find((x) => !entered.has(x.id)) ?? open[0];
}

/** Whether the principal enters values anywhere in the project (a partner's member: at the partner's sites). */
export function mayEnter(principal: Principal, projectId: string): boolean {
  return canSomewhere(principal, "results.enter", projectId);
}
