import "server-only";
import { percent } from "@/lib/domain/engine/aggregate";
import { assertCan, type Principal } from "@/lib/domain/permissions";
// What a manager reviews, with what they need to judge each value without leaving the page: the target
// of that place and period, the value approved for the period before and the change, who submitted it
// and when, and the comments of earlier returns. Filtered by indicator, place, period or round, and
// submitter, so that a whole period, place or indicator can be approved or returned at once.
import { db } from "@/lib/platform/db";

export type ReviewFilters = { indicator?: string; location?: string; time?: string; submitter?: string };

type Figures = { value: number | null; numerator: number | null; denominator: number | null };

/** The figure a value stands for: a percentage from its numerator and denominator, else its value. */
function figureOf(r: Figures): number | null {
  return r.numerator !== null && r.denominator !== null ? percent(r.numerator, r.denominator) : r.value;
}

/** What identifies a value's cell and what it says: enough to compare it with another. */
const cellFigures = {
  indicatorId: true,
  locationId: true,
  optionId: true,
  periodId: true,
  roundId: true,
  value: true,
  numerator: true,
  denominator: true,
} as const;

export async function reviewQueue(principal: Principal, projectId: string, filters: ReviewFilters = {}) {
  assertCan(principal, "results.review", projectId);
  const prisma = db();
  const all = await prisma.result.findMany({
    where: { status: "SUBMITTED", indicator: { projectId } },
    include: {
      indicator: { select: { code: true, title: true, measure: true } },
      location: { select: { name: true } },
      period: { select: { label: true, startDate: true } },
      round: { select: { name: true, startDate: true } },
      option: { select: { name: true, dimension: { select: { name: true } } } },
      updatedBy: { select: { id: true, name: true } },
    },
    orderBy: [{ indicator: { code: "asc" } }, { location: { name: "asc" } }, { submittedAt: "asc" }],
  });
  const rows = all.filter(
    (r) =>
      (!filters.indicator || r.indicatorId === filters.indicator) &&
      (!filters.location || r.locationId === filters.location) &&
      (!filters.time || (r.periodId ?? r.roundId) === filters.time) &&
      (!filters.submitter || r.updatedById === filters.submitter),
  );

  // The period (or round) before each one, for the value approved there.
  const [periods, rounds] = await Promise.all([
    prisma.reportingPeriod.findMany({ where: { projectId }, orderBy: { startDate: "asc" }, select: { id: true } }),
    prisma.surveyRound.findMany({ where: { projectId }, orderBy: { startDate: "asc" }, select: { id: true } }),
  ]);
  const before = new Map<string, string>();
  for (const list of [periods, rounds])
    for (const [i, t] of list.entries()) if (i > 0) before.set(t.id, list[i - 1]?.id ?? "");
  const previousTimes = [...new Set(rows.flatMap((r) => before.get(r.periodId ?? r.roundId ?? "") ?? []))];
  const indicatorIds = [...new Set(rows.map((r) => r.indicatorId))];
  const [previous, targets, returns] = await Promise.all([
    prisma.result.findMany({
      where: {
        status: "APPROVED",
        indicatorId: { in: indicatorIds },
        OR: [{ periodId: { in: previousTimes } }, { roundId: { in: previousTimes } }],
      },
      select: cellFigures,
    }),
    prisma.target.findMany({
      where: { indicatorId: { in: indicatorIds } },
      select: cellFigures,
    }),
    prisma.auditEvent.findMany({
      where: { entityType: "Result", action: "result.return", entityId: { in: rows.map((r) => r.id) } },
      orderBy: { at: "asc" },
      select: { entityId: true, comment: true, at: true, actor: { select: { name: true } } },
    }),
  ]);
  const cell = (r: { indicatorId: string; locationId: string | null; optionId: string | null }, time: string | null) =>
    [r.indicatorId, r.locationId ?? "", r.optionId ?? "", time ?? ""].join("|");
  const previousByCell = new Map(previous.map((p) => [cell(p, p.periodId ?? p.roundId), p]));
  const targetByCell = new Map(targets.map((t) => [cell(t, t.periodId ?? t.roundId), t]));

  const items = rows.map((r) => {
    const time = r.periodId ?? r.roundId;
    const prior = previousByCell.get(cell(r, before.get(time ?? "") ?? null));
    // The target of this period or round, else the place's target for the whole project.
    const target = targetByCell.get(cell(r, time)) ?? targetByCell.get(cell(r, null));
    const figure = figureOf(r);
    const previousFigure = prior ? figureOf(prior) : null;
    return {
      ...r,
      figure,
      previous: previousFigure,
      change: figure !== null && previousFigure !== null ? figure - previousFigure : null,
      target: target ? figureOf(target) : null,
      targetIsForTime: Boolean(targetByCell.get(cell(r, time))),
      earlierReturns: returns.filter((e) => e.entityId === r.id),
    };
  });

  const unique = <T extends { id: string }>(list: T[]) => [...new Map(list.map((x) => [x.id, x])).values()];
  const choices = {
    indicators: unique(all.map((r) => ({ id: r.indicatorId, label: `${r.indicator.code} ${r.indicator.title}` }))),
    locations: unique(all.map((r) => ({ id: r.locationId, label: r.location.name }))),
    times: unique(
      all.map((r) => ({ id: r.periodId ?? r.roundId ?? "", label: r.period?.label ?? r.round?.name ?? "" })),
    ),
    submitters: unique(all.flatMap((r) => (r.updatedBy ? [{ id: r.updatedBy.id, label: r.updatedBy.name }] : []))),
  };
  return { items, total: all.length, choices };
}
