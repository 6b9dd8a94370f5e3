// The portfolio listing at ten times the portfolio (#32: `/projects` warm at 10x the projects within 2x).
// The listing's warm cost is in the projects, not their results (each shown project's figures are a
// persisted row), so the bench adds nine times its projects as bare ones: a country, a donor and figures
// persisted at their current data version for today, as a warm portfolio has them. The database makes
// the rows in a few statements; they are deleted after.
import { AsOf } from "@/lib/domain/as-of";
import type { Db } from "@/lib/platform/db";

const CODE_PREFIX = "BENCH-GROWTH-";

/** Adds `count` bare projects with persisted figures; returns a function that deletes them. */
export async function addBareProjects(prisma: Db, count: number): Promise<() => Promise<unknown>> {
  const day = AsOf.today().toKey();
  await prisma.$executeRaw`
    INSERT INTO "Project" ("id", "code", "name", "donor", "partners", "startDate", "endDate", "updatedAt")
    SELECT ${CODE_PREFIX} || g, ${CODE_PREFIX} || g, 'Project ' || md5(g::text), 'Donor ' || (g % 7), '{}',
           DATE '2026-01-01' - g, DATE '2027-12-31', now()
    FROM generate_series(1, ${count}::int) g`;
  await prisma.$executeRaw`
    INSERT INTO "ProjectLocation" ("projectId", "locationId")
    SELECT p."id", c."id" FROM "Project" p
    CROSS JOIN LATERAL (
      SELECT l."id" FROM "Location" l WHERE l."level" = 'COUNTRY'
      ORDER BY l."id" OFFSET (substr(p."id", ${CODE_PREFIX.length + 1})::int % 5) LIMIT 1) c
    WHERE p."code" LIKE ${`${CODE_PREFIX}%`}`;
  await prisma.$executeRaw`
    INSERT INTO "ProjectAggregate" ("projectId", "dataVersion", "asOfDay", "onTrack", "atRisk", "offTrack",
                                    "noTarget", "noData", "notYetDue", "notAssessed", "keyIndicators")
    SELECT p."id", p."dataVersion", ${day}, length(p."name") % 5, 0, length(p."donor") % 3, 0, 0, 0, 0, '[]'::jsonb
    FROM "Project" p WHERE p."code" LIKE ${`${CODE_PREFIX}%`}`;
  await prisma.$executeRaw`ANALYZE`;
  return () => prisma.$executeRaw`DELETE FROM "Project" WHERE "code" LIKE ${`${CODE_PREFIX}%`}`;
}
