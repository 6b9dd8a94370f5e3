// The Peru demo project made ready for a midline survey, as its manager would: a "Midline survey"
// round without values yet, and a survey count of the people living in the surveyed households
// (by sex). For the survey import's integration and end-to-end tests.
import type { Db } from "@/lib/platform/db";

export const midline = { name: "Midline survey", start: "2021-05-03", end: "2021-05-28" };

export async function addMidlineSurvey(client: Db, projectCode = "PE-VEN-2021") {
  const project = await client.project.findUniqueOrThrow({
    where: { code: projectCode },
    include: { resultNodes: { where: { code: "OC1" } } },
  });
  const existing = await client.surveyRound.findFirst({ where: { projectId: project.id, name: midline.name } });
  if (existing) return project.id;
  await client.surveyRound.create({
    data: {
      projectId: project.id,
      type: "MIDLINE",
      name: midline.name,
      startDate: new Date(midline.start),
      endDate: new Date(midline.end),
      mode: "IN_PERSON",
      plannedSampleSize: 400,
    },
  });
  const sex = await client.disaggregationDimension.findFirstOrThrow({
    where: { key: "sex", OR: [{ projectId: project.id }, { projectId: null }] },
    orderBy: { projectId: { sort: "desc", nulls: "last" } },
  });
  const node = project.resultNodes[0];
  if (!node) throw new Error("The Peru project has no OC1 result");
  await client.indicator.create({
    data: {
      projectId: project.id,
      resultNodeId: node.id,
      code: "OC1.3",
      title: "Number of people living in surveyed households",
      measure: "COUNT",
      unit: "people",
      source: "SURVEY",
      sortOrder: 30,
      dimensions: { create: [{ dimensionId: sex.id }] },
    },
  });
  return project.id;
}
