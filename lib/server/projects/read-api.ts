// What integrations read through the API: projects, their structure, indicators with targets, and
// results, each permission-checked like the pages. Lists are paged by id (a cursor is the last id seen),
// so a client walks a large table without missing or repeating rows.
import "server-only";
import { can, type Principal } from "@/lib/domain/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db";
import {
  type Page,
  pageOf,
  pageQuery,
  readableProjectsWhere,
  type Term,
  visibleResultsWhere,
} from "@/lib/server/access/scoped-list";

export type { Page };

/** The projects the caller may read (archived ones too, flagged). */
export async function readableProjectList(principal: Principal, page: Page) {
  const rows = await db().project.findMany(pageQuery(readableProjectsWhere(principal), [], page));
  return pageOf(rows, page.limit);
}

/** A project with its logframe, places, periods, survey rounds and disaggregation dimensions; null when not readable. */
export async function projectStructure(principal: Principal, projectId: string) {
  if (!can(principal, "project.read", projectId)) return null;
  return db().project.findUnique({
    where: { id: projectId },
    include: {
      resultNodes: { orderBy: { sortOrder: "asc" } },
      locations: { include: { location: true } },
      periods: { orderBy: { startDate: "asc" } },
      surveyRounds: { orderBy: { startDate: "asc" } },
      indicators: {
        where: { archivedAt: null },
        select: { dimensions: { select: { dimension: { include: { options: { orderBy: { sortOrder: "asc" } } } } } } },
      },
    },
  });
}

/** The project's active indicators with their targets and dimensions; null when not readable. */
export async function projectIndicators(principal: Principal, projectId: string) {
  if (!can(principal, "project.read", projectId)) return null;
  return db().indicator.findMany({
    where: { projectId, archivedAt: null },
    orderBy: [{ resultNode: { sortOrder: "asc" } }, { sortOrder: "asc" }],
    include: { targets: true, dimensions: true },
  });
}

export type ResultFilters = {
  indicator?: string;
  location?: string;
  /** A reporting period or a survey round. */
  period?: string;
  status?: ReviewStatus;
  updatedSince?: Date;
};

/**
 * The project's results, filtered; only approved ones for callers who may not see unapproved values
 * (as on the pages). Null when the project is not readable.
 */
export async function projectResults(principal: Principal, projectId: string, filters: ResultFilters, page: Page) {
  const scope = visibleResultsWhere(principal, projectId);
  if (!scope) return null;
  const terms: Term<Prisma.ResultWhereInput>[] = [
    filters.indicator && { indicatorId: filters.indicator },
    filters.location && { locationId: filters.location },
    filters.period && { OR: [{ periodId: filters.period }, { roundId: filters.period }] },
    filters.updatedSince && { updatedAt: { gte: filters.updatedSince } },
    filters.status && { status: filters.status },
  ];
  const rows = await db().result.findMany(pageQuery(scope, terms, page));
  return pageOf(rows, page.limit);
}
