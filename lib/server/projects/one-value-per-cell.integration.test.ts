// Every approved value is counted once: the database refuses a second result or target for the same
// cell whatever writes it, and definitions (the path of every import) are refused with both clashing
// cells named; periods never share a day.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { expect, test } from "vitest";
import type { ProjectDefinitionInput } from "@/lib/domain/projects/definition";
import { db } from "@/lib/platform/db";
import { addPeriod } from "@/lib/server/schedule/service";
import { principalFor, projectId } from "@/lib/testing/principals";
import { createProject } from "./create";

const definition = (indicator: Record<string, unknown>): ProjectDefinitionInput => ({
  code: "CELLS-1",
  name: "Cells",
  startDate: "2024-01-01",
  endDate: "2024-12-31",
  locations: ["PE"],
  nodes: [
    {
      code: "O1",
      level: "OUTCOME",
      title: "Outcome",
      indicators: [{ code: "I1", title: "People", measure: "COUNT", ...indicator }],
    },
  ],
});

test("a definition with two values for one cell is refused, naming both", async () => {
  const admin = await principalFor("admin@example.org");
  const created = await createProject(
    admin,
    definition({
      targets: [
        { when: "lop", value: 10 },
        { when: "lop", location: "PE", value: 5 },
        { when: "lop", value: 12 },
      ],
      results: [
        { when: "2024-Q1", location: "PE", value: 3 },
        { when: "2024-Q1", location: "PE", value: 3 },
      ],
    }),
  );
  expect(created.projectId).toBeUndefined();
  expect(created.problems).toEqual([
    { where: "nodes.0.indicators.0.targets.0", code: "duplicateCell" },
    { where: "nodes.0.indicators.0.targets.2", code: "duplicateCell" },
    { where: "nodes.0.indicators.0.results.0", code: "duplicateCell" },
    { where: "nodes.0.indicators.0.results.1", code: "duplicateCell" },
  ]);
  expect(await db().project.count({ where: { code: "CELLS-1" } })).toBe(0);
});

test("periods that share a day are refused, in a definition and when added", async () => {
  const admin = await principalFor("admin@example.org");
  const created = await createProject(admin, {
    ...definition({}),
    periods: [
      { label: "A", startDate: "2024-01-01", endDate: "2024-06-30" },
      { label: "B", startDate: "2024-06-30", endDate: "2024-12-31" },
    ],
  });
  expect(created.problems).toEqual([
    { where: "periods.0.startDate", code: "overlaps" },
    { where: "periods.1.startDate", code: "overlaps" },
  ]);
  const manager = await principalFor("manager@example.org");
  const peru = await projectId("PE-VEN-2021");
  const last = await db().reportingPeriod.findFirstOrThrow({
    where: { projectId: peru },
    orderBy: { endDate: "desc" },
  });
  const lastDay = last.endDate.toISOString().slice(0, 10);
  await expect(
    addPeriod(manager, peru, { label: "Overlapping", startDate: lastDay, endDate: "2099-01-31" }),
  ).rejects.toMatchObject({ issues: [{ path: ["startDate"], message: "overlaps" }] });
});

test("the database itself refuses a second result or target for the same cell, totals included", async () => {
  const indicator = await db().indicator.findFirstOrThrow({
    where: { project: { code: "PE-VEN-2021" }, results: { some: { optionId: null, periodId: { not: null } } } },
    include: { results: { where: { optionId: null, periodId: { not: null } }, take: 1 } },
  });
  const [existing] = indicator.results;
  if (!existing) throw new Error("The demo has results");
  const { id: _id, createdAt: _c, updatedAt: _u, ...copy } = existing;
  await expect(db().result.create({ data: copy })).rejects.toMatchObject({ code: "P2002" });
  await expect(db().result.createMany({ data: [{ ...copy }] })).rejects.toMatchObject({ code: "P2002" });
  const target = { indicatorId: indicator.id, value: 1 };
  await db().target.deleteMany({
    where: { indicatorId: indicator.id, periodId: null, roundId: null, locationId: null, optionId: null },
  });
  await db().target.create({ data: target });
  await expect(db().target.create({ data: target })).rejects.toMatchObject({ code: "P2002" });
});

test("the migration reports duplicates already stored instead of merging them", async () => {
  const dir = path.resolve("prisma/migrations");
  const migrations = readdirSync(dir)
    .filter((name) => /^\d+_/.test(name))
    .sort();
  const cellMigration = migrations.findIndex((m) => m.endsWith("_one_value_per_cell"));
  const pg = new PGlite();
  try {
    for (const name of migrations.slice(0, cellMigration))
      await pg.exec(readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
    await pg.exec(`
      INSERT INTO "Location" ("id", "level", "name") VALUES ('L', 'COUNTRY', 'Peru');
      INSERT INTO "Project" ("id", "code", "name", "startDate", "endDate", "updatedAt")
        VALUES ('P', 'P', 'P', '2024-01-01', '2024-12-31', now());
      INSERT INTO "ResultNode" ("id", "projectId", "level", "code", "title") VALUES ('N', 'P', 'OUTCOME', 'N', 'N');
      INSERT INTO "Indicator" ("id", "projectId", "resultNodeId", "code", "title", "measure")
        VALUES ('I', 'P', 'N', 'I', 'I', 'COUNT');
      INSERT INTO "SurveyRound" ("id", "projectId", "type", "name", "startDate", "endDate", "mode")
        VALUES ('R', 'P', 'BASELINE', 'R', '2024-01-01', '2024-01-31', 'PHONE');
      INSERT INTO "Result" ("id", "indicatorId", "roundId", "locationId", "value", "updatedAt")
        VALUES ('first', 'I', 'R', 'L', 1, now()), ('second', 'I', 'R', 'L', 2, now());`);
    const sql = readFileSync(path.join(dir, migrations[cellMigration] ?? "", "migration.sql"), "utf8");
    await expect(pg.exec(sql)).rejects.toThrow(
      /more than one value[\s\S]*result: indicator I, period -, round R, place L, option - \(ids first, second\)/,
    );
    expect((await pg.query(`SELECT count(*)::int AS n FROM "Result"`)).rows).toEqual([{ n: 2 }]);
  } finally {
    await pg.close();
  }
});
