import { beforeAll, expect, test } from "vitest";
import type { Principal } from "@/lib/domain/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadPrincipal } from "@/lib/platform/auth/principal";
import { db, type SentQuery, watchQueries } from "@/lib/platform/db";
import { allOf } from "@/lib/server/access/scoped-list";
import { readableStudiesWhere } from "./scope";
import { projectStudies } from "./service";

const sent: SentQuery[] = [];
let principals: Principal[] = [];
let projects: string[] = [];

/** projectStudies as it read them before it was one statement (4: Prisma's include), the reference. */
async function projectStudiesAsBefore(principal: Principal, projectId: string, options: { sharedOnly?: boolean } = {}) {
  const rows = await db().study.findMany({
    where: allOf<Prisma.StudyWhereInput>(
      readableStudiesWhere(principal),
      { projects: { some: { projectId } } },
      options.sharedOnly && { visibility: { in: ["DONORS", "PUBLIC"] } },
    ),
    select: {
      id: true,
      publishedOn: true,
      pageCount: true,
      type: { select: { key: true, nameEn: true, nameEs: true } },
      texts: { select: { language: true, title: true, abstract: true }, orderBy: { language: "asc" } },
      files: { select: { id: true, fileName: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
    orderBy: [{ publishedOn: { sort: "desc", nulls: "last" } }, { id: "asc" }],
    take: 100,
  });
  return rows.map((r) => ({ ...r, publishedOn: r.publishedOn ? r.publishedOn.toISOString().slice(0, 10) : null }));
}

beforeAll(async () => {
  await watchQueries((query) => sent.push(query));
  projects = (await db().project.findMany({ select: { id: true }, orderBy: { code: "asc" } })).map((p) => p.id);
  principals = [];
  for (const { id } of await db().user.findMany({ select: { id: true }, orderBy: { email: "asc" } })) {
    const user = await loadPrincipal(id);
    if (user) principals.push(user);
  }
  // Donor links, and a project's study with two files, one in every language and one without a date.
  for (const projectId of projects) principals.push({ kind: "share", linkId: `link-${projectId}`, projectId });
  const study = await db().study.findFirstOrThrow({ where: { projects: { some: {} } }, orderBy: { id: "asc" } });
  for (const name of ["b.pdf", "a.pdf"])
    await db().studyFile.create({
      data: {
        studyId: study.id,
        fileName: name,
        mediaType: "application/pdf",
        size: 1,
        sha256: name,
        storageKey: name,
      },
    });
  await db().study.update({ where: { id: study.id }, data: { publishedOn: null } });
});

test("a project's studies in one statement, for every caller the same as before", async () => {
  let listed = 0;
  for (const principal of principals)
    for (const projectId of projects)
      for (const sharedOnly of [false, true]) {
        const what = `${principal.kind === "user" ? principal.userId : principal.linkId} ${projectId} ${sharedOnly}`;
        const before = await projectStudiesAsBefore(principal, projectId, { sharedOnly });
        sent.length = 0;
        const now = await projectStudies(principal, projectId, { sharedOnly });
        expect(sent.length, what).toBe(1);
        expect(now, what).toEqual(before);
        listed += now.length;
      }
  expect(listed).toBeGreaterThan(0);
  const filed = await db().studyFile.findFirstOrThrow({ where: { fileName: "b.pdf" }, select: { studyId: true } });
  const admin = principals.find((p) => p.kind === "user" && p.isAdmin);
  const project = await db().studyProject.findFirstOrThrow({ where: { studyId: filed.studyId } });
  const withFiles = admin && (await projectStudies(admin, project.projectId)).find((s) => s.id === filed.studyId);
  expect(withFiles?.files.map((f) => f.fileName)).toEqual(["b.pdf", "a.pdf"]);
  expect(withFiles?.publishedOn).toBeNull();
  expect(withFiles?.texts.length).toBeGreaterThan(0);
});
