import "server-only";
import type { AsOf } from "@/lib/domain/as-of";
import { exportFileName } from "@/lib/domain/format/export-file-name";
import { textMeasures } from "@/lib/domain/measures";
import type { Principal } from "@/lib/domain/permissions";
import { iatiKeptSchema } from "@/lib/domain/projects/iati-kept";
import { slugKey } from "@/lib/domain/projects/schemas";
import { studyCategory } from "@/lib/domain/studies/iati";
import { type IatiDocument, iatiActivityXml } from "@/lib/formats/iati/write";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { getProject } from "@/lib/server/projects/service";
import { exportSummaries } from "@/lib/server/summary/service";

/**
 * A project's IATI 2.03 activity file: approved figures, unless a user who may see unapproved values
 * explicitly asks for a draft (then marked as such in the file). Null when the project is not readable.
 */
export async function projectIatiXml(
  principal: Principal,
  projectId: string,
  options: { draft?: boolean; asOf?: AsOf } = {},
) {
  const project = await getProject(principal, projectId);
  if (!project) return null;
  const summaries = await exportSummaries(principal, projectId, options);
  if (!summaries) return null;
  const generatedAt = new Date();
  const [links, indicators, rounds, textTargets, own, studies] = await Promise.all([
    db().projectLocation.findMany({ where: { projectId }, include: { location: true } }),
    db().indicator.findMany({
      where: { projectId, archivedAt: null },
      select: {
        id: true,
        definition: true,
        baselineDate: true,
        baselineNumerator: true,
        baselineDenominator: true,
        baselineNote: true,
        composedFrom: { select: { code: true } },
        composedOption: { select: { key: true, dimension: { select: { key: true } } } },
      },
    }),
    db().surveyRound.findMany({ where: { projectId } }),
    // A qualitative indicator's targets in words: for the life of the project, a period or a round,
    // overall or per place (the app keeps no option of a text).
    db().target.findMany({
      where: {
        indicator: { projectId, archivedAt: null, measure: { in: textMeasures } },
        optionId: null,
        note: { not: "" },
      },
      select: { indicatorId: true, periodId: true, roundId: true, locationId: true, note: true },
      orderBy: { id: "asc" },
    }),
    db().project.findUniqueOrThrow({ where: { id: projectId }, select: { iatiKept: true } }),
    // Only studies marked public: an IATI file is a publication, and their pages and files are public.
    db().study.findMany({
      where: { visibility: "PUBLIC", projects: { some: { projectId } } },
      select: {
        id: true,
        typeKey: true,
        publishedOn: true,
        texts: { select: { language: true, title: true }, orderBy: { language: "asc" } },
        files: { select: { id: true, mediaType: true }, orderBy: { createdAt: "asc" }, take: 1 },
      },
      orderBy: [{ publishedOn: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    }),
  ]);
  const kept = own.iatiKept && project.iatiIdentifier ? iatiKeptSchema.safeParse(own.iatiKept) : null;
  const config = env();
  const xml = iatiActivityXml({
    project: {
      code: project.code,
      name: project.name,
      summary: project.summary,
      donor: project.donor,
      partners: project.partners,
      startDate: project.startDate,
      endDate: project.endDate,
      language: project.languages[0] ?? "en",
      // An imported activity keeps its own identifier and reporting organisation; one made here is the instance's.
      identifier: project.iatiIdentifier ?? `${config.IATI_ORG_REF}-${project.code}`,
      reportingOrg: project.iatiIdentifier
        ? {
            ref: project.reportingOrgRef ?? "",
            name: project.reportingOrgName ?? "",
            type: project.reportingOrgType ?? undefined,
          }
        : { ref: config.IATI_ORG_REF, name: config.IATI_ORG_NAME, type: "21" },
      kept: kept?.success ? kept.data : null,
      countries: links
        .filter((l) => l.location.level === "COUNTRY" && l.location.isoCode)
        .map((l) => ({ isoCode: l.location.isoCode ?? "", name: l.location.name, percentage: l.percentage })),
      locations: locationRefs(links),
      resultNodes: project.resultNodes.map(({ id, level, code, title, description, parentId }) => ({
        id,
        level,
        code,
        title,
        description,
        parentCode: project.resultNodes.find((n) => n.id === parentId)?.code ?? null,
      })),
      indicators: Object.fromEntries(
        indicators.map(({ id, composedFrom, composedOption, ...meta }) => [
          id,
          {
            ...meta,
            textTargets: textTargetsOf(textTargets.filter((t) => t.indicatorId === id)),
            composedFrom:
              composedFrom && composedOption
                ? `${composedFrom.code}:${composedOption.dimension.key}:${composedOption.key}`
                : null,
          },
        ]),
      ),
      rounds: Object.fromEntries(rounds.map(({ id, ...r }) => [id, r])),
      documents: studies.map((study) => studyDocument(study, config.APP_URL)),
    },
    overall: summaries.overall,
    byTime: summaries.byTime,
    generatedAt,
    draft: summaries.draft,
  });
  return { body: xml, xml, filename: exportFileName(project.code, "iati-activity", "xml", summaries.draft) };
}

/**
 * Each place's reference in the file: the one its source file gave it, its ISO code, or one made from
 * its name (never a database id), unique within the file.
 */
function locationRefs(links: { ref: string | null; location: { id: string; isoCode: string | null; name: string } }[]) {
  const used = new Set<string>();
  return links.map(({ ref, location: l }) => {
    const base = ref ?? l.isoCode ?? `place-${slugKey(l.name) || "x"}`;
    let unique = base;
    for (let n = 2; used.has(unique); n++) unique = `${base}-${n}`;
    used.add(unique);
    return { id: l.id, ref: unique, name: l.name };
  });
}

/** A qualitative indicator's targets in words by period, round or "lop", the overall one first. */
function textTargetsOf(
  targets: { periodId: string | null; roundId: string | null; locationId: string | null; note: string }[],
) {
  const byTime: Record<string, { locationId: string | null; text: string }[]> = {};
  for (const t of [...targets].sort((a, b) => Number(a.locationId !== null) - Number(b.locationId !== null))) {
    const key = t.periodId ?? t.roundId ?? "lop";
    byTime[key] = [...(byTime[key] ?? []), { locationId: t.locationId, text: t.note }];
  }
  return byTime;
}

/** A public study as a document-link: its first document in the public library, else its public page. */
function studyDocument(
  study: {
    id: string;
    typeKey: string;
    publishedOn: Date | null;
    texts: { language: string; title: string }[];
    files: { id: string; mediaType: string }[];
  },
  base: string,
): IatiDocument {
  const file = study.files[0];
  const root = base.replace(/\/$/, "");
  return {
    url: file ? `${root}/library/${study.id}/files/${file.id}` : `${root}/library/${study.id}`,
    format: file ? file.mediaType : "text/html",
    titles: study.texts,
    categories: [studyCategory(study.typeKey)],
    languages: study.texts.map((t) => t.language),
    date: study.publishedOn ? study.publishedOn.toISOString().slice(0, 10) : null,
  };
}
