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
  const manager = await principalFor("manager@example.org");
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
    where: { indicator: { projectId: peru }, period: { lockedAt: null }, status: "APPROVED" },
    include: { indicator: true },
  });

  await citeSource(manager, peru, { resultId: value.id, studyId: study.id, page: 14 });
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
    where: { indicator: { projectId: peru }, status: { not: "APPROVED" }, period: { lockedAt: null } },
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
  await citeSource(manager, peru, { resultId: roundValue.id, studyId: null, page: null });
  expect((await indicatorCitations(evaluator, peru, roundValue.indicatorId)).get(roundValue.id)).toMatchObject({
    studyId: roundStudy.id,
    year: "2020",
    page: null,
  });
  await citeSource(manager, peru, { resultId: roundValue.id, studyId: study.id, page: 2 });
  expect((await indicatorCitations(evaluator, peru, roundValue.indicatorId)).get(roundValue.id)).toMatchObject({
    studyId: study.id,
    page: 2,
  });
});

test("a value's source follows its figures: never in a locked period; an approved value's by reviewers only", async () => {
  const peru = await projectId("PE-VEN-2021");
  const admin = await principalFor("admin@example.org");
  const evaluator = await principalFor("evaluator@example.org");
  const manager = await principalFor("manager@example.org");
  const study = await createStudy(admin, {
    typeKey: "evaluation",
    texts: [{ language: "en", title: "Rules of sources" }],
    projectIds: [peru],
    visibility: "DONORS",
  });
  const sourceOf = async (id: string) =>
    db().result.findUniqueOrThrow({ where: { id }, select: { sourceStudyId: true, status: true, version: true } });

  // Approved: an evaluator (who enters but does not review) is refused; a manager (who reviews) may, and
  // the value stays approved, its version unchanged.
  const approved = await db().result.findFirstOrThrow({
    where: { indicator: { projectId: peru }, period: { lockedAt: null }, status: "APPROVED" },
  });
  await expect(
    citeSource(evaluator, peru, { resultId: approved.id, studyId: study.id, page: 1 }),
  ).rejects.toMatchObject({ field: "resultId", reason: "approved" });
  expect((await sourceOf(approved.id)).sourceStudyId).toBe(approved.sourceStudyId);
  await citeSource(manager, peru, { resultId: approved.id, studyId: study.id, page: 1 });
  expect(await sourceOf(approved.id)).toEqual({
    sourceStudyId: study.id,
    status: "APPROVED",
    version: approved.version,
  });

  // A value not yet approved: whoever enters values names its source, until its period is locked; then
  // nobody does, reviewers included (as its figures).
  const draft = await db().result.findFirstOrThrow({
    where: {
      indicator: { projectId: peru },
      period: { lockedAt: null },
      status: { in: ["DRAFT", "SUBMITTED", "RETURNED"] },
    },
  });
  await citeSource(evaluator, peru, { resultId: draft.id, studyId: study.id, page: 2 });
  expect((await sourceOf(draft.id)).sourceStudyId).toBe(study.id);
  await db().reportingPeriod.update({ where: { id: draft.periodId ?? "" }, data: { lockedAt: new Date() } });
  for (const who of [evaluator, manager]) {
    await expect(citeSource(who, peru, { resultId: draft.id, studyId: null, page: null })).rejects.toMatchObject({
      field: "resultId",
      reason: "locked",
    });
  }
  expect((await sourceOf(draft.id)).sourceStudyId).toBe(study.id);
  await db().reportingPeriod.update({ where: { id: draft.periodId ?? "" }, data: { lockedAt: null } });
});

test("the donor report cites only the studies it lists: nothing of an internal or another project's study", async () => {
  const peru = await projectId("PE-VEN-2021");
  const hiv = await projectId("SA-HIV-MOB");
  const admin = await principalFor("admin@example.org");
  const manager = await principalFor("manager@example.org");
  const file = (title: string, publishedOn: string, visibility: "INTERNAL" | "DONORS") =>
    createStudy(admin, {
      typeKey: "evaluation",
      texts: [{ language: "en", title }],
      publishedOn,
      projectIds: [peru, hiv],
      visibility,
    });
  const internal = await file("Internal only", "1987-05-01", "INTERNAL");
  const moved = await file("Shared, then moved to another project", "1988-05-01", "DONORS");
  const shared = await file("Shared with Peru's donors", "1989-05-01", "DONORS");
  const approved = await db().result.findMany({
    where: { indicator: { projectId: peru }, period: { lockedAt: null }, status: "APPROVED" },
    distinct: ["indicatorId"],
    take: 3,
  });
  const [a, b, c] = approved;
  if (!a || !b || !c) throw new Error("the demo has three approved values of Peru in open periods");
  await citeSource(manager, peru, { resultId: a.id, studyId: internal.id, page: 7 });
  await citeSource(manager, peru, { resultId: b.id, studyId: moved.id, page: 8 });
  await citeSource(manager, peru, { resultId: c.id, studyId: shared.id, page: 9 });
  // Still shared with donors, but no longer one of Peru's studies (the Studies list leaves it out too).
  await db().studyProject.delete({ where: { studyId_projectId: { studyId: moved.id, projectId: peru } } });

  const link = { kind: "share", linkId: "l", projectId: peru } as const;
  const lines = await reportCitations(
    link,
    peru,
    approved.map((r) => r.indicatorId),
  );
  const sent = JSON.stringify(lines);
  for (const hidden of [internal.id, moved.id, "1987", "1988"]) expect(sent).not.toContain(hidden);
  expect(lines).toContainEqual({
    indicator: expect.objectContaining({ id: c.indicatorId }),
    citation: expect.objectContaining({ studyId: shared.id, year: "1989", page: 9, shared: true }),
  });
  // Members still see every source on the indicator page, the internal one marked as not shared.
  expect((await indicatorCitations(manager, peru, a.indicatorId)).get(a.id)).toMatchObject({
    studyId: internal.id,
    shared: false,
  });
  expect((await indicatorCitations(manager, peru, b.indicatorId)).get(b.id)).toMatchObject({
    studyId: moved.id,
    shared: false,
  });
});
