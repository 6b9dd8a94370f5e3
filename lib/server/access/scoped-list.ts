// The one way to build a list query for a caller: the caller's scope and every filter and cursor are
// separate terms of one AND, so nothing can write over the scope. (An object spread can: `{ id: { in:
// readable }, ...{ id: { gt: cursor } } }` keeps only the cursor, and listed every project to anyone.)

import { can, type Principal, placesWhere, readableProjects } from "@/lib/domain/permissions/index";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A filter that may be absent (false, null or undefined are left out). */
export type Term<W> = W | false | null | undefined | "";

/** `scope` AND each present term, whatever keys they share. */
export function allOf<W extends object>(scope: W, ...terms: Term<W>[]): { AND: W[] } {
  return { AND: [scope, ...terms.filter((t): t is W => Boolean(t))] };
}

/**
 * The projects the principal may open, as a where term: every project for an admin, the link's one
 * project for a donor link, else the projects the user is a member of, as a relation on the memberships
 * (one bind parameter, the user's id, however many projects they belong to; an `id IN (...)` list of the
 * principal's projects grew with the portfolio), or of a partner the user works for with sites in the
 * project. The principal's roles and partner sites are read from the same rows
 * (lib/platform/auth/principal.ts), so both name the same projects.
 */
export function readableProjectsWhere(principal: Principal): Prisma.ProjectWhereInput {
  if (principal.kind === "share") return { id: principal.projectId };
  if (readableProjects(principal) === "all") return {};
  return {
    OR: [
      { memberships: { some: { userId: principal.userId } } },
      { partnerSites: { some: { partner: { members: { some: { userId: principal.userId } } } } } },
    ],
  };
}

/**
 * The values of a project the principal may see: every status for those who may read unapproved values,
 * approved ones only otherwise (viewers and donor links); a partner's members see every status at their
 * partner's sites and approved values elsewhere. Null when the project is not readable.
 */
export function visibleResultsWhere(principal: Principal, projectId: string): Prisma.ResultWhereInput | null {
  if (!can(principal, "project.read", projectId)) return null;
  const places = placesWhere(principal, "results.readUnapproved", projectId);
  if (places === "all") return { indicator: { projectId } };
  if (places.length === 0) return { indicator: { projectId }, status: "APPROVED" };
  return { indicator: { projectId }, OR: [{ status: "APPROVED" }, { locationId: { in: places } }] };
}

/** A page of a list ordered by id: a cursor is the last id seen. */
export type Page = { cursor?: string; limit: number };

/**
 * The query of one page: scope AND filters AND "after the cursor", ordered by id, one row more than the
 * page holds (to know whether another follows).
 */
export function pageQuery<W extends object>(scope: W, filters: Term<W>[], page: Page) {
  const after = page.cursor ? ({ id: { gt: page.cursor } } as W) : undefined;
  return { where: allOf(scope, ...filters, after), orderBy: { id: "asc" as const }, take: page.limit + 1 };
}

/** The items of one page and the cursor of the next (null: this was the last). */
export function pageOf<T extends { id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
