import "server-only";
import { percent } from "@/lib/domain/engine/aggregate";
import { can, canSomewhere, ForbiddenError, type Principal, placesWhere } from "@/lib/domain/permissions";
import { reviewStage } from "@/lib/domain/results/review-stage";
import type { Prisma } from "@/lib/generated/prisma/client";
// What a manager reviews, with what they need to judge each value without leaving the page: the target
// of that place and period, the value approved for the period before and the change, who submitted it
// and when, and the comments of earlier returns. Filtered by indicator, place, period or round, and
// submitter, so that a whole period, place or indicator can be approved or returned at once. With
// two-level approval (#34) a partner's reviewer reviews the values submitted at the partner's sites first,
// and the project's reviewers see them once the partner approved them.
import { db } from "@/lib/platform/db";
import { awaitsPartner, type PartnerReview, partnerReview } from "@/lib/server/partners/sites";

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

/** Whether the principal reviews anything in the project: its values, or a partner's at the partner's sites. */
export function mayReview(principal: Principal, projectId: string): boolean {
  return can(principal, "results.review", projectId) || canSomewhere(principal, "results.reviewPartner", projectId);
}

/**
 * The values waiting for this principal's decision: for the project's reviewers those submitted where no
 * partner approves first and those a partner approved; for a partner's reviewer (two-level approval)
 * those submitted at the partner's sites. Each item says at which stage it is decided.
 */
function waitingWhere(principal: Principal, projectId: string, partners: PartnerReview): Prisma.ResultWhereInput {
  const partnerSites = partners.twoLevel ? [...partners.partnerOf.keys()] : [];
  const mine = placesWhere(principal, "results.reviewPartner", projectId);
  const partnerPlaces = mine === "all" ? partnerSites : partnerSites.filter((id) => mine.includes(id));
  const stages: Prisma.ResultWhereInput[] = [];
  if (can(principal, "results.review", projectId))
    stages.push({ status: "PARTNER_APPROVED" }, { status: "SUBMITTED", locationId: { notIn: partnerSites } });
  if (partnerPlaces.length) stages.push({ status: "SUBMITTED", locationId: { in: partnerPlaces } });
  return { indicator: { projectId }, OR: stages };
}

export async function reviewQueue(principal: Principal, projectId: string, filters: ReviewFilters = {}) {
  if (!mayReview(principal, projectId)) throw new ForbiddenError("results.review");
  const prisma = db();
  const partners = await partnerReview(projectId);
  const all = await prisma.result.findMany({
    where: waitingWhere(principal, projectId, partners),
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
      // Who decides it now: the partner's reviewer, or the project's (lib/domain/results/review-stage.ts).
      stage: reviewStage(r.status, awaitsPartner(partners, r.locationId)) ?? "project",
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
