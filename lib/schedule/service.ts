import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { assertCan, type Principal } from "@/lib/permissions";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
  .transform((v) => new Date(`${v}T00:00:00Z`));
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

function userOf(principal: Principal) {
  return principal.kind === "user" ? principal.userId : null;
}

export async function projectSchedule(principal: Principal, projectId: string) {
  assertCan(principal, "project.read", projectId);
  const [periods, rounds] = await Promise.all([
    db().reportingPeriod.findMany({
      where: { projectId },
      orderBy: { startDate: "asc" },
      include: { lockedBy: { select: { name: true } } },
    }),
    db().surveyRound.findMany({ where: { projectId }, orderBy: { startDate: "asc" } }),
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
      actorUserId: userOf(principal),
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
  return db().$transaction(async (tx) => {
    const period = await tx.reportingPeriod.findFirst({ where: { id: periodId, projectId } });
    if (!period) return null;
    const userId = userOf(principal);
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
    return updated;
  });
}
