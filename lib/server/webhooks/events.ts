// The events the results' review raises: "results.approved" and "results.returned", each with the
// reviewed values (ids, indicator codes, period or round, place, figures). Only approved or returned
// values go out, and only to webhooks a manager of the project added (who may read them).
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { anyoneListens, enqueueEvent } from "./delivery";

type Tx = Prisma.TransactionClient;

/** Queues the review's events in its transaction; the deliveries' ids, to send once it committed. */
export async function enqueueReviewEvents(
  tx: Tx,
  projectId: string,
  reviewed: { approved: string[]; returned: string[] },
): Promise<string[]> {
  const ids: string[] = [];
  for (const [event, resultIds] of [
    ["results.approved", reviewed.approved],
    ["results.returned", reviewed.returned],
  ] as const) {
    if (!resultIds.length || !(await anyoneListens(tx, projectId, event))) continue;
    const [rows, project] = await Promise.all([
      tx.result.findMany({
        where: { id: { in: resultIds }, indicator: { projectId } },
        select: {
          id: true,
          status: true,
          value: true,
          numerator: true,
          denominator: true,
          textValue: true,
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
      tx.project.findUnique({ where: { id: projectId }, select: { dataVersion: true } }),
    ]);
    const results = rows.map(({ indicator, option, reviewComment, ...r }) => ({
      ...r,
      indicatorCode: indicator.code,
      option: option ? { id: option.id, name: option.name, dimension: option.dimension.name } : null,
      ...(event === "results.returned" ? { comment: reviewComment } : {}),
    }));
    ids.push(...(await enqueueEvent(tx, projectId, event, { dataVersion: project?.dataVersion ?? null, results })));
  }
  return ids;
}
