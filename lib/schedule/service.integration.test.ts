import { expect, test } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/permissions";
import { BatchProblems, saveResults } from "@/lib/results/entry";
import { locationId, principalFor, projectId } from "@/lib/testing/principals";
import { addSurveyRound, setPeriodLock } from "./service";

const round = {
  type: "MIDLINE" as const,
  name: "Midline phone survey",
  startDate: "2021-05-03",
  endDate: "2021-05-28",
  mode: "PHONE" as const,
  plannedSampleSize: "400",
  achievedSampleSize: "351",
  notes: "49 unanswered calls",
};

test("evaluators add survey rounds; dates and sample sizes are checked; viewers cannot", async () => {
  const peru = await projectId("PE-VEN-2021");
  const evaluator = await principalFor("evaluator@example.org");
  const created = await addSurveyRound(evaluator, peru, round);
  expect(created).toMatchObject({ name: "Midline phone survey", plannedSampleSize: 400, achievedSampleSize: 351 });
  await expect(addSurveyRound(evaluator, peru, { ...round, endDate: "2021-05-01" })).rejects.toThrow(/endBeforeStart/);
  await expect(addSurveyRound(evaluator, peru, { ...round, plannedSampleSize: "3.5" })).rejects.toThrow(/wholeNumber/);
  await expect(addSurveyRound(await principalFor("viewer@example.org"), peru, round)).rejects.toThrow(ForbiddenError);
  expect(await db().auditEvent.count({ where: { entityId: created.id, action: "surveyRound.create" } })).toBe(1);
});

test("a locked period takes no new values; reopening needs a reason and is audited", async () => {
  const peru = await projectId("PE-VEN-2021");
  const manager = await principalFor("manager@example.org");
  const evaluator = await principalFor("evaluator@example.org");
  const period = await db().reportingPeriod.findFirstOrThrow({ where: { projectId: peru, label: "2021-Q4" } });
  const networks = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.2" } });
  const item = { indicatorId: networks.id, periodId: period.id, locationId: await locationId("PE-CAL"), value: 2 };

  await expect(setPeriodLock(evaluator, peru, period.id, true)).rejects.toThrow(ForbiddenError);
  await setPeriodLock(manager, peru, period.id, true);
  const refused = await saveResults(evaluator, peru, [item], false).catch((e) => e);
  expect(refused).toBeInstanceOf(BatchProblems);
  expect(refused.problems).toEqual([{ index: 0, field: "periodId", code: "locked" }]);

  await expect(setPeriodLock(manager, peru, period.id, false)).rejects.toThrow(ZodError);
  await setPeriodLock(manager, peru, period.id, false, "Late reports from Callao");
  expect(await saveResults(evaluator, peru, [item], false)).toHaveLength(1);
  const reopen = await db().auditEvent.findFirstOrThrow({ where: { entityId: period.id, action: "period.reopen" } });
  expect(reopen.comment).toBe("Late reports from Callao");
});
