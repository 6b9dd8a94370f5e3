// A study linked to a survey round fills what the round left empty (its sample sizes, summed over the
// study's groups), in the study's transaction, audited as a round update; a value the round has is kept.
import { expect, test } from "vitest";
import { db } from "@/lib/platform/db";
import { principalFor, projectId } from "@/lib/testing/principals";
import { createStudy, updateStudy } from "./service";

async function round(projectIdValue: string, name: string, planned: number | null, achieved: number | null) {
  return db().surveyRound.create({
    data: {
      projectId: projectIdValue,
      type: "ENDLINE",
      name,
      startDate: new Date("2024-03-01T00:00:00Z"),
      endDate: new Date("2024-04-30T00:00:00Z"),
      mode: "PHONE",
      plannedSampleSize: planned,
      achievedSampleSize: achieved,
    },
  });
}

test("a study's samples fill its rounds' empty sample sizes, never one already set, audited", async () => {
  const peru = await projectId("PE-VEN-2021");
  const admin = await principalFor("admin@example.org");
  const empty = await round(peru, "Numbat endline", null, null);
  const half = await round(peru, "Numbat follow-up", 500, null);
  const study = await createStudy(admin, {
    typeKey: "evaluation",
    texts: [{ language: "en", title: "Numbat endline survey", abstract: "" }],
    fieldworkStart: "2024-03-04",
    fieldworkEnd: "2024-04-12",
    projectIds: [peru],
    roundIds: [empty.id, half.id],
    samples: [
      { group: "Migrants", planned: 600, achieved: 540 },
      { group: "Hosts", planned: 400, achieved: null },
    ],
  });
  const sizes = async (id: string) =>
    db().surveyRound.findUniqueOrThrow({
      where: { id },
      select: { plannedSampleSize: true, achievedSampleSize: true, startDate: true },
    });
  expect(await sizes(empty.id)).toMatchObject({ plannedSampleSize: 1000, achievedSampleSize: 540 });
  // Its planned size was set: kept; only the empty achieved size is filled. Dates are the round's own.
  expect(await sizes(half.id)).toMatchObject({
    plannedSampleSize: 500,
    achievedSampleSize: 540,
    startDate: new Date("2024-03-01T00:00:00Z"),
  });
  const audits = await db().auditEvent.findMany({
    where: { action: "surveyRound.update", entityId: { in: [empty.id, half.id] } },
    orderBy: { at: "asc" },
  });
  expect(audits.map((a) => [a.entityId, a.after])).toEqual(
    expect.arrayContaining([
      [empty.id, { plannedSampleSize: 1000, achievedSampleSize: 540, sourceStudyId: study.id }],
      [half.id, { achievedSampleSize: 540, sourceStudyId: study.id }],
    ]),
  );
  expect(audits).toHaveLength(2);

  // Linked later by an edit: a new round is filled then; the filled ones are not touched again.
  const later = await round(peru, "Numbat late round", null, null);
  await updateStudy(
    admin,
    study.id,
    {
      typeKey: "evaluation",
      texts: [{ language: "en", title: "Numbat endline survey", abstract: "" }],
      projectIds: [peru],
      roundIds: [empty.id, half.id, later.id],
      samples: [{ group: "Everyone", planned: 900, achieved: 880 }],
    },
    study.version,
  );
  expect(await sizes(later.id)).toMatchObject({ plannedSampleSize: 900, achievedSampleSize: 880 });
  expect(await sizes(empty.id)).toMatchObject({ plannedSampleSize: 1000, achievedSampleSize: 540 });
  expect(await db().auditEvent.count({ where: { action: "surveyRound.update", entityId: later.id } })).toBe(1);
});
