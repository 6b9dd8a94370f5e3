import { expect, test } from "vitest";
import { ZodError } from "zod";
import { ForbiddenError } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { BatchProblems, saveResults } from "@/lib/server/results/entry";
import { resultHistory } from "@/lib/server/results/service";
import { locationId, principalFor, projectId } from "@/lib/testing/principals";
import { progressNotes, StaleProgressNote, saveProgressNote } from "./progress-notes";
import {
  addPeriod,
  addSurveyRound,
  removeScheduleEntry,
  ScheduleRefused,
  setPeriodLock,
  updateSurveyRound,
} from "./service";

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

test("rounds are edited and removed; periods added and removed, but never with their results", async () => {
  const peru = await projectId("PE-VEN-2021");
  const evaluator = await principalFor("evaluator@example.org");
  const manager = await principalFor("manager@example.org");
  const created = await addSurveyRound(evaluator, peru, { ...round, name: "Extra round" });
  const edited = await updateSurveyRound(evaluator, peru, created.id, {
    ...round,
    name: "Extra round (phone)",
    achievedSampleSize: "360",
  });
  expect(edited).toMatchObject({ name: "Extra round (phone)", achievedSampleSize: 360 });
  expect(await removeScheduleEntry(evaluator, peru, "round", created.id)).toBe(true);
  expect(await db().surveyRound.findUnique({ where: { id: created.id } })).toBeNull();
  const removal = await db().auditEvent.findFirst({ where: { entityId: created.id, action: "surveyRound.delete" } });
  expect(removal?.before).toMatchObject({ name: "Extra round (phone)" });

  const withResults = await db().reportingPeriod.findFirstOrThrow({ where: { projectId: peru, label: "2021-Q4" } });
  await expect(removeScheduleEntry(manager, peru, "period", withResults.id)).rejects.toEqual(
    new ScheduleRefused("hasResults"),
  );
  await expect(removeScheduleEntry(evaluator, peru, "period", withResults.id)).rejects.toThrow(ForbiddenError);
  const extension = await addPeriod(manager, peru, {
    label: "2022-Q1",
    startDate: "2022-01-01",
    endDate: "2022-03-31",
  });
  await expect(
    addPeriod(manager, peru, { label: "2022-Q1", startDate: "2022-04-01", endDate: "2022-06-30" }),
  ).rejects.toThrow(/duplicate/);
  expect(await removeScheduleEntry(manager, peru, "period", extension.id)).toBe(true);
});

test("a value's history lists every change with who made it; only for those who may see drafts", async () => {
  const peru = await projectId("PE-VEN-2021");
  const draft = await db().result.findFirstOrThrow({
    where: { indicator: { projectId: peru, code: "OP1.1.2" }, period: { label: "2021-Q4" }, status: "DRAFT" },
  });
  const evaluator = await principalFor("evaluator@example.org");
  await saveResults(
    evaluator,
    peru,
    [
      {
        indicatorId: draft.indicatorId,
        periodId: draft.periodId,
        locationId: draft.locationId,
        value: 9,
        version: draft.version,
      },
    ],
    false,
  );
  const history = await resultHistory(evaluator, peru, draft.id);
  expect(
    history?.map((e) => [
      e.action,
      e.actor?.name,
      (e.before as { value: number } | null)?.value ?? null,
      (e.after as { value: number }).value,
    ]),
  ).toEqual([
    ["result.update", "Elena Evaluator", draft.value, 9],
    // The demo data brought the value in: that is in its history too.
    ["result.import", "Elena Evaluator", null, draft.value],
  ]);
  expect(await resultHistory(await principalFor("viewer@example.org"), peru, draft.id)).toBeNull();
  expect(
    await resultHistory(await principalFor("manager@example.org"), await projectId("SA-HIV-MOB"), draft.id),
  ).toBeNull();
});

test("a manager's progress note is shown with its period to donors; two managers saving at once do not overwrite each other", async () => {
  const peru = await projectId("PE-VEN-2021");
  const manager = await principalFor("manager@example.org");
  const period = await db().reportingPeriod.findFirstOrThrow({ where: { projectId: peru, label: "2021-Q3" } });
  const saved = await saveProgressNote(manager, peru, period.id, "  Floods in Tumbes delayed two sessions.\n", "");
  expect(saved?.progressNote).toBe("Floods in Tumbes delayed two sessions.");
  const seen = saved?.progressNoteAt?.toISOString() ?? "";

  // A second manager's form was opened before that save: theirs is refused, the first note stays.
  await expect(saveProgressNote(manager, peru, period.id, "Another text", "")).rejects.toThrow(StaleProgressNote);
  const donor = { kind: "share" as const, linkId: "x", projectId: peru };
  expect((await progressNotes(donor, peru)).map((n) => [n.label, n.progressNote])).toEqual([
    ["2021-Q3", "Floods in Tumbes delayed two sessions."],
  ]);
  // Evaluators and other projects' links may not write or read it.
  const evaluator = await principalFor("evaluator@example.org");
  await expect(saveProgressNote(evaluator, peru, period.id, "x", seen)).rejects.toThrow(ForbiddenError);
  await expect(progressNotes({ ...donor, projectId: "other" }, peru)).rejects.toThrow(ForbiddenError);

  // Cleared with an empty note; both writes are in the audit trail.
  await saveProgressNote(manager, peru, period.id, "", seen);
  expect(await progressNotes(donor, peru)).toEqual([]);
  const audit = await db().auditEvent.findMany({
    where: { action: "period.progressNote", entityId: period.id },
    orderBy: { at: "asc" },
  });
  expect(audit.map((a) => (a.after as { progressNote: string | null }).progressNote)).toEqual([
    "Floods in Tumbes delayed two sessions.",
    null,
  ]);
});
