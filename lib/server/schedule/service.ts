import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { assertCan, type Principal, userIdOf } from "@/lib/domain/permissions";
import { calendarDay } from "@/lib/domain/validation/dates";
import { db } from "@/lib/platform/db";
import { recordAudit } from "@/lib/server/audit/record";
import { lockProjectResultsExclusive } from "@/lib/server/results/locks";
import { deliverSoon } from "@/lib/server/webhooks/delivery";
import { enqueuePeriodLocked } from "@/lib/server/webhooks/events";

const isoDate = calendarDay;
const optionalCount = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : Number(v)))
  .refine((v) => v === null || (Number.isInteger(v) && v >= 0), "wholeNumber");

/** A survey round as the form sends it (strings), checked the same way on the server. */
export const surveyRoundSchema = z
  .object({
    type: z.enum(["BASELINE", "MIDLINE", "ENDLINE", "OTHER"]),
    name: z.string().trim().min(1, "required").max(120, "tooLong"),
    startDate: isoDate,
    endDate: isoDate,
    mode: z.enum(["PHONE", "IN_PERSON", "ONLINE", "MIXED"]),
    plannedSampleSize: optionalCount,
    achievedSampleSize: optionalCount,
    notes: z.string().max(4000).default(""),
  })
  .refine((r) => r.endDate >= r.startDate, { path: ["endDate"], message: "endBeforeStart" });

export async function projectSchedule(principal: Principal, projectId: string) {
  assertCan(principal, "project.read", projectId);
  const [periods, rounds] = await Promise.all([
    db().reportingPeriod.findMany({
      where: { projectId },
      orderBy: { startDate: "asc" },
      include: { lockedBy: { select: { name: true } }, _count: { select: { results: true } } },
    }),
    db().surveyRound.findMany({
      where: { projectId },
      orderBy: { startDate: "asc" },
      include: { _count: { select: { results: true } } },
    }),
  ]);
  return { periods, rounds };
}

/** Managers and evaluators add survey rounds (baseline, midline, endline, other). */
export async function addSurveyRound(
  principal: Principal,
  projectId: string,
  input: z.input<typeof surveyRoundSchema>,
) {
  assertCan(principal, "results.enter", projectId);
  const data = surveyRoundSchema.parse(input);
  return db().$transaction(async (tx) => {
    const round = await tx.surveyRound.create({ data: { ...data, projectId } });
    await recordAudit(tx, {
      action: "surveyRound.create",
      entityType: "SurveyRound",
      entityId: round.id,
      projectId,
      actorUserId: userIdOf(principal),
      after: { ...data, startDate: input.startDate, endDate: input.endDate },
    });
    return round;
  });
}

/**
 * Managers lock a period once its values are final, and reopen it only with a reason, kept in the
 * audit trail with the lock it undid.
 */
export async function setPeriodLock(
  principal: Principal,
  projectId: string,
  periodId: string,
  lock: boolean,
  reason?: string,
) {
  assertCan(principal, "results.review", projectId);
  if (!lock && !reason?.trim())
    throw new z.ZodError([{ code: "custom", path: ["reason"], message: "required", input: reason }]);
  const done = await db().$transaction(async (tx) => {
    // Waits for saves and imports in progress, and holds them off until the lock is written.
    await lockProjectResultsExclusive(tx, projectId);
    const period = await tx.reportingPeriod.findFirst({ where: { id: periodId, projectId } });
    if (!period) return null;
    // Already as asked (a second click, two managers at once): nothing is written, audited or announced;
    // a locked period keeps the time and author of its lock, and period.locked is sent once.
    if (Boolean(period.lockedAt) === lock) return { updated: period, deliveries: [] };
    const userId = userIdOf(principal);
    const updated = await tx.reportingPeriod.update({
      where: { id: period.id },
      data: lock ? { lockedAt: new Date(), lockedById: userId } : { lockedAt: null, lockedById: null },
    });
    await recordAudit(tx, {
      action: lock ? "period.lock" : "period.reopen",
      entityType: "ReportingPeriod",
      entityId: period.id,
      projectId,
      actorUserId: userId,
      before: { lockedAt: period.lockedAt?.toISOString() ?? null },
      after: { lockedAt: updated.lockedAt?.toISOString() ?? null },
      comment: reason?.trim() || undefined,
    });
    const deliveries = lock ? await enqueuePeriodLocked(tx, projectId, updated) : [];
    return { updated, deliveries };
  });
  if (!done) return null;
  deliverSoon(done.deliveries);
  return done.updated;
}

/** Edits a survey round's details (a round that has results keeps its dates' order rules). */
export async function updateSurveyRound(
  principal: Principal,
  projectId: string,
  roundId: string,
  input: z.input<typeof surveyRoundSchema>,
) {
  assertCan(principal, "results.enter", projectId);
  const data = surveyRoundSchema.parse(input);
  return db().$transaction(async (tx) => {
    const before = await tx.surveyRound.findFirst({ where: { id: roundId, projectId } });
    if (!before) return null;
    const round = await tx.surveyRound.update({ where: { id: roundId }, data });
    await recordAudit(tx, {
      action: "surveyRound.update",
      entityType: "SurveyRound",
      entityId: roundId,
      projectId,
      actorUserId: userIdOf(principal),
      before: { ...before, startDate: before.startDate.toISOString(), endDate: before.endDate.toISOString() },
      after: { ...data, startDate: input.startDate, endDate: input.endDate },
    });
    return round;
  });
}

/** Why a period or round cannot be removed: it has results (never dropped with it), or it is locked. */
export class ScheduleRefused extends DomainError {
  constructor(code: "hasResults" | "locked") {
    super(code, { detail: `Cannot be removed: ${code}` });
    this.name = "ScheduleRefused";
  }
}

/**
 * Removes a survey round or a reporting period that has no results; its targets go with it, and the
 * audit trail keeps what was removed. Periods are the managers'; rounds anyone who adds them.
 */
export async function removeScheduleEntry(
  principal: Principal,
  projectId: string,
  kind: "period" | "round",
  id: string,
) {
  assertCan(principal, kind === "period" ? "project.edit" : "results.enter", projectId);
  return db().$transaction(async (tx) => {
    const where = kind === "period" ? { periodId: id } : { roundId: id };
    const results = await tx.result.count({ where: { ...where, indicator: { projectId } } });
    if (results) throw new ScheduleRefused("hasResults");
    const entry =
      kind === "period"
        ? await tx.reportingPeriod.findFirst({ where: { id, projectId } })
        : await tx.surveyRound.findFirst({ where: { id, projectId } });
    if (!entry) return false;
    if ("lockedAt" in entry && entry.lockedAt) throw new ScheduleRefused("locked");
    const targets = await tx.target.findMany({ where });
    if (kind === "period") await tx.reportingPeriod.delete({ where: { id } });
    else await tx.surveyRound.delete({ where: { id } });
    await recordAudit(tx, {
      action: kind === "period" ? "period.delete" : "surveyRound.delete",
      entityType: kind === "period" ? "ReportingPeriod" : "SurveyRound",
      entityId: id,
      projectId,
      actorUserId: userIdOf(principal),
      before: JSON.parse(JSON.stringify({ ...entry, targets })),
    });
    return true;
  });
}

export const periodSchema = z
  .object({
    label: z.string().trim().min(1, "required").max(40, "tooLong"),
    startDate: isoDate,
    endDate: isoDate,
  })
  .refine((p) => p.endDate >= p.startDate, { path: ["endDate"], message: "endBeforeStart" });

/** Adds a reporting period (e.g. when a project is extended); labels are unique and days never overlap. */
export async function addPeriod(principal: Principal, projectId: string, input: z.input<typeof periodSchema>) {
  assertCan(principal, "project.edit", projectId);
  const data = periodSchema.parse(input);
  return db().$transaction(async (tx) => {
    // Periods of one project never share a day (rule 10: both ends included), or sums would count it twice.
    await tx.$executeRaw`SELECT 1 FROM "Project" WHERE "id" = ${projectId} FOR UPDATE`;
    const clash = await tx.reportingPeriod.findFirst({
      where: {
        projectId,
        OR: [{ label: data.label }, { startDate: { lte: data.endDate }, endDate: { gte: data.startDate } }],
      },
    });
    if (clash)
      throw new z.ZodError([
        {
          code: "custom",
          path: [clash.label === data.label ? "label" : "startDate"],
          message: clash.label === data.label ? "duplicate" : "overlaps",
          input,
        },
      ]);
    const period = await tx.reportingPeriod.create({ data: { ...data, projectId } });
    await recordAudit(tx, {
      action: "period.create",
      entityType: "ReportingPeriod",
      entityId: period.id,
      projectId,
      actorUserId: userIdOf(principal),
      after: { label: data.label, startDate: input.startDate, endDate: input.endDate },
    });
    return period;
  });
}
