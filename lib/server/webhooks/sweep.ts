// The webhooks' sweep, every minute: prunes the delivery log, announces changed figures, then sends every
// delivery that is due (retries, and first attempts lost with their process). A pg-boss cron job on
// PostgreSQL (one instance runs it), a timer in this process on PGlite.
import "server-only";
import { defineJob, scheduleJob } from "@/lib/platform/jobs/queue";
import { log } from "@/lib/platform/ops/log";
import { pruneDeliveries, runDueDeliveries } from "./delivery";
import { announceFigureChanges } from "./figures";

export async function sweepWebhooks(now = new Date()) {
  await pruneDeliveries(now);
  await announceFigureChanges();
  // Due by the time the announcements are queued: those are sent in this sweep, not a minute later.
  await runDueDeliveries(new Date(Math.max(now.getTime(), Date.now())));
}

const holder = globalThis as unknown as { webhookTimer?: NodeJS.Timeout; webhookSweeping?: boolean };

/**
 * A sweep, unless one is still running in this process (false then): a sweep may outlast its minute
 * (slow receivers), and the next minute's must not start beside it.
 */
export async function sweepUnlessRunning(): Promise<boolean> {
  if (holder.webhookSweeping) return false;
  holder.webhookSweeping = true;
  try {
    await sweepWebhooks();
    return true;
  } finally {
    holder.webhookSweeping = false;
  }
}

export const RETRY_JOB = "webhooks-retry";
export const RETRY_CRON = "* * * * *";

defineJob(RETRY_JOB, async () => {
  await sweepUnlessRunning();
});

/** At boot: the sweep every minute, by the queue's cron on PostgreSQL or a timer in this process on PGlite. */
export async function startWebhookRetries(): Promise<"cron" | "timer"> {
  if (await scheduleJob(RETRY_JOB, RETRY_CRON)) return "cron";
  holder.webhookTimer ??= setInterval(() => {
    sweepUnlessRunning().catch((error) => log.error({ err: error }, "webhook sweep failed"));
  }, 60_000).unref();
  return "timer";
}
