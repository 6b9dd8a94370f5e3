import { expect, test } from "vitest";
import { closeDb, db } from "@/lib/platform/db";
import { configuredTarget, type DatabaseTarget, openAdapter } from "@/lib/platform/db/adapter";
import { applyMigrations, pendingSchemaChange, readMigrations, startEngine } from "@/lib/platform/db/schema-engine";

async function withEngine<T>(
  target: DatabaseTarget,
  run: (engine: Awaited<ReturnType<typeof startEngine>>) => Promise<T>,
) {
  const { factory, close } = openAdapter(target);
  const engine = await startEngine(factory);
  try {
    return await run(engine);
  } finally {
    engine.free();
    await close();
  }
}

test("the test database has every migration applied, recorded as prisma migrate deploy does", async () => {
  await closeDb(); // one connection at a time to an embedded database
  await withEngine(configuredTarget(), async (engine) => {
    expect(await applyMigrations(engine)).toEqual([]);
  });
  const recorded = await db().$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
    SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
  const onDisk = readMigrations().migrationDirectories.map((d) => d.path);
  expect(recorded.map((r) => r.migration_name)).toEqual(onDisk);
  expect(recorded.every((r) => r.finished_at !== null)).toBe(true);
});

test("the migration history produces exactly the schema (no forgotten db:migration:create)", async () => {
  await withEngine({ kind: "pglite", dir: "memory://" }, async (engine) => {
    expect(await pendingSchemaChange(engine)).toBeNull();
  });
});
