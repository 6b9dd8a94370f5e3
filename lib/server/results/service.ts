import "server-only";
import { can, ForbiddenError, type Principal, placesWhere } from "@/lib/domain/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/platform/db";
import { allOf, visibleResultsWhere } from "@/lib/server/access/scoped-list";

/**
 * The results of one indicator, by region and period or round, with their review status and comments.
 * Those who may not see unapproved values (viewers) get approved results only.
 */
export async function indicatorResults(principal: Principal, projectId: string, indicatorId: string) {
  const scope = visibleResultsWhere(principal, projectId);
  if (!scope) throw new ForbiddenError("project.read");
  const rows = await db().result.findMany({
    where: allOf(scope, { indicatorId }),
    include: {
      location: { select: { name: true, isoCode: true } },
      period: { select: { label: true, endDate: true } },
      round: { select: { name: true, endDate: true } },
      option: { select: { name: true, dimension: { select: { name: true } } } },
      updatedBy: { select: { name: true } },
    },
  });
  const when = (r: (typeof rows)[number]) => (r.period?.endDate ?? r.round?.endDate ?? new Date(0)).getTime();
  return rows.sort(
    (a, b) =>
      a.location.name.localeCompare(b.location.name) ||
      when(a) - when(b) ||
      (a.option?.name ?? "").localeCompare(b.option?.name ?? ""),
  );
}

/** Changes to the indicator and its results, newest first; for those who may see unapproved values. */
export async function indicatorHistory(principal: Principal, projectId: string, indicatorId: string) {
  if (!can(principal, "results.readUnapproved", projectId)) return null;
  const resultIds = (
    await db().result.findMany({ where: { indicatorId, indicator: { projectId } }, select: { id: true } })
  ).map((r) => r.id);
  return db().auditEvent.findMany({
    where: allOf<Prisma.AuditEventWhereInput>(
      { projectId },
      {
        OR: [
          { entityType: "Indicator", entityId: indicatorId },
          { entityType: "Result", entityId: { in: resultIds } },
        ],
      },
    ),
    orderBy: { at: "desc" },
    take: 200,
    include: { actor: { select: { name: true } } },
  });
}

/** Every change to one result (who, when, before and after, comment), newest first. */
export async function resultHistory(principal: Principal, projectId: string, resultId: string) {
  // A partner's member reads the history of values at the partner's sites only.
  const places = placesWhere(principal, "results.readUnapproved", projectId);
  if (places !== "all" && places.length === 0) return null;
  const result = await db().result.findFirst({
    where: { id: resultId, indicator: { projectId }, ...(places === "all" ? {} : { locationId: { in: places } }) },
    select: { id: true },
  });
  if (!result) return null;
  return db().auditEvent.findMany({
    where: { entityType: "Result", entityId: resultId },
    orderBy: { at: "desc" },
    include: { actor: { select: { name: true } } },
  });
}
