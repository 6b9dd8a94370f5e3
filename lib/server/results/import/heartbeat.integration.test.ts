// Background imports whose worker stops mid-way. On PostgreSQL a real worker runs in a child process
// (lib/testing/import-worker-child.ts) and is held in the middle of its write by a lock this test takes
// on the audit table (its values inserted, its transaction open), then killed with SIGKILL, or paused
// with SIGSTOP past the heartbeat's limit and resumed. The heartbeat is made short for the test
// (IMPORT_HEARTBEAT_MS); the import must read as failed through the progress endpoint the page polls,
// with nothing saved and its kept file gone. On both databases the sweeper gives up imports whose
// heartbeat is old and deletes kept files whose job is gone (the embedded database has no queue).
import { spawn } from "node:child_process";
import pg from "pg";
import { afterEach, expect, test } from "vitest";
import { GET as progressRoute } from "@/app/api/v1/projects/[projectId]/results/upload/[progressId]/route";
import { outcomeOf } from "@/lib/client/upload-results";
import { requireUserId } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { reloadEnv } from "@/lib/platform/env";
import en from "@/lib/platform/i18n/messages/en.json";
import es from "@/lib/platform/i18n/messages/es.json";
import { jobQueue, stopJobQueue } from "@/lib/platform/jobs/queue";
import { addDailyPeriods } from "@/lib/testing/periods";
import { apiTokenFor, principalFor, projectId } from "@/lib/testing/principals";
import { sweepImports } from "./jobs";
import { progressReporter } from "./progress";

const queued = process.env.TEST_DATABASE === "postgres";

// A beat every 500 ms: a worker silent for 8 beats (4 s) is given up. The child worker is given the same.
const BEAT_MS = 500;
const STALE_MS = 8 * BEAT_MS;
process.env.IMPORT_HEARTBEAT_MS = String(BEAT_MS);
reloadEnv();

// This process's own queue (started by the endpoint's questions) is stopped after each test, so its
// worker never takes the next test's job from the child's.
afterEach(() => stopJobQueue());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, check: () => Promise<T | null | undefined | false>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await check();
    if (value) return value;
    await sleep(100);
  }
  throw new Error(`Not within ${ms / 1000} s: ${what}`);
}

type Progress = {
  phase: string;
  outcome: { status: number; body: { detail?: string; errors?: { field: string; message: string }[] } } | null;
};

/** What the page reads while it waits: GET …/results/upload/{progressId}. */
async function progressOf(token: string, project: string, id: string): Promise<Progress> {
  const response = await progressRoute(
    new Request(`http://localhost/api/v1/projects/${project}/results/upload/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ projectId: project, progressId: id }) },
  );
  expect(response.status).toBe(200);
  return response.json();
}

/** Starts an app instance's worker in its own process, which queues the import and takes it up. */
function startWorker(project: string, labels: string[], id: string) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=react-server",
      "lib/testing/import-worker-child.ts",
      project,
      labels.join(","),
      id,
    ],
    { env: { ...process.env, IMPORT_HEARTBEAT_MS: String(BEAT_MS) }, stdio: ["ignore", "pipe", "pipe"] },
  );
  const run = { child, output: "", exited: new Promise<void>((resolve) => child.on("exit", () => resolve())) };
  child.stdout.on("data", (chunk: Buffer) => {
    run.output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    run.output += chunk.toString();
  });
  return run;
}

/** Takes the audit table for this test: an import's transaction then waits at its first audit event. */
async function holdAuditTable() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query('BEGIN; LOCK TABLE "AuditEvent" IN SHARE MODE');
  return {
    release: async () => {
      await client.query("ROLLBACK");
      await client.end();
    },
  };
}

/**
 * The import's phase, read from the database: until the child's worker has taken the job, this process
 * must not start a queue of its own (asking the endpoint would), whose worker could take it instead.
 */
async function phaseOf(id: string) {
  return (await db().importProgress.findUnique({ where: { id }, select: { phase: true } }))?.phase;
}

/** Whether an import's transaction waits for the audit table, having written its values already. */
async function importHeldMidWrite() {
  const [row] = await db().$queryRaw<{ waiting: number; writing: number }[]>`
    SELECT
      (SELECT count(*)::int FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
        WHERE c.relname = 'AuditEvent' AND NOT l.granted) AS waiting,
      (SELECT count(*)::int FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL) AS writing`;
  return row !== undefined && row.waiting > 0 && row.writing > 0;
}

/** Whether no other session of this database has a transaction with writes open. */
async function noOpenWrites() {
  const [row] = await db().$queryRaw<{ writing: number }[]>`
    SELECT count(*)::int AS writing FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`;
  return row?.writing === 0;
}

async function savedBy(labels: string[], since: Date) {
  return {
    values: await db().result.count({ where: { period: { label: { in: labels } } } }),
    audited: await db().auditEvent.count({
      where: { action: { in: ["result.import", "results.import"] }, at: { gte: since } },
    }),
  };
}

/**
 * A worker in a child process whose import of one value per day of ten new periods is held in the middle
 * of its write (the audit table locked), its values inserted but not committed.
 */
async function workerHeldMidWrite(name: string, year: number) {
  const peru = await projectId("PE-VEN-2021");
  const token = await apiTokenFor("evaluator@example.org");
  const labels = Array.from({ length: 10 }, (_, i) => `${name}-${i}`);
  await addDailyPeriods(peru, labels, Date.UTC(year, 0, 1));
  const since = new Date();
  const id = crypto.randomUUID();
  const audit = await holdAuditTable();
  const worker = startWorker(peru, labels, id);
  try {
    await waitFor("the worker to queue the import", async () => worker.output.includes("queued"));
    await waitFor("the import to be held in the middle of its write", async () => {
      if (worker.output.includes("Error")) throw new Error(worker.output);
      return (await phaseOf(id)) === "writing" && (await importHeldMidWrite());
    });
  } catch (error) {
    worker.child.kill("SIGKILL");
    await audit.release().catch(() => undefined);
    throw error;
  }
  return { peru, token, labels, since, id, audit, worker };
}

/** The answer of an import given up as interrupted, as the endpoint keeps it and the page shows it. */
function expectInterrupted(progress: Progress) {
  expect(progress).toMatchObject({
    phase: "failed",
    outcome: {
      status: 500,
      body: {
        detail: "The server stopped while importing: nothing was saved. Send the file again.",
        errors: [{ field: "job", message: "interrupted" }],
      },
    },
  });
  const shown = outcomeOf(progress.outcome as Parameters<typeof outcomeOf>[0]);
  expect(shown).toEqual({ error: "interrupted" });
  expect(en.resultsImport.errors[shown.error as "interrupted"]).toMatch(/stopped.*Nothing was saved/);
  expect(es.resultsImport.errors[shown.error as "interrupted"]).toMatch(/se detuvo.*No se guardó nada/);
}

test.runIf(queued)(
  "a worker killed mid-import is reported failed within its heartbeat's limit, with nothing saved and its file gone",
  { timeout: 180_000 },
  async () => {
    const { peru, token, labels, since, id, audit, worker } = await workerHeldMidWrite("killed", 2150);
    try {
      expect(await db().importUpload.count({ where: { id } })).toBe(1);
      // A worker that is alive keeps its import, however long it waits: three times the limit here.
      for (const until = Date.now() + 3 * STALE_MS; Date.now() < until; await sleep(250)) {
        expect(await progressOf(token, peru, id)).toMatchObject({ phase: "writing", outcome: null });
      }

      worker.child.kill("SIGKILL");
      await worker.exited;
      const killedAt = Date.now();
      await audit.release();

      // Another instance's sweep (what each instance runs on a timer) gives it up, within a minute
      // from a 4 s limit, and the page's endpoint then says so.
      await waitFor("a sweep to give the import up", async () => (await sweepImports()).includes(id));
      expect(Date.now() - killedAt).toBeLessThan(60_000);
      expectInterrupted(await progressOf(token, peru, id));
      // Nothing was saved (the dead worker's transaction is over), the file is gone, the job failed.
      await waitFor("the killed worker's transaction to end", noOpenWrites);
      expect(await savedBy(labels, since)).toEqual({ values: 0, audited: 0 });
      expect(await db().importUpload.count({ where: { id } })).toBe(0);
      expect((await (await jobQueue())?.getJobById("results-import", id))?.state).toBe("failed");
    } finally {
      worker.child.kill("SIGKILL");
      await audit.release().catch(() => undefined);
    }
  },
);

test.runIf(queued)(
  "a worker paused past the limit is given up, and when it resumes its import saves nothing",
  { timeout: 180_000 },
  async () => {
    const { peru, token, labels, since, id, audit, worker } = await workerHeldMidWrite("paused", 2170);
    try {
      worker.child.kill("SIGSTOP"); // a stalled process: no heartbeat, its transaction still open
      // The page's polling of the endpoint gives it up by itself (no sweep runs in this test).
      const failed = await waitFor("the import to read as failed", async () => {
        const progress = await progressOf(token, peru, id);
        return progress.outcome ? progress : null;
      });
      expectInterrupted(failed);
      expect(await db().importUpload.count({ where: { id } })).toBe(0);

      // It resumes and finishes its write: the commit is refused, since it was given up.
      await audit.release();
      worker.child.kill("SIGCONT");
      await waitFor("the resumed worker's transaction to end", noOpenWrites);
      expect(await savedBy(labels, since)).toEqual({ values: 0, audited: 0 });
      expectInterrupted(await progressOf(token, peru, id));
      expect((await (await jobQueue())?.getJobById("results-import", id))?.state).toBe("failed");
    } finally {
      worker.child.kill("SIGKILL");
      await audit.release().catch(() => undefined);
    }
  },
);

test("the sweeper gives up imports whose heartbeat is old and deletes kept files whose job is gone", async () => {
  const peru = await projectId("PE-VEN-2021");
  const evaluator = await principalFor("evaluator@example.org");
  const [stalled, alive, lost, answered] = [1, 2, 3, 4].map(() => crypto.randomUUID()) as [
    string,
    string,
    string,
    string,
  ];
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const id of [stalled, alive, lost, answered]) {
    await progressReporter(evaluator, peru, id, 10, "queued");
    await db().importUpload.create({
      data: {
        id,
        projectId: peru,
        userId: requireUserId(evaluator),
        format: "csv",
        options: {},
        content: Buffer.from("a,b\n"),
        createdAt: hourAgo,
      },
    });
  }
  // A worker silent for an hour, one beating now, a file never queued, one whose answer is kept.
  await db()
    .$executeRaw`UPDATE "ImportProgress" SET phase = 'checking', "heartbeatAt" = now() - interval '1 hour' WHERE id = ${stalled}`;
  await db().$executeRaw`UPDATE "ImportProgress" SET phase = 'checking', "heartbeatAt" = now() WHERE id = ${alive}`;
  await db().importProgress.update({
    where: { id: answered },
    data: { phase: "done", outcome: { status: 200, body: { imported: true } } },
  });

  const swept = await sweepImports();
  expect(swept.sort()).toEqual([stalled, lost, answered].sort());
  const token = await apiTokenFor("evaluator@example.org");
  expectInterrupted(await progressOf(token, peru, stalled));
  expectInterrupted(await progressOf(token, peru, lost));
  expect(await progressOf(token, peru, alive)).toMatchObject({ phase: "checking", outcome: null });
  expect(await progressOf(token, peru, answered)).toMatchObject({ phase: "done", outcome: { status: 200 } });
  const kept = await db().importUpload.findMany({ where: { id: { in: [stalled, alive, lost, answered] } } });
  expect(kept.map((u) => u.id)).toEqual([alive]);

  // The progress endpoint gives up a silent one by itself, without waiting for a sweep.
  await db().$executeRaw`UPDATE "ImportProgress" SET "heartbeatAt" = now() - interval '1 hour' WHERE id = ${alive}`;
  expectInterrupted(await progressOf(token, peru, alive));
  expect(await db().importUpload.count({ where: { id: alive } })).toBe(0);
});
