import { expect, test } from "vitest";
import { AsOf } from "@/lib/domain/as-of";
import { db } from "@/lib/platform/db";
import { principalFor } from "@/lib/testing/principals";
import { computeFigures, portfolioListing } from "./service";

const today = () => AsOf.today().toKey();
const listing = async () =>
  (await portfolioListing(await principalFor("admin@example.org"), { sort: "name" }, 1)).listed.rows;
const persistedRows = () =>
  db().$queryRaw<{ projectId: string; dataVersion: number; asOfDay: string; onTrack: number }[]>`
    SELECT "projectId", "dataVersion", "asOfDay", "onTrack" FROM "ProjectAggregate" ORDER BY "projectId", "dataVersion"`;

/** Every project's data moved: the process's summary cache has nothing for the new versions. */
const moveEveryVersion = () => db().$executeRaw`UPDATE "Project" SET "dataVersion" = "dataVersion" + 1`;

test("the portfolio's figures are persisted at each project's version and read back the same", async () => {
  await db().$executeRaw`DELETE FROM "ProjectAggregate"`;
  await moveEveryVersion();
  const computed = await listing();
  const projects = await db().project.findMany({ select: { id: true, dataVersion: true } });
  const rows = await persistedRows();
  expect(rows.map((r) => [r.projectId, r.dataVersion, r.asOfDay]).sort()).toEqual(
    projects.map((p) => [p.id, p.dataVersion, today()]).sort(),
  );
  expect(computed.some((r) => r.keyIndicators.length > 0)).toBe(true);
  // Read from the rows this time: the very same figures.
  const read = await listing();
  expect(read).toStrictEqual(computed);
});

test("a persisted row is read only at its project's current data version, never an older or newer one", async () => {
  const [first] = await listing();
  if (!first) throw new Error("no project listed");
  const { dataVersion: version } = await db().project.findUniqueOrThrow({ where: { id: first.id } });
  const plant = (dataVersion: number, onTrack: number) => db().$executeRaw`
    INSERT INTO "ProjectAggregate" ("projectId", "dataVersion", "asOfDay", "onTrack", "atRisk", "offTrack",
      "noTarget", "noData", "notYetDue", "notAssessed", "keyIndicators")
    VALUES (${first.id}, ${dataVersion}, ${today()}, ${onTrack}, 0, 0, 0, 0, 0, 0, '[]'::jsonb)
    ON CONFLICT ("projectId", "dataVersion", "asOfDay") DO UPDATE SET "onTrack" = EXCLUDED."onTrack"`;
  // The row at the current version is what is shown (not the process's cache).
  await plant(version, 901);
  expect((await listing())[0]?.statusCounts.onTrack).toBe(901);
  // A row of a newer version is not read while the project is at this one.
  await plant(version + 1, 902);
  expect((await listing())[0]?.statusCounts.onTrack).toBe(901);
  // The project's data moves past both: neither the older rows nor a row of a still newer version is read.
  await plant(version + 3, 903);
  await db().project.update({ where: { id: first.id }, data: { dataVersion: version + 2 } });
  const recomputed = (await listing())[0];
  expect(recomputed?.statusCounts).toStrictEqual(first.statusCounts);
  expect(recomputed?.keyIndicators).toStrictEqual(first.keyIndicators);
  // Computed at version + 2 and kept; the older rows are gone.
  const kept = (await persistedRows()).filter((r) => r.projectId === first.id);
  expect(kept.map((r) => [r.dataVersion, r.onTrack])).toEqual([
    [version + 2, first.statusCounts.onTrack],
    [version + 3, 903],
  ]);
});

test("figures whose version moved while they were loaded are shown but not persisted", async () => {
  const [first] = await listing();
  if (!first) throw new Error("no project listed");
  await db().$executeRaw`DELETE FROM "ProjectAggregate" WHERE "projectId" = ${first.id}`;
  const { dataVersion: version } = await db().project.findUniqueOrThrow({ where: { id: first.id } });
  const admin = await principalFor("admin@example.org");
  // The version read before the load (version - 1) is not the one the figures were computed at.
  const shown = await computeFigures(admin, new Map([[first.id, version - 1]]), AsOf.today());
  expect(shown.get(first.id)?.statusCounts).toStrictEqual(first.statusCounts);
  expect((await persistedRows()).filter((r) => r.projectId === first.id)).toEqual([]);
  // Read before at the version computed: kept.
  await computeFigures(admin, new Map([[first.id, version]]), AsOf.today());
  expect((await persistedRows()).filter((r) => r.projectId === first.id).map((r) => r.dataVersion)).toEqual([version]);
});
