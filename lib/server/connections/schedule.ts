// Connections marked "scheduled" are synced every hour: by a pg-boss cron job on PostgreSQL (one schedule
// for every app instance; the job queue runs it on one), by a timer in the one process on PGlite. Each
// sync runs as the connection's creator, who must still be allowed to sync; a broken connection waits
// for a manager (no retry on every tick). Failures stay in the connection's history.
import "server-only";
import { loadPrincipal } from "@/lib/platform/auth/principal";
import { db } from "@/lib/platform/db";
import { defineJob, scheduleJob } from "@/lib/platform/jobs/queue";
import { log } from "@/lib/platform/ops/log";
import type { RemoteOptions } from "./remote";
import { syncConnection } from "./sync";

export const SCHEDULE_CRON = "0 * * * *";
const HOUR_MS = 60 * 60_000;

/** Syncs every scheduled, working connection once; what each sync did is in its history. */
export async function runScheduledSyncs(remote?: RemoteOptions): Promise<number> {
  const due = await db().connection.findMany({
    where: { scheduled: true, status: "OK" },
    select: { id: true, projectId: true, createdById: true },
  });
  let ran = 0;
  for (const c of due) {
    const actor = c.createdById ? await loadPrincipal(c.createdById) : null;
    if (!actor) continue;
    try {
      await syncConnection(actor, c.projectId, c.id, { trigger: "schedule", remote });
      ran++;
    } catch (error) {
      // Not allowed any more, or a sync already running: the next tick tries again.
      log.warn({ err: error, connectionId: c.id }, "scheduled sync skipped");
    }
  }
  return ran;
}

defineJob("connections-schedule", async () => {
  await runScheduledSyncs();
});

const holder = globalThis as unknown as { connectionsTimer?: NodeJS.Timeout };

/** At boot: the cron schedule on PostgreSQL, or an hourly timer in this process on PGlite. */
export async function startConnectionSchedule(): Promise<"cron" | "timer"> {
  if (await scheduleJob("connections-schedule", SCHEDULE_CRON)) return "cron";
  holder.connectionsTimer ??= setInterval(() => {
    runScheduledSyncs().catch((error) => log.error({ err: error }, "scheduled syncs failed"));
  }, HOUR_MS).unref();
  return "timer";
}
