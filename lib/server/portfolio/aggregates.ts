// A project's overview figures persisted per (project, data version, as-of day): the portfolio reads the
// rows of the projects it shows at their current version and computes only the projects that have none
// (their data moved since, or nobody has looked today), then writes those. The rows live in the
// database, so every app instance shares them; the summary cache in each process still fronts the
// computation (lib/server/summary/cache.ts). A row is read only joined to its project at the project's
// current dataVersion, which triggers move with any change the figures depend on, so it is never read for
// an older or a newer version.
import "server-only";
import { allStatuses, type Status } from "@/lib/domain/engine/schedule";
import type { PortfolioRow } from "@/lib/domain/portfolio/filter";
import { db, readDb } from "@/lib/platform/db";

export type Figures = Pick<PortfolioRow, "statusCounts" | "keyIndicators">;

type Row = Record<Status, number> & {
  projectId: string;
  dataVersion: number;
  keyIndicators: PortfolioRow["keyIndicators"] | null;
};

/**
 * Each given project's current data version, and its persisted figures at that version as of `day`
 * (absent when none was written). One statement with one array parameter and the day.
 */
export async function persistedFigures(
  projectIds: string[],
  day: string,
): Promise<Map<string, { version: number; figures?: Figures }>> {
  const rows = await readDb().$queryRaw<Row[]>`
    SELECT p."id" AS "projectId", p."dataVersion", a."keyIndicators",
           a."onTrack", a."atRisk", a."offTrack", a."noTarget", a."noData", a."notYetDue", a."notAssessed"
    FROM "Project" p
    LEFT JOIN "ProjectAggregate" a
      ON a."projectId" = p."id" AND a."dataVersion" = p."dataVersion" AND a."asOfDay" = ${day}
    WHERE p."id" = ANY(${projectIds}::text[])`;
  return new Map(
    rows.map((row) => [
      row.projectId,
      {
        version: row.dataVersion,
        figures: row.keyIndicators
          ? {
              statusCounts: Object.fromEntries(allStatuses.map((s) => [s, row[s]])) as Record<Status, number>,
              keyIndicators: row.keyIndicators,
            }
          : undefined,
      },
    ]),
  );
}

/**
 * Keeps each project's figures for the version they were computed at, as of `day`, and drops the
 * project's rows of older versions or days (never needed again: versions and days only move forward). One statement of array parameters, however many projects.
 */
export async function persistFigures(
  computed: { projectId: string; version: number; figures: Figures }[],
  day: string,
) {
  if (!computed.length) return;
  // In one order in every instance, so that two writing the same rows wait for each other, not deadlock.
  const sorted = [...computed].sort((a, b) => (a.projectId < b.projectId ? -1 : 1));
  const column = (status: Status) => sorted.map((c) => c.figures.statusCounts[status]);
  const ids = sorted.map((c) => c.projectId);
  const versions = sorted.map((c) => c.version);
  const keyIndicators = sorted.map((c) => JSON.stringify(c.figures.keyIndicators));
  await db().$transaction([
    db().$executeRaw`
      DELETE FROM "ProjectAggregate" a
      USING unnest(${ids}::text[], ${versions}::int[]) AS k("projectId", "dataVersion")
      WHERE a."projectId" = k."projectId" AND (a."dataVersion" < k."dataVersion" OR a."asOfDay" < ${day})`,
    db().$executeRaw`
      INSERT INTO "ProjectAggregate"
        ("projectId", "dataVersion", "asOfDay", "onTrack", "atRisk", "offTrack", "noTarget", "noData",
         "notYetDue", "notAssessed", "keyIndicators")
      SELECT k."projectId", k."dataVersion", ${day}, k."onTrack", k."atRisk", k."offTrack", k."noTarget",
             k."noData", k."notYetDue", k."notAssessed", k."keyIndicators"::jsonb
      FROM unnest(${ids}::text[], ${versions}::int[], ${column("onTrack")}::int[], ${column("atRisk")}::int[],
                  ${column("offTrack")}::int[], ${column("noTarget")}::int[], ${column("noData")}::int[],
                  ${column("notYetDue")}::int[], ${column("notAssessed")}::int[], ${keyIndicators}::text[])
        AS k("projectId", "dataVersion", "onTrack", "atRisk", "offTrack", "noTarget", "noData", "notYetDue",
             "notAssessed", "keyIndicators")
      ON CONFLICT DO NOTHING`,
  ]);
}
