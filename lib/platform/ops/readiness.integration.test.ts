import { expect, test } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { db } from "@/lib/platform/db";

test("health answers without the database; ready checks the database and the migrations", async () => {
  expect(await health().json()).toEqual({ status: "ok" });
  const answer = await ready();
  expect(answer.status).toBe(200);
  expect(await answer.json()).toEqual({ status: "ready", ready: true, database: "up", pendingMigrations: [] });
  const last = await db().$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
  const name = last[0]?.migration_name ?? "";
  await db().$executeRaw`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = ${name}`;
  try {
    const pending = await ready();
    expect(pending.status).toBe(503);
    expect(await pending.json()).toMatchObject({ status: "unavailable", pendingMigrations: [name] });
  } finally {
    await db().$executeRaw`UPDATE _prisma_migrations SET finished_at = now() WHERE migration_name = ${name}`;
  }
});
