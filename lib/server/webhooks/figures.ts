// "project.figuresChanged": the project's data version (raised by database triggers on every change of
// its values, targets, indicators, places or periods) announced to the webhooks that take the event.
// Why by the sweep and not at each write: one import or review is many writes and a busy project many
// saves a minute; comparing each webhook's last announced version with the project's once a minute sends
// at most one delivery a minute per webhook, carrying the newest version, whatever caused the change (a
// save, a review, a lock, an import, a sync, a setup edit), with no hook in any of those writers.
// The event carries versions only, never values.
import "server-only";
import { type Db, db, type Tx } from "@/lib/platform/db";
import { log } from "@/lib/platform/ops/log";
import { enqueueEvent } from "./delivery";

export const FIGURES_EVENT = "project.figuresChanged";

/** The project's data version now: a webhook starts announcing from it (set when it subscribes). */
export async function currentDataVersion(projectId: string, client: Db | Tx = db()): Promise<number | null> {
  const project = await client.project.findUnique({ where: { id: projectId }, select: { dataVersion: true } });
  return project?.dataVersion ?? null;
}

/**
 * Queues one "project.figuresChanged" for each active webhook taking it whose project's data version is
 * newer than the one it was last told; the number queued. The version is moved on with a compare-and-set,
 * so two sweeps at once announce a version once. A webhook whose last announcement is still waiting
 * (its receiver down) gets no other: its version stays, so once that one is through (or given up) the
 * next sweep announces the newest version, once, instead of a delivery a minute piling up and arriving
 * out of order. One webhook's failure (deleted meanwhile) is logged and the others are announced.
 */
export async function announceFigureChanges(): Promise<number> {
  const hooks = await db().webhook.findMany({
    where: {
      // Instance webhooks (no project) never take this event (refused by the service).
      projectId: { not: null },
      active: true,
      events: { has: FIGURES_EVENT },
      deliveries: { none: { event: FIGURES_EVENT, status: "PENDING" } },
    },
    select: { id: true, projectId: true, announcedDataVersion: true, project: { select: { dataVersion: true } } },
  });
  let queued = 0;
  for (const h of hooks) {
    if (!h.project || !h.projectId) continue;
    const current = h.project.dataVersion;
    if (h.announcedDataVersion !== null && current <= h.announcedDataVersion) continue;
    queued += await announce(h.id, h.projectId, h.announcedDataVersion, current).catch((error) => {
      log.error({ err: error, webhookId: h.id }, "webhook figures announcement failed");
      return 0;
    });
  }
  return queued;
}

async function announce(webhookId: string, projectId: string, announced: number | null, current: number) {
  return db().$transaction(async (tx) => {
    const moved = await tx.webhook.updateMany({
      where: { id: webhookId, announcedDataVersion: announced },
      data: { announcedDataVersion: current },
    });
    // Nothing announced before (a webhook older than the event): this version is where it starts.
    if (!moved.count || announced === null) return 0;
    const data = { dataVersion: current, previousDataVersion: announced };
    return (await enqueueEvent(tx, projectId, FIGURES_EVENT, data, webhookId)).length;
  });
}
