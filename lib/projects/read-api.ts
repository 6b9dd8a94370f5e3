// What integrations read through the API: projects, their structure, indicators with targets, and
// results, each permission-checked like the pages. Lists are paged by id (a cursor is the last id seen),
// so a client walks a large table without missing or repeating rows.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Principal, readableProjects } from "@/lib/permissions";

export type Page = { cursor?: string; limit: number };

/** The items of one page and the cursor of the next (null: this was the last). */
function paged<T extends { id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

const after = (cursor?: string) => (cursor ? { id: { gt: cursor } } : {});

/** The projects the caller may read (archived ones too, flagged). */
export async function readableProjectList(principal: Principal, page: Page) {
  const readable = readableProjects(principal);
  const rows = await db().project.findMany({
    where: { ...(readable === "all" ? {} : { id: { in: readable } }), ...after(page.cursor) },
    orderBy: { id: "asc" },
    take: page.limit + 1,
  });
  return paged(rows, page.limit);
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
  status?: "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED";
  updatedSince?: Date;
};

/**
 * The project's results, filtered; only approved ones for callers who may not see unapproved values
 * (as on the pages). Null when the project is not readable.
 */
export async function projectResults(principal: Principal, projectId: string, filters: ResultFilters, page: Page) {
  if (!can(principal, "project.read", projectId)) return null;
  const approvedOnly = !can(principal, "results.readUnapproved", projectId);
  const where: Prisma.ResultWhereInput = {
    indicator: { projectId },
    ...(filters.indicator && { indicatorId: filters.indicator }),
    ...(filters.location && { locationId: filters.location }),
    ...(filters.period && { OR: [{ periodId: filters.period }, { roundId: filters.period }] }),
    ...(filters.updatedSince && { updatedAt: { gte: filters.updatedSince } }),
    AND: [
      filters.status ? { status: filters.status } : {},
      approvedOnly ? { status: "APPROVED" } : {},
      after(page.cursor),
    ],
  };
  const rows = await db().result.findMany({ where, orderBy: { id: "asc" }, take: page.limit + 1 });
  return paged(rows, page.limit);
}
