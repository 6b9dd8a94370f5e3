// The portfolio's listing in SQL: the caller's scope AND the filters, counted, sorted and cut to the page
// by the database, so a visit reads the page's 50 projects, not every project the caller may open. Names
// and donors sort with the ICU root collation ("und-x-icu", in PostgreSQL and PGlite alike), whatever the
// server's locale (lib/domain/portfolio/filter.ts says the order in JavaScript; a test holds the two
// together); ties fall to the latest start, then the id, so a page never shifts between visits.
import "server-only";
import { type Principal, readableProjects } from "@/lib/domain/permissions";
import type { PortfolioChoices, PortfolioProject, PortfolioQuery, PortfolioSort } from "@/lib/domain/portfolio/filter";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/platform/db";

/** The projects the caller may open (not archived), on the project aliased `p`. */
function scopeSql(principal: Principal): Prisma.Sql {
  const readable = readableProjects(principal);
  if (readable === "all") return Prisma.sql`p."archivedAt" IS NULL`;
  return Prisma.sql`p."archivedAt" IS NULL AND p."id" = ANY(${readable}::text[])`;
}

/** The filters as SQL conditions on the project aliased `p`. */
function filtersSql(query: PortfolioQuery): Prisma.Sql[] {
  const terms: Prisma.Sql[] = [];
  if (query.country)
    terms.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "ProjectLocation" pl JOIN "Location" l ON l."id" = pl."locationId" AND l."level" = 'COUNTRY'
       WHERE pl."projectId" = p."id" AND l."isoCode" = ${query.country})`);
  if (query.donor) terms.push(Prisma.sql`p."donor" = ${query.donor}`);
  return terms;
}

/** The caller's scope AND the filters: the one WHERE of the page and its count. */
function scopeAndFiltersSql(principal: Principal, query: PortfolioQuery): Prisma.Sql {
  return Prisma.join([scopeSql(principal), ...filtersSql(query)], " AND ");
}

const byName = Prisma.sql`p."name" COLLATE "und-x-icu", p."startDate" DESC, p."id"`;

/** The ORDER BY of a sort; a sort by a status count reads the persisted counts joined as `a` (none counts 0). */
function orderSql(sort: PortfolioSort): Prisma.Sql {
  switch (sort) {
    case "name":
      return byName;
    case "donor":
      return Prisma.sql`p."donor" COLLATE "und-x-icu", ${byName}`;
    case "offTrack":
      return Prisma.sql`COALESCE(a."offTrack", 0) DESC, ${byName}`;
    case "onTrack":
      return Prisma.sql`COALESCE(a."onTrack", 0) DESC, ${byName}`;
  }
}

/**
 * How many projects the caller may open, how many of them the filters keep, and their donors (for the
 * filter's choices, in the root collation): one pass over the projects.
 */
export async function countListed(
  principal: Principal,
  query: PortfolioQuery,
): Promise<{ readable: number; matching: number; donors: string[] }> {
  const rows = await db().$queryRaw<{ donor: string; readable: number; matching: number }[]>`
    SELECT p."donor", count(*)::int AS "readable",
           count(*) FILTER (WHERE ${Prisma.join([Prisma.sql`TRUE`, ...filtersSql(query)], " AND ")})::int AS "matching"
    FROM "Project" p WHERE ${scopeSql(principal)}
    GROUP BY p."donor"
    ORDER BY p."donor" COLLATE "und-x-icu"`;
  return {
    readable: rows.reduce((sum, r) => sum + r.readable, 0),
    matching: rows.reduce((sum, r) => sum + r.matching, 0),
    donors: rows.map((r) => r.donor).filter(Boolean),
  };
}

/**
 * The projects the filters keep that have no figures persisted at their current data version as of
 * `day`, each with that version (a sort by status counts computes them first; warm, none).
 */
export async function listedWithoutFigures(
  principal: Principal,
  query: PortfolioQuery,
  day: string,
): Promise<Map<string, number>> {
  const rows = await db().$queryRaw<{ id: string; dataVersion: number }[]>`
    SELECT p."id", p."dataVersion" FROM "Project" p
    LEFT JOIN "ProjectAggregate" a ON a."projectId" = p."id" AND a."dataVersion" = p."dataVersion" AND a."asOfDay" = ${day}
    WHERE ${scopeAndFiltersSql(principal, query)} AND a."projectId" IS NULL`;
  return new Map(rows.map((r) => [r.id, r.dataVersion]));
}

/** A listed project's columns, its countries by name, on the project aliased `p`. */
const projectColumns = Prisma.sql`p."id", p."code", p."name", p."donor",
  COALESCE((SELECT json_agg(json_build_object('isoCode', l."isoCode", 'name', l."name") ORDER BY l."name")
              FROM "ProjectLocation" pl JOIN "Location" l ON l."id" = pl."locationId" AND l."level" = 'COUNTRY'
             WHERE pl."projectId" = p."id"), '[]') AS "countries"`;

/** Every project the caller may open, latest start first, each with its countries (the whole portfolio). */
export function listedProjects(principal: Principal): Promise<PortfolioProject[]> {
  return db().$queryRaw<PortfolioProject[]>`
    SELECT ${projectColumns} FROM "Project" p
    WHERE ${scopeSql(principal)}
    ORDER BY p."startDate" DESC, p."id"`;
}

/**
 * One page of the listed projects in the sort's order, each with its countries. A sort by a status count
 * orders by the figures persisted at each project's current data version as of `day` (read from the
 * primary: they were often written a moment ago, and a lagging replica would count them 0).
 */
export async function listedPage(
  principal: Principal,
  query: PortfolioQuery,
  page: { offset: number; limit: number; day: string },
): Promise<PortfolioProject[]> {
  const sort = query.sort ?? "name";
  const counts =
    sort === "offTrack" || sort === "onTrack"
      ? Prisma.sql`LEFT JOIN "ProjectAggregate" a
          ON a."projectId" = p."id" AND a."dataVersion" = p."dataVersion" AND a."asOfDay" = ${page.day}`
      : Prisma.empty;
  // The countries' subquery runs for the page's rows only: PostgreSQL evaluates such an expensive
  // output column after the sort and the limit.
  return db().$queryRaw<PortfolioProject[]>`
    SELECT ${projectColumns}
    FROM "Project" p ${counts}
    WHERE ${scopeAndFiltersSql(principal, query)}
    ORDER BY ${orderSql(sort)}
    OFFSET ${page.offset} LIMIT ${page.limit}`;
}

/** The countries the filters offer: every country of the projects the caller may open, by name. */
export function listedCountries(principal: Principal): Promise<PortfolioChoices["countries"]> {
  return db().$queryRaw<PortfolioChoices["countries"]>`
    SELECT l."isoCode", l."name" FROM "Location" l
    WHERE l."level" = 'COUNTRY' AND l."isoCode" IS NOT NULL AND EXISTS (
      SELECT 1 FROM "ProjectLocation" pl JOIN "Project" p ON p."id" = pl."projectId"
       WHERE pl."locationId" = l."id" AND ${scopeSql(principal)})
    ORDER BY l."name" COLLATE "und-x-icu", l."isoCode"`;
}
