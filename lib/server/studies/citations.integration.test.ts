// A value's cited source on a real database (PGlite and PostgreSQL): named from the entry page (a study of
// the project, its page), or taken from the survey round's study; shown to members on the indicator page
// and to donor links for approved values only, linked only when the study is shared.
import { expect, test } from "vitest";
import { ForbiddenError } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { EditRefused } from "@/lib/server/projects/edit";
import { principalFor, projectId } from "@/lib/testing/principals";
import { citeSource, indicatorCitations, reportCitations } from "./citations";
import { createStudy } from "./service";

test("a value cites a study of its project and a page; a round's values cite the round's study", async () => {
  const peru = await projectId("PE-VEN-2021");
  const hiv = await projectId("SA-HIV-MOB");
  const admin = await principalFor("admin@example.org");
  const evaluator = await principalFor("evaluator@example.org");
  const study = await createStudy(admin, {
    typeKey: "evaluation",
    texts: [{ language: "en", title: "Cited evaluation" }],
    publishedOn: "2021-12-15",
    projectIds: [peru],
    visibility: "DONORS",
  });
  const elsewhere = await createStudy(admin, {
    typeKey: "baseline",
    texts: [{ language: "en", title: "Another project's" }],
    projectIds: [hiv],
  });
  const value = await db().result.findFirstOrThrow({
    where: { indicator: { projectId: peru }, periodId: { not: null }, status: "APPROVED" },
    include: { indicator: true },
  });

  await citeSource(evaluator, peru, { resultId: value.id, studyId: study.id, page: 14 });
  const cited = await indicatorCitations(evaluator, peru, value.indicatorId);
  expect(cited.get(value.id)).toEqual({
    studyId: study.id,
    type: { nameEn: expect.any(String), nameEs: expect.any(String) },
    year: "2021",
    page: 14,
    shared: true,
  });
  expect(await db().auditEvent.count({ where: { entityId: value.id, action: "result.source" } })).toBe(1);

  // Only a study of the project; only those who enter values; only a value of the project.
  await expect(citeSource(evaluator, peru, { resultId: value.id, studyId: elsewhere.id, page: null })).rejects.toThrow(
    EditRefused,
  );
  await expect(
    citeSource(await principalFor("viewer@example.org"), peru, { resultId: value.id, studyId: null, page: null }),
  ).rejects.toThrow(ForbiddenError);
  const foreignValue = await db().result.findFirstOrThrow({ where: { indicator: { projectId: hiv } } });
  await expect(
    citeSource(await principalFor("manager@example.org"), peru, {
      resultId: foreignValue.id,
      studyId: study.id,
      page: 1,
    }),
  ).rejects.toThrow(EditRefused);

  // A donor link sees the source of approved values; an internal study is cited without being shared.
  const link = { kind: "share", linkId: "l", projectId: peru } as const;
  const lines = await reportCitations(link, peru, [value.indicatorId]);
  expect(lines).toContainEqual({
    indicator: { id: value.indicatorId, code: value.indicator.code, title: value.indicator.title },
    citation: expect.objectContaining({ studyId: study.id, page: 14, shared: true }),
  });
  const draft = await db().result.findFirst({
    where: { indicator: { projectId: peru }, status: { not: "APPROVED" }, periodId: { not: null } },
  });
  expect(draft).not.toBeNull();
  if (draft) {
    const internal = await createStudy(admin, {
      typeKey: "evaluation",
      texts: [{ language: "en", title: "Internal" }],
      projectIds: [peru],
    });
    await citeSource(evaluator, peru, { resultId: draft.id, studyId: internal.id, page: 3 });
    expect((await reportCitations(link, peru, [draft.indicatorId])).map((l) => l.citation.studyId)).not.toContain(
      internal.id,
    );
    expect((await indicatorCitations(evaluator, peru, draft.indicatorId)).get(draft.id)).toMatchObject({
      studyId: internal.id,
      shared: false,
    });
  }

  // A survey round's values cite the round's study without naming it; a value's own citation wins.
  const roundValue = await db().result.findFirstOrThrow({
    where: { indicator: { projectId: peru }, roundId: { not: null } },
  });
  const roundStudy = await createStudy(admin, {
    typeKey: "endline",
    texts: [{ language: "en", title: "Round study" }],
    publishedOn: "2020-03-01",
    projectIds: [peru],
    roundIds: [roundValue.roundId ?? ""],
  });
  await citeSource(evaluator, peru, { resultId: roundValue.id, studyId: null, page: null });
  expect((await indicatorCitations(evaluator, peru, roundValue.indicatorId)).get(roundValue.id)).toMatchObject({
    studyId: roundStudy.id,
    year: "2020",
    page: null,
  });
  await citeSource(evaluator, peru, { resultId: roundValue.id, studyId: study.id, page: 2 });
  expect((await indicatorCitations(evaluator, peru, roundValue.indicatorId)).get(roundValue.id)).toMatchObject({
    studyId: study.id,
    page: 2,
  });
});
