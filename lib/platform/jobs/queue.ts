// The background job queue: pg-boss on PostgreSQL (its own schema, so jobs survive a restart and any
// app instance may run them); none on the embedded database, where work runs in its request instead.
// Each process starts the queue once (at boot, instrumentation.ts) and works on at most one job of a
// kind at a time: the machine's cores serve pages first.
import "server-only";
import PgBoss from "pg-boss";
import { configuredTarget } from "@/lib/platform/db/adapter";
import { log } from "@/lib/platform/ops/log";
import { JOB_SCHEMA } from "./schema";

/** How long a job may run before it counts as failed (a 50,000-row import takes seconds). */
const JOB_EXPIRY_MINUTES = 15;

type Handler = (data: Record<string, unknown>) => Promise<void>;

const holder = globalThis as unknown as {
  jobQueue?: Promise<PgBoss | null>;
  jobHandlers?: Map<string, Handler>;
  /** The kinds this process works on, once each. */
  jobWorkers?: Set<string>;
};
holder.jobHandlers ??= new Map<string, Handler>();
const handlers = holder.jobHandlers;
holder.jobWorkers ??= new Set<string>();
const workers = holder.jobWorkers;

/**
 * Names the work done for a kind of job, in every process (the module doing that work calls it when it
 * loads, before any job of the kind can be sent from this process).
 */
export function defineJob<T extends Record<string, unknown>>(name: string, run: (data: T) => Promise<void>) {
  handlers.set(name, run as Handler);
  // A kind defined after the queue started (its module loaded later) is worked on from then on.
  void holder.jobQueue
    ?.then((boss) => (boss ? work(boss, name, run as Handler) : undefined))
    .catch((error) => log.error({ err: error, job: name }, "job worker did not start"));
  return {
    /** Queues a job with this id (a UUID); false when there is no queue. */
    send: (id: string, data: T) => sendJob(name, id, data),
    /** Whether the job with this id ended without finishing its work (failed, or expired after a stop). */
    broke: async (id: string) => {
      const boss = await jobQueue();
      const job = await boss?.getJobById(name, id);
      return job?.state === "failed" || job?.state === "cancelled";
    },
    /** Whether the job with this id may still run (waiting or running); false once it ended, or unknown. */
    pending: async (id: string) => {
      const boss = await jobQueue();
      const job = await boss?.getJobById(name, id);
      return job?.state === "created" || job?.state === "retry" || job?.state === "active";
    },
    /**
     * Marks the job failed, from any process: one whose worker died mid-way (found by its own heartbeat)
     * is then failed at once rather than when it expires. Nothing once it ended, or without a queue.
     */
    fail: async (id: string, message: string) => {
      const boss = await jobQueue();
      await boss?.fail(name, id, { message });
    },
  };
}

/** The started queue, or null on the embedded database. */
export function jobQueue(): Promise<PgBoss | null> {
  holder.jobQueue ??= start().catch((error) => {
    holder.jobQueue = undefined; // asked again later, e.g. once the database is back
    throw error;
  });
  return holder.jobQueue;
}

async function start(): Promise<PgBoss | null> {
  const target = configuredTarget();
  if (target.kind !== "postgres") return null;
  const boss = new PgBoss({ connectionString: target.url, schema: JOB_SCHEMA, max: 3, application_name: "jobs" });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  workers.clear();
  for (const [name, run] of handlers) await work(boss, name, run);
  return boss;
}

async function work(boss: PgBoss, name: string, run: Handler) {
  if (workers.has(name)) return;
  workers.add(name);
  // A job that fails is not retried: its work is all-or-nothing, and its caller is told it failed. One
  // whose process stopped mid-way stays active until it expires, then counts as failed, unless its
  // kind keeps a heartbeat and fails it sooner (results imports: lib/server/results/import/jobs.ts).
  await boss.createQueue(name, { name, retryLimit: 0, expireInMinutes: JOB_EXPIRY_MINUTES });
  await boss.work<Record<string, unknown>>(name, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await handlers.get(name)?.(job.data);
  });
}

/**
 * Sends a job of this kind on a cron schedule (pg-boss keeps one schedule per kind, for every instance);
 * false without a queue (the embedded database: the caller keeps a timer instead).
 */
export async function scheduleJob(name: string, cron: string, data: Record<string, unknown> = {}): Promise<boolean> {
  const boss = await jobQueue();
  if (!boss) return false;
  const run = handlers.get(name);
  if (run) await work(boss, name, run);
  await boss.schedule(name, cron, data, { tz: "UTC" });
  return true;
}

async function sendJob(name: string, id: string, data: Record<string, unknown>): Promise<boolean> {
  const boss = await jobQueue();
  if (!boss) return false;
  return (await boss.send(name, data, { id })) !== null;
}

/** Stops taking jobs and waits (a few seconds at most) for the ones running: at shutdown and in tests. */
export async function stopJobQueue(): Promise<void> {
  const started = holder.jobQueue;
  holder.jobQueue = undefined;
  const boss = await started?.catch(() => null);
  await boss?.stop({ graceful: true, wait: true, timeout: 5_000 });
}
