// What a donor report opens with beyond the dashboard: the headline indicators a manager picked (by
// default the first figures of the goal and outcomes), when the figures last changed (the latest
// approval), and where they come from.
import "server-only";
import type { Measure } from "@/lib/domain/engine/types";
import { DomainError } from "@/lib/domain/errors";
import { isText } from "@/lib/domain/measures";
import { assertCan, type Principal, requireUserId } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { recordAudit } from "@/lib/server/audit/record";

export const MAX_HEADLINES = 4;

type Candidate = { id: string; measure: Measure; level: string };

/** The chosen headline indicators that still count, or the first figures of the goal and outcomes. */
export function headlineIds(chosen: string[], indicators: Candidate[]): string[] {
  const countable = indicators.filter((i) => !isText(i.measure));
  const kept = chosen.filter((id) => countable.some((i) => i.id === id));
  if (kept.length) return kept.slice(0, MAX_HEADLINES);
  const upper = countable.filter((i) => i.level !== "OUTPUT");
  return (upper.length ? upper : countable).slice(0, 3).map((i) => i.id);
}

async function candidates(projectId: string) {
  const project = await db().project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      headlineIndicatorIds: true,
      sourceNote: true,
      indicators: {
        where: { archivedAt: null },
        orderBy: [{ resultNode: { code: "asc" } }, { sortOrder: "asc" }],
        select: { id: true, code: true, title: true, measure: true, resultNode: { select: { level: true } } },
      },
    },
  });
  return {
    project,
    indicators: project.indicators.map((i) => ({ ...i, level: i.resultNode.level })),
  };
}

/** The report's head for whoever may read the project (a donor link included): approved figures only. */
export async function donorReportHead(principal: Principal, projectId: string) {
  assertCan(principal, "project.read", projectId);
  const { project, indicators } = await candidates(projectId);
  const latest = await db().result.aggregate({
    where: { status: "APPROVED", indicator: { projectId, archivedAt: null } },
    _max: { reviewedAt: true },
  });
  return {
    headlines: headlineIds(project.headlineIndicatorIds, indicators),
    lastUpdated: latest._max.reviewedAt,
    sourceNote: project.sourceNote,
  };
}

/** The choice offered to a manager: every countable indicator, the current headlines ticked. */
export async function headlineChoice(principal: Principal, projectId: string) {
  assertCan(principal, "shareLinks.manage", projectId);
  const { project, indicators } = await candidates(projectId);
  const chosen = new Set(headlineIds(project.headlineIndicatorIds, indicators));
  return indicators
    .filter((i) => !isText(i.measure))
    .map((i) => ({ id: i.id, code: i.code, title: i.title, chosen: chosen.has(i.id) }));
}

/** More headline indicators than MAX_HEADLINES: nothing was saved. */
export class TooManyHeadlines extends DomainError {
  constructor() {
    super("tooMany", { detail: `At most ${MAX_HEADLINES} headline indicators` });
    this.name = "TooManyHeadlines";
  }
}

/** Sets the headline indicators (at most MAX_HEADLINES of the project's countable indicators). */
export async function setHeadlines(principal: Principal, projectId: string, ids: string[]) {
  assertCan(principal, "shareLinks.manage", projectId);
  const userId = requireUserId(principal);
  if (ids.length > MAX_HEADLINES) throw new TooManyHeadlines();
  const { project, indicators } = await candidates(projectId);
  const kept = [...new Set(ids)].filter((id) => indicators.some((i) => i.id === id && !isText(i.measure)));
  await db().$transaction(async (tx) => {
    await tx.project.update({ where: { id: projectId }, data: { headlineIndicatorIds: kept } });
    await recordAudit(tx, {
      action: "project.headlines",
      entityType: "Project",
      entityId: projectId,
      projectId,
      actorUserId: userId,
      before: { headlineIndicatorIds: project.headlineIndicatorIds },
      after: { headlineIndicatorIds: kept },
    });
  });
  return kept;
}
