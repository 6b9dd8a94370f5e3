// Where a value comes from: "Source: Final evaluation, 2021, p. 14". A value names its study and page
// (set from the entry page by whoever enters values), or, without one, a value of a survey round cites the
// study that is the round's source (the earliest published, when several are). Read by the indicator page
// and the donor report, which link the study only where the reader may open it.
import "server-only";
import { assertCan, can, ForbiddenError, type Principal, requireUserId } from "@/lib/domain/permissions";
import { canReadStudy } from "@/lib/domain/permissions/studies";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/platform/db";
import { allOf, visibleResultsWhere } from "@/lib/server/access/scoped-list";
import { recordAudit } from "@/lib/server/audit/record";
import { EditRefused } from "@/lib/server/projects/edit";
import { lockProjectResultsShared } from "@/lib/server/results/locks";

const citedSelect = {
  id: true,
  publishedOn: true,
  visibility: true,
  projects: { select: { projectId: true } },
  type: { select: { nameEn: true, nameEs: true } },
} satisfies Prisma.StudySelect;

type CitedStudy = Prisma.StudyGetPayload<{ select: typeof citedSelect }>;

export type Citation = {
  studyId: string;
  type: { nameEn: string; nameEs: string };
  year: string | null;
  page: number | null;
  /** Whether the project's donor links may read the study (the donor report cites it only then). */
  shared: boolean;
};

/**
 * Whether the donor report of the project lists the study: the rule of its Studies list
 * (projectStudies with sharedOnly): one of the project's studies that a donor link of it reads.
 * Visibility alone is not enough: a study shared with donors but no longer linked to this project is not
 * theirs to see.
 */
function sharedWithProject(study: CitedStudy, projectId: string) {
  const access = { visibility: study.visibility, projectIds: study.projects.map((p) => p.projectId) };
  return access.projectIds.includes(projectId) && canReadStudy({ kind: "share", linkId: "", projectId }, access);
}

const citationOf = (study: CitedStudy, page: number | null, projectId: string): Citation => ({
  studyId: study.id,
  type: study.type,
  year: study.publishedOn ? String(study.publishedOn.getUTCFullYear()) : null,
  page,
  shared: sharedWithProject(study, projectId),
});

const firstPublished = (a: CitedStudy, b: CitedStudy) =>
  (a.publishedOn?.getTime() ?? Number.POSITIVE_INFINITY) - (b.publishedOn?.getTime() ?? Number.POSITIVE_INFINITY) ||
  a.id.localeCompare(b.id);

/** The source each of these values (of the project) cites, by value id (values citing none are left out). */
export async function citationsOf(projectId: string, where: Prisma.ResultWhereInput): Promise<Map<string, Citation>> {
  const rows = await db().result.findMany({
    where: allOf<Prisma.ResultWhereInput>(where, {
      OR: [{ sourceStudyId: { not: null } }, { round: { studies: { some: {} } } }],
    }),
    select: {
      id: true,
      sourcePage: true,
      sourceStudy: { select: citedSelect },
      round: { select: { studies: { select: { study: { select: citedSelect } } } } },
    },
  });
  const found = new Map<string, Citation>();
  for (const row of rows) {
    if (row.sourceStudy) found.set(row.id, citationOf(row.sourceStudy, row.sourcePage, projectId));
    else {
      const [roundStudy] = (row.round?.studies ?? []).map((s) => s.study).sort(firstPublished);
      if (roundStudy) found.set(row.id, citationOf(roundStudy, null, projectId));
    }
  }
  return found;
}

/** The sources of the values of one indicator the principal may see (the indicator page's column). */
export async function indicatorCitations(principal: Principal, projectId: string, indicatorId: string) {
  const scope = visibleResultsWhere(principal, projectId);
  if (!scope) throw new ForbiddenError("project.read");
  return citationsOf(projectId, allOf(scope, { indicatorId }));
}

/**
 * The sources a project's report cites, one line per indicator and source, for the values the principal
 * sees (a donor link: approved ones) of these indicators (those the report shows). Only studies the report
 * lists (shared with the project's donor links) are cited: a citation of any other study is left out, so
 * the report says nothing of it (not its id, type or year, nor that it exists).
 */
export async function reportCitations(principal: Principal, projectId: string, indicatorIds: string[]) {
  const scope = visibleResultsWhere(principal, projectId);
  if (!scope) return [];
  const where = allOf(scope, { indicatorId: { in: indicatorIds } });
  const [citations, values] = await Promise.all([
    citationsOf(projectId, where),
    db().result.findMany({ where, select: { id: true, indicator: { select: { id: true, code: true, title: true } } } }),
  ]);
  const lines = new Map<string, { indicator: { id: string; code: string; title: string }; citation: Citation }>();
  for (const value of values) {
    const citation = citations.get(value.id);
    if (!citation?.shared) continue;
    const key = `${value.indicator.id}|${citation.studyId}|${citation.page ?? ""}`;
    if (!lines.has(key)) lines.set(key, { indicator: value.indicator, citation });
  }
  return [...lines.values()].sort(
    (a, b) =>
      a.indicator.code.localeCompare(b.indicator.code, undefined, { numeric: true }) ||
      (a.citation.page ?? 0) - (b.citation.page ?? 0),
  );
}

/** The studies a value of the project may cite: those linked to the project (the entry page's choices). */
export async function citableStudies(projectId: string) {
  return db().study.findMany({
    where: { projects: { some: { projectId } } },
    select: { ...citedSelect, texts: { select: { language: true, title: true } } },
    orderBy: [{ publishedOn: { sort: "desc", nulls: "last" } }, { id: "asc" }],
  });
}

/**
 * Names (or clears, with a null study) the study and page a value is taken from; by whoever enters the
 * project's values. The study must be linked to the project. Audited; the value's figures and version
 * are untouched (a citation does not make an open entry sheet stale).
 *
 * The source is part of what a value says, so it follows the rules of its figures: nothing changes in a
 * locked period (as result entry refuses; survey rounds have no lock), and an approved value's source is
 * changed only by those who may review (approve) the project's values, whose change stands as approved.
 * Anyone else is refused rather than sending the value back to review: an approved figure is never
 * reopened by a side edit. Checked under the project's results lock, as saves are, so a period locked or
 * a value approved meanwhile is seen.
 */
export async function citeSource(
  principal: Principal,
  projectId: string,
  input: { resultId: string; studyId: string | null; page: number | null },
) {
  assertCan(principal, "results.enter", projectId);
  const userId = requireUserId(principal);
  const mayReview = can(principal, "results.review", projectId);
  if (input.studyId && !(await db().studyProject.findFirst({ where: { projectId, studyId: input.studyId } })))
    throw new EditRefused("studyId", "unknown");
  const after = { sourceStudyId: input.studyId, sourcePage: input.studyId ? input.page : null };
  await db().$transaction(async (tx) => {
    await lockProjectResultsShared(tx, projectId);
    const value = await tx.result.findFirst({
      where: { id: input.resultId, indicator: { projectId } },
      select: { id: true, status: true, sourceStudyId: true, sourcePage: true, period: { select: { lockedAt: true } } },
    });
    if (!value) throw new EditRefused("resultId", "unknown");
    if (value.period?.lockedAt) throw new EditRefused("resultId", "locked");
    // A value a partner approved (two-level approval) waits for the manager: kept as approved here.
    if ((value.status === "APPROVED" || value.status === "PARTNER_APPROVED") && !mayReview)
      throw new EditRefused("resultId", "approved");
    // A review does not take the results lock: the write holds only while the status is the one checked.
    const written = await tx.result.updateMany({ where: { id: value.id, status: value.status }, data: after });
    if (written.count === 0) throw new EditRefused("resultId", "changed");
    await recordAudit(tx, {
      action: "result.source",
      entityType: "Result",
      entityId: value.id,
      projectId,
      actorUserId: userId,
      before: { sourceStudyId: value.sourceStudyId, sourcePage: value.sourcePage },
      after,
    });
  });
}
