// The events the results raise: "results.submitted" (values sent for review), "results.approved" and
// "results.returned" (a review's decisions), each with the values (ids, indicator codes, period or round,
// place, figures) and the project's data version; and "period.locked". Submitted and returned values are
// not approved: they go only to webhooks whose owner may still read unapproved values (./delivery.ts).
// A large batch (an import) is sent as several deliveries of at most RESULTS_PER_DELIVERY values each.
import "server-only";
import type { WebhookEvent } from "@/lib/domain/webhooks/schema";
import type { Tx } from "@/lib/platform/db";
import { listeners, queueFor } from "./delivery";
import { currentDataVersion } from "./figures";

export const RESULTS_PER_DELIVERY = 500;

type ResultsEvent = Extract<WebhookEvent, `results.${string}`>;

/** What a delivery tells of each value (read one delivery's worth at a time). */
async function readResults(tx: Tx, projectId: string, event: ResultsEvent, ids: string[]) {
  const rows = await tx.result.findMany({
    where: { id: { in: ids }, indicator: { projectId } },
    select: {
      id: true,
      status: true,
      value: true,
      numerator: true,
      denominator: true,
      textValue: true,
      submittedAt: true,
      reviewComment: true,
      reviewedAt: true,
      indicator: { select: { code: true } },
      period: { select: { id: true, label: true, startDate: true, endDate: true } },
      round: { select: { id: true, name: true, startDate: true } },
      location: { select: { id: true, name: true, isoCode: true } },
      option: { select: { id: true, name: true, dimension: { select: { name: true } } } },
    },
    orderBy: { id: "asc" },
  });
  return rows.map(({ indicator, option, reviewComment, reviewedAt, submittedAt, ...r }) => ({
    ...r,
    indicatorCode: indicator.code,
    option: option ? { id: option.id, name: option.name, dimension: option.dimension.name } : null,
    ...(event === "results.submitted" ? { submittedAt } : { reviewedAt }),
    ...(event === "results.returned" ? { comment: reviewComment } : {}),
  }));
}

/**
 * Queues one results event for these values in the writer's transaction; the deliveries' ids. The values
 * are read in slices of RESULTS_PER_DELIVERY ids, one delivery each: an import of tens of thousands of
 * values never becomes one query with more bound ids than PostgreSQL takes (65,535).
 */
export async function enqueueResultsEvent(
  tx: Tx,
  projectId: string,
  event: ResultsEvent,
  resultIds: string[],
): Promise<string[]> {
  if (!resultIds.length) return [];
  const hooks = await listeners(tx, projectId, event);
  if (!hooks.length) return [];
  const ids = [...new Set(resultIds)].sort();
  const slices: Awaited<ReturnType<typeof readResults>>[] = [];
  for (let i = 0; i < ids.length; i += RESULTS_PER_DELIVERY) {
    const slice = await readResults(tx, projectId, event, ids.slice(i, i + RESULTS_PER_DELIVERY));
    if (slice.length) slices.push(slice);
  }
  if (!slices.length) return [];
  const dataVersion = await currentDataVersion(projectId, tx);
  const parts = slices.map((part, i) => ({
    dataVersion,
    results: part,
    ...(slices.length > 1 ? { part: { index: i + 1, of: slices.length } } : {}),
  }));
  return queueFor(tx, hooks, projectId, event, parts);
}

/** Queues the review's events in its transaction; the deliveries' ids, to send once it committed. */
export async function enqueueReviewEvents(
  tx: Tx,
  projectId: string,
  reviewed: { approved: string[]; returned: string[] },
): Promise<string[]> {
  return [
    ...(await enqueueResultsEvent(tx, projectId, "results.approved", reviewed.approved)),
    ...(await enqueueResultsEvent(tx, projectId, "results.returned", reviewed.returned)),
  ];
}

/** Queues "period.locked" in the lock's transaction (after the lock is written); the deliveries' ids. */
export async function enqueuePeriodLocked(
  tx: Tx,
  projectId: string,
  period: { id: string; label: string; startDate: Date; endDate: Date; lockedAt: Date | null },
): Promise<string[]> {
  const hooks = await listeners(tx, projectId, "period.locked");
  if (!hooks.length) return [];
  const { id, label, startDate, endDate, lockedAt } = period;
  return queueFor(tx, hooks, projectId, "period.locked", {
    dataVersion: await currentDataVersion(projectId, tx),
    period: { id, label, startDate, endDate, lockedAt },
  });
}
