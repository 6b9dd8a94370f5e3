// The restore drill of the README, performed: back up, lose data, restore, and find it all again.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { closeDb, db } from "@/lib/platform/db";
import { configuredTarget } from "@/lib/platform/db/adapter";
import { jobQueue, stopJobQueue } from "@/lib/platform/jobs/queue";
import { backupDatabase, restoreDatabase } from "./backup";

async function counts() {
  const prisma = db();
  return {
    projects: await prisma.project.count(),
    results: await prisma.result.count(),
    approved: await prisma.result.count({ where: { status: "APPROVED" } }),
    audit: await prisma.auditEvent.count(),
  };
}

test("a backup restores every project, value and audit event after they were lost", { timeout: 120_000 }, async () => {
  const target = configuredTarget();
  const file = path.join(
    mkdtempSync(path.join(tmpdir(), "backup-")),
    target.kind === "postgres" ? "db.dump" : "db.tar.gz",
  );
  const before = await counts();
  expect(before.results).toBeGreaterThan(0);
  // As on a running server, PostgreSQL holds the job queue's schema (its partitioned tables).
  await jobQueue();
  await stopJobQueue();
  await closeDb(); // the embedded database serves one process (and one client) at a time
  await backupDatabase(target, file);

  await db().result.deleteMany({});
  expect((await counts()).results).toBe(0);
  await closeDb();

  const kept = await restoreDatabase(target, file);
  if (target.kind === "pglite") expect(kept).toMatch(/before-restore/);
  expect(await counts()).toEqual(before);
  // The restored database is fully working: triggers and indexes came back with it.
  const version = await db().project.findFirstOrThrow({ select: { id: true, dataVersion: true } });
  await db().reportingPeriod.updateMany({ where: { projectId: version.id }, data: { label: undefined } });
  await db().target.updateMany({ where: { indicator: { projectId: version.id } }, data: { note: "restored" } });
  expect((await db().project.findUniqueOrThrow({ where: { id: version.id } })).dataVersion).toBeGreaterThan(
    version.dataVersion,
  );
});
