// A study may be the source of the survey rounds it is linked to: its samples fill what the round has
// left empty (planned and achieved sample sizes, the sums of the study's groups), in the study's own
// transaction, audited as a round update. Values a round already has are never overwritten; a round's
// dates are required when it is scheduled, so the study's fieldwork never replaces them.
import "server-only";
import type { StudyData } from "@/lib/domain/studies/input";
import type { Tx } from "@/lib/platform/db";
import { recordAudit } from "@/lib/server/audit/record";

/** The sum of the groups' sizes that are given; null when none is. */
function total(sizes: (number | null)[]): number | null {
  const given = sizes.filter((n): n is number => n !== null);
  return given.length > 0 ? given.reduce((a, b) => a + b, 0) : null;
}

/** Fills the linked rounds' empty sample sizes from the study's samples (after its links were written). */
export async function fillRoundsFromStudy(tx: Tx, userId: string, studyId: string, data: StudyData) {
  const planned = total(data.samples.map((s) => s.planned));
  const achieved = total(data.samples.map((s) => s.achieved));
  if (data.roundIds.length === 0 || (planned === null && achieved === null)) return;
  const rounds = await tx.surveyRound.findMany({
    where: { id: { in: data.roundIds } },
    select: { id: true, projectId: true, plannedSampleSize: true, achievedSampleSize: true },
  });
  for (const round of rounds) {
    const fill = {
      ...(round.plannedSampleSize === null && planned !== null ? { plannedSampleSize: planned } : {}),
      ...(round.achievedSampleSize === null && achieved !== null ? { achievedSampleSize: achieved } : {}),
    };
    if (Object.keys(fill).length === 0) continue;
    // Only where still empty: a value set meanwhile by someone else is kept.
    const where = {
      id: round.id,
      ...("plannedSampleSize" in fill ? { plannedSampleSize: null } : {}),
      ...("achievedSampleSize" in fill ? { achievedSampleSize: null } : {}),
    };
    const { count } = await tx.surveyRound.updateMany({ where, data: fill });
    if (count === 0) continue;
    await recordAudit(tx, {
      action: "surveyRound.update",
      entityType: "SurveyRound",
      entityId: round.id,
      projectId: round.projectId,
      actorUserId: userId,
      before: { plannedSampleSize: round.plannedSampleSize, achievedSampleSize: round.achievedSampleSize },
      after: { ...fill, sourceStudyId: studyId },
    });
  }
}
