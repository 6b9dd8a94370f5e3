// The events the results raise: "results.submitted" (values sent for review), "results.approved" and
// "results.returned" (a review's decisions), each with the values (ids, indicator codes, period or round,
// place, figures) and the project's data version; and "period.locked". Submitted and returned values are
// not approved: they go only to webhooks whose owner may still read unapproved values (./delivery.ts).
// A large batch (an import) is sent as several deliveries of at most RESULTS_PER_DELIVERY values each.
import "server-only";
import type { WebhookEvent } from "@/lib/domain/webhooks/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { anyoneListens, enqueueEvent } from "./delivery";

type Tx = Prisma.TransactionClient;

export const RESULTS_PER_DELIVERY = 500;

type ResultsEvent = Extract<WebhookEvent, `results.${string}`>;

async function dataVersionOf(tx: Tx, projectId: string) {
  return (
    (await tx.project.findUnique({ where: { id: projectId }, select: { dataVersion: true } }))?.dataVersion ?? null
  );
}

/** Queues one results event for these values in the writer's transaction; the deliveries' ids. */
export async function enqueueResultsEvent(
  tx: Tx,
  projectId: string,
  event: ResultsEvent,
  resultIds: string[],
): Promise<string[]> {
  if (!resultIds.length || !(await anyoneListens(tx, projectId, event))) return [];
  const [rows, dataVersion] = await Promise.all([
    tx.result.findMany({
      where: { id: { in: resultIds }, indicator: { projectId } },
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
    }),
    dataVersionOf(tx, projectId),
  ]);
  const results = rows.map(({ indicator, option, reviewComment, reviewedAt, submittedAt, ...r }) => ({
    ...r,
    indicatorCode: indicator.code,
    option: option ? { id: option.id, name: option.name, dimension: option.dimension.name } : null,
    ...(event === "results.submitted" ? { submittedAt } : { reviewedAt }),
    ...(event === "results.returned" ? { comment: reviewComment } : {}),
  }));
  const parts = [];
  for (let i = 0; i < results.length; i += RESULTS_PER_DELIVERY) {
    const part = results.slice(i, i + RESULTS_PER_DELIVERY);
    parts.push({
      dataVersion,
      results: part,
      ...(results.length > RESULTS_PER_DELIVERY
        ? { part: { index: parts.length + 1, of: Math.ceil(results.length / RESULTS_PER_DELIVERY) } }
        : {}),
    });
  }
  return enqueueEvent(tx, projectId, event, parts);
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
  if (!(await anyoneListens(tx, projectId, "period.locked"))) return [];
  const { id, label, startDate, endDate, lockedAt } = period;
  return enqueueEvent(tx, projectId, "period.locked", {
    dataVersion: await dataVersionOf(tx, projectId),
    period: { id, label, startDate, endDate, lockedAt },
  });
}
