// Dashboards and donor views read their figures from the read replica when one is configured. Here the
// "replica" is a second connection to the test database under its own application name, so that the
// server can tell which connection ran the summary's queries.
import { afterEach, expect, test } from "vitest";
import { AsOf } from "@/lib/domain/as-of";
import { closeDb, db, readDb } from "@/lib/platform/db";
import { reloadEnv } from "@/lib/platform/env";
import { projectSummary } from "@/lib/server/summary/service";
import { principalFor, projectId } from "@/lib/testing/principals";

const onPostgres = test.runIf(process.env.TEST_DATABASE === "postgres");

afterEach(async () => {
  delete process.env.DATABASE_REPLICA_URL;
  reloadEnv();
  await closeDb();
});

onPostgres("summaries are read from the replica, the same figures as from the primary", async () => {
  const manager = await principalFor("manager@example.org");
  const peru = await projectId("PE-VEN-2021");
  const fromPrimary = await projectSummary(manager, peru, { asOf: AsOf.parse("2021-12-31"), locale: "en" });
  await closeDb();

  const replica = new URL(process.env.DATABASE_URL ?? "");
  replica.searchParams.set("application_name", "me-replica");
  process.env.DATABASE_REPLICA_URL = replica.toString();
  reloadEnv();
  expect(readDb()).not.toBe(db());
  // Another date than above: computed afresh, not served from the process's cache.
  const fromReplica = await projectSummary(manager, peru, { asOf: AsOf.parse("2021-12-30"), locale: "en" });
  const [seen] = await db().$queryRaw<{ connections: number }[]>`
    SELECT count(*)::int AS connections FROM pg_stat_activity WHERE application_name = 'me-replica'`;
  expect(seen?.connections).toBeGreaterThan(0);
  expect(fromReplica?.indicators.length).toBe(fromPrimary?.indicators.length);

  // Proof that the figures come from there: a replica that cannot be reached fails the summary.
  await closeDb();
  process.env.DATABASE_REPLICA_URL = "postgres://postgres@127.0.0.1:9/test";
  reloadEnv();
  await expect(projectSummary(manager, peru, { asOf: AsOf.parse("2021-12-29"), locale: "en" })).rejects.toThrow();
});

test("without a replica, or on the embedded database, everything is read from the primary", () => {
  expect(readDb()).toBe(db());
});
