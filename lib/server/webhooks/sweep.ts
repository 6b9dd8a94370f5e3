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
  await runDueDeliveries(now);
}

export const RETRY_JOB = "webhooks-retry";
export const RETRY_CRON = "* * * * *";

defineJob(RETRY_JOB, async () => {
  await sweepWebhooks();
});

const holder = globalThis as unknown as { webhookTimer?: NodeJS.Timeout };

/** At boot: the sweep every minute, by the queue's cron on PostgreSQL or a timer in this process on PGlite. */
export async function startWebhookRetries(): Promise<"cron" | "timer"> {
  if (await scheduleJob(RETRY_JOB, RETRY_CRON)) return "cron";
  holder.webhookTimer ??= setInterval(() => {
    sweepWebhooks().catch((error) => log.error({ err: error }, "webhook sweep failed"));
  }, 60_000).unref();
  return "timer";
}
