// A period's progress note: what a manager says about the period (context, delays, what comes next),
// shown with the period on the donor report. Written by a reviewer, so it needs no approval of its own.
import "server-only";
import { DomainError } from "@/lib/domain/errors";
import { assertCan, type Principal, requireUserId } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { recordAudit } from "@/lib/server/audit/record";

export const MAX_PROGRESS_NOTE = 4000;

/** The note changed since the form was opened (another manager saved first): nothing is overwritten. */
export class StaleProgressNote extends DomainError {
  constructor() {
    super("stale", { detail: "The note was changed by someone else since it was read" });
    this.name = "StaleProgressNote";
  }
}

/**
 * Saves (or clears, when empty) a period's note. `seenAt` is the note's time when the form was
 * opened ("" for none): a note saved meanwhile by someone else is not overwritten.
 */
export async function saveProgressNote(
  principal: Principal,
  projectId: string,
  periodId: string,
  text: string,
  seenAt: string,
) {
  assertCan(principal, "results.review", projectId);
  const userId = requireUserId(principal);
  const note = text.trim() || null;
  return db().$transaction(async (tx) => {
    const [period] = await tx.$queryRaw<{ id: string; progressNote: string | null; progressNoteAt: Date | null }[]>`
      SELECT "id", "progressNote", "progressNoteAt" FROM "ReportingPeriod"
      WHERE "id" = ${periodId} AND "projectId" = ${projectId} FOR UPDATE`;
    if (!period) return null;
    if ((period.progressNoteAt?.toISOString() ?? "") !== seenAt) throw new StaleProgressNote();
    const updated = await tx.reportingPeriod.update({
      where: { id: period.id },
      data: { progressNote: note, progressNoteAt: note ? new Date() : null, progressNoteById: note ? userId : null },
    });
    await recordAudit(tx, {
      action: "period.progressNote",
      entityType: "ReportingPeriod",
      entityId: period.id,
      projectId,
      actorUserId: userId,
      before: { progressNote: period.progressNote },
      after: { progressNote: note },
    });
    return updated;
  });
}

/** The project's progress notes, latest period first, for whoever may read the project (donors too). */
export async function progressNotes(principal: Principal, projectId: string) {
  assertCan(principal, "project.read", projectId);
  return db().reportingPeriod.findMany({
    where: { projectId, progressNote: { not: null } },
    orderBy: { endDate: "desc" },
    select: { id: true, label: true, startDate: true, endDate: true, progressNote: true, progressNoteAt: true },
  });
}
