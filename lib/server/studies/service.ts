// The evaluations library: studies (evaluations, baselines, analyses, …) with their texts, samples, places,
// links to projects, survey rounds and indicators, key findings and documents. Who reads and who files a
// study is lib/domain/permissions/studies.ts; every write is audited; documents pass the evidence checks
// and are kept in the evidence store.
import "server-only";
import { randomUUID } from "node:crypto";
import { DomainError } from "@/lib/domain/errors";
import {
  ForbiddenError,
  type Principal,
  readableProjects,
  requireUserId,
  type SharePrincipal,
} from "@/lib/domain/permissions";
import { canEditStudy, canReadStudy } from "@/lib/domain/permissions/studies";
import { type StudyData, studyInput } from "@/lib/domain/studies/input";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/platform/db";
import { allOf, readableProjectsWhere } from "@/lib/server/access/scoped-list";
import { recordAudit } from "@/lib/server/audit/record";
import { evidenceStore, inspectEvidenceFile } from "@/lib/server/evidence/service";
import { StaleEdit } from "@/lib/server/projects/edit";
import { followStudyLanguages, keepDocumentText, readStudyDocumentText } from "./document-text";
import { fillRoundsFromStudy } from "./round-source";
import { readableStudiesSql, readableStudiesWhere } from "./scope";

export type StudyFileInput = { name: string; bytes: Uint8Array };

/** The fields a study's page and its edit form both read as stored. */
const studyFieldsSelect = {
  typeKey: true,
  method: true,
  instruments: true,
  fieldworkStart: true,
  fieldworkEnd: true,
  publishedOn: true,
  authors: true,
  commissionedBy: true,
  pageCount: true,
  visibility: true,
  texts: { select: { language: true, title: true, abstract: true }, orderBy: { language: "asc" } },
  samples: { select: { group: true, planned: true, achieved: true }, orderBy: { position: "asc" } },
} satisfies Prisma.StudySelect;

const detailSelect = {
  ...studyFieldsSelect,
  id: true,
  provenance: true,
  version: true,
  type: { select: { key: true, nameEn: true, nameEs: true } },
  places: { select: { location: { select: { id: true, name: true, isoCode: true, level: true } } } },
  projects: { select: { project: { select: { id: true, code: true, name: true } } } },
  rounds: { select: { round: { select: { id: true, name: true, projectId: true, startDate: true } } } },
  indicators: { select: { indicator: { select: { id: true, code: true, title: true, projectId: true } } } },
  findings: {
    select: {
      id: true,
      language: true,
      statement: true,
      indicator: { select: { id: true, code: true, title: true, projectId: true } },
    },
    orderBy: { position: "asc" },
  },
  files: {
    select: { id: true, fileName: true, mediaType: true, size: true, textStatus: true },
    orderBy: { createdAt: "asc" },
  },
  themes: { select: { theme: { select: { key: true, nameEn: true, nameEs: true } } } },
} satisfies Prisma.StudySelect;

type DetailRow = Prisma.StudyGetPayload<{ select: typeof detailSelect }>;

const dayOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const dateOf = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);

/** A study as its page and the API show it: links only to what the reader may open. */
function detail(principal: Principal | null, row: DetailRow) {
  const projectIds = row.projects.map((p) => p.project.id);
  const readable = principal ? readableProjects(principal) : [];
  const opens = (projectId: string) => readable === "all" || readable.includes(projectId);
  return {
    id: row.id,
    type: row.type,
    method: row.method,
    instruments: row.instruments,
    fieldworkStart: dayOf(row.fieldworkStart),
    fieldworkEnd: dayOf(row.fieldworkEnd),
    publishedOn: dayOf(row.publishedOn),
    authors: row.authors,
    commissionedBy: row.commissionedBy,
    pageCount: row.pageCount,
    visibility: row.visibility,
    provenance: row.provenance,
    version: row.version,
    texts: row.texts,
    samples: row.samples,
    places: row.places.map((p) => p.location),
    projects: row.projects.map((p) => p.project).filter((p) => opens(p.id)),
    rounds: row.rounds
      .map((r) => r.round)
      .filter((r) => opens(r.projectId))
      .map((r) => ({ id: r.id, name: r.name, projectId: r.projectId, startDate: dayOf(r.startDate) })),
    indicators: row.indicators.map((i) => i.indicator).filter((i) => opens(i.projectId)),
    findings: row.findings.map((f) => ({
      id: f.id,
      language: f.language,
      statement: f.statement,
      indicator: f.indicator && opens(f.indicator.projectId) ? f.indicator : null,
    })),
    files: row.files,
    themes: row.themes.map((t) => t.theme),
    canEdit: canEditStudy(principal, projectIds),
  };
}

export type StudyDetail = ReturnType<typeof detail>;

/** A refusal naming the field of the input that is wrong (as the API's `body.…` and the form's field). */
function refusedField(field: string, code: string): never {
  throw new DomainError("validation", { detail: `Invalid ${field}`, fields: [{ field: `body.${field}`, code }] });
}

/** Checks that everything the input names exists, and that rounds and indicators are its projects'. */
async function checkLinks(tx: Tx, data: StudyData) {
  const unique = (xs: string[]) => [...new Set(xs)];
  if (!(await tx.studyType.findUnique({ where: { key: data.typeKey } }))) refusedField("typeKey", "unknown");
  const counts = await Promise.all([
    tx.project.count({ where: { id: { in: unique(data.projectIds) } } }),
    tx.location.count({ where: { id: { in: unique(data.locationIds) } } }),
    tx.studyTheme.count({ where: { key: { in: unique(data.themeKeys) } } }),
    tx.surveyRound.count({ where: { id: { in: unique(data.roundIds) }, projectId: { in: data.projectIds } } }),
    tx.indicator.count({
      where: {
        id: { in: unique([...data.indicatorIds, ...data.findings.flatMap((f) => f.indicatorId ?? [])]) },
        projectId: { in: data.projectIds },
      },
    }),
  ]);
  const expected = [
    ["projectIds", unique(data.projectIds).length],
    ["locationIds", unique(data.locationIds).length],
    ["themeKeys", unique(data.themeKeys).length],
    ["roundIds", unique(data.roundIds).length],
    ["indicatorIds", unique([...data.indicatorIds, ...data.findings.flatMap((f) => f.indicatorId ?? [])]).length],
  ] as const;
  expected.forEach(([field, n], i) => {
    if (counts[i] !== n) refusedField(field, "unknown");
  });
}

/** The rows of a study's parts, written after its own row. */
function partsOf(studyId: string, data: StudyData) {
  const unique = (xs: string[]) => [...new Set(xs)];
  return {
    texts: data.texts.map((t) => ({ studyId, ...t })),
    samples: data.samples.map((s, position) => ({ studyId, ...s, position })),
    places: unique(data.locationIds).map((locationId) => ({ studyId, locationId })),
    projects: unique(data.projectIds).map((projectId) => ({ studyId, projectId })),
    rounds: unique(data.roundIds).map((roundId) => ({ studyId, roundId })),
    indicators: unique(data.indicatorIds).map((indicatorId) => ({ studyId, indicatorId })),
    findings: data.findings.map((f, position) => ({ studyId, ...f, position })),
    themes: unique(data.themeKeys).map((themeKey) => ({ studyId, themeKey })),
  };
}

async function writeParts(tx: Tx, studyId: string, data: StudyData) {
  const parts = partsOf(studyId, data);
  await tx.studyText.createMany({ data: parts.texts });
  await tx.studySample.createMany({ data: parts.samples });
  await tx.studyPlace.createMany({ data: parts.places });
  await tx.studyProject.createMany({ data: parts.projects });
  await tx.studyRound.createMany({ data: parts.rounds });
  await tx.studyIndicator.createMany({ data: parts.indicators });
  await tx.studyFinding.createMany({ data: parts.findings });
  await tx.studyThemeLink.createMany({ data: parts.themes });
}

const ownColumns = (data: StudyData) => ({
  typeKey: data.typeKey,
  method: data.method,
  instruments: data.instruments,
  fieldworkStart: dateOf(data.fieldworkStart),
  fieldworkEnd: dateOf(data.fieldworkEnd),
  publishedOn: dateOf(data.publishedOn),
  authors: data.authors,
  commissionedBy: data.commissionedBy,
  pageCount: data.pageCount,
  visibility: data.visibility,
});

/** Files checked as evidence files are, and their text read, before anything is written. */
async function inspectFiles(files: StudyFileInput[]) {
  return Promise.all(
    files.map(async (file) => {
      const inspected = await inspectEvidenceFile(file);
      return { ...inspected, bytes: file.bytes, text: await readStudyDocumentText(inspected.mediaType, file.bytes) };
    }),
  );
}

type InspectedFile = Awaited<ReturnType<typeof inspectFiles>>[number];

async function keepFiles(tx: Tx, studyId: string, userId: string, files: InspectedFile[]) {
  for (const file of files) {
    const storageKey = `study/${studyId}/${randomUUID()}`;
    await evidenceStore.put(storageKey, file.bytes, tx);
    const created = await tx.studyFile.create({
      data: {
        studyId,
        fileName: file.fileName,
        mediaType: file.mediaType,
        size: file.bytes.length,
        sha256: file.sha256,
        storageKey,
        uploadedById: userId,
        textStatus: file.text.status,
      },
    });
    await keepDocumentText(tx, studyId, created.id, file.text);
    await recordAudit(tx, {
      action: "study.file.attach",
      entityType: "Study",
      entityId: studyId,
      actorUserId: userId,
      after: { fileId: created.id, fileName: file.fileName, mediaType: file.mediaType, size: file.bytes.length },
    });
  }
}

/**
 * Writes a study, its parts and its audit event in an open transaction (the filing form and the catalogue
 * import, which files many in one), after checking that everything it names exists.
 */
export async function insertStudy(tx: Tx, userId: string, data: StudyData): Promise<string> {
  await checkLinks(tx, data);
  const study = await tx.study.create({ data: { ...ownColumns(data), createdById: userId }, select: { id: true } });
  await writeParts(tx, study.id, data);
  await fillRoundsFromStudy(tx, userId, study.id, data);
  await recordAudit(tx, {
    action: "study.create",
    entityType: "Study",
    entityId: study.id,
    actorUserId: userId,
    after: data as unknown as Prisma.InputJsonValue,
  });
  return study.id;
}

/**
 * Files a study, all or nothing: its metadata, links, findings and documents. The principal must edit
 * studies in every project it is linked to (admins: any, and studies without projects).
 */
export async function createStudy(
  principal: Principal,
  input: unknown,
  files: StudyFileInput[] = [],
): Promise<StudyDetail> {
  const data = studyInput.parse(input);
  if (!canEditStudy(principal, data.projectIds)) throw new ForbiddenError("studies.edit");
  const userId = requireUserId(principal);
  const inspected = await inspectFiles(files);
  const id = await db().$transaction(async (tx) => {
    const studyId = await insertStudy(tx, userId, data);
    await keepFiles(tx, studyId, userId, inspected);
    return studyId;
  });
  const row = await db().study.findUniqueOrThrow({ where: { id }, select: detailSelect });
  return detail(principal, row);
}

/** Who may edit the study: null when it does not exist or the principal may not read it. */
async function studyAccess(principal: Principal | null, studyId: string) {
  const row = await db().study.findUnique({
    where: { id: studyId },
    select: { visibility: true, projects: { select: { projectId: true } } },
  });
  if (!row) return null;
  const access = { visibility: row.visibility, projectIds: row.projects.map((p) => p.projectId) };
  return canReadStudy(principal, access) ? access : null;
}

/** A study's metadata, links and findings as they are stored, in the shape of its input (the edit form's start, the audit's before). */
async function storedInput(tx: Pick<Tx, "study">, studyId: string) {
  const row = await tx.study.findUnique({
    where: { id: studyId },
    select: {
      ...studyFieldsSelect,
      version: true,
      places: { select: { locationId: true } },
      projects: { select: { projectId: true } },
      rounds: { select: { roundId: true } },
      indicators: { select: { indicatorId: true } },
      findings: { select: { language: true, statement: true, indicatorId: true }, orderBy: { position: "asc" } },
      themes: { select: { themeKey: true } },
    },
  });
  if (!row) return null;
  const data: StudyData = {
    typeKey: row.typeKey,
    texts: row.texts,
    method: row.method,
    instruments: row.instruments,
    fieldworkStart: dayOf(row.fieldworkStart),
    fieldworkEnd: dayOf(row.fieldworkEnd),
    publishedOn: dayOf(row.publishedOn),
    authors: row.authors,
    commissionedBy: row.commissionedBy,
    pageCount: row.pageCount,
    visibility: row.visibility,
    projectIds: row.projects.map((p) => p.projectId),
    locationIds: row.places.map((p) => p.locationId),
    roundIds: row.rounds.map((r) => r.roundId),
    indicatorIds: row.indicators.map((i) => i.indicatorId),
    themeKeys: row.themes.map((t) => t.themeKey),
    samples: row.samples,
    findings: row.findings,
  };
  return { version: row.version, data };
}

/** A study as its edit form starts from, with the version the edit names; null unless the principal edits it. */
export async function studyForEdit(principal: Principal, studyId: string) {
  const access = await studyAccess(principal, studyId);
  if (!access || !canEditStudy(principal, access.projectIds)) return null;
  return storedInput(db(), studyId);
}

/**
 * Replaces a study's metadata, links and findings (its files stay), as of the version that was read: a
 * save naming an older one is refused (StaleEdit), not applied. The principal must edit studies in every
 * project it was and will be linked to. Null when there is no such study for the principal.
 */
export async function updateStudy(
  principal: Principal,
  studyId: string,
  input: unknown,
  version: number,
): Promise<StudyDetail | null> {
  const access = await studyAccess(principal, studyId);
  if (!access) return null;
  const data = studyInput.parse(input);
  if (!canEditStudy(principal, [...new Set([...access.projectIds, ...data.projectIds])]))
    throw new ForbiddenError("studies.edit");
  const userId = requireUserId(principal);
  await db().$transaction(async (tx) => {
    const before = await storedInput(tx, studyId);
    if (!before) return;
    if (before.version !== version) throw new StaleEdit({ version: before.version });
    await checkLinks(tx, data);
    // Named by version, so that of two saves made on the same version only the first is applied.
    const updated = await tx.study.updateMany({
      where: { id: studyId, version },
      data: { ...ownColumns(data), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new StaleEdit({ version: before.version + 1 });
    const where = { studyId };
    await tx.studyText.deleteMany({ where });
    await tx.studySample.deleteMany({ where });
    await tx.studyPlace.deleteMany({ where });
    await tx.studyProject.deleteMany({ where });
    await tx.studyRound.deleteMany({ where });
    await tx.studyIndicator.deleteMany({ where });
    await tx.studyFinding.deleteMany({ where });
    await tx.studyThemeLink.deleteMany({ where });
    await writeParts(tx, studyId, data);
    await fillRoundsFromStudy(tx, userId, studyId, data);
    await followStudyLanguages(tx, studyId);
    await recordAudit(tx, {
      action: "study.update",
      entityType: "Study",
      entityId: studyId,
      actorUserId: userId,
      before: before.data as unknown as Prisma.InputJsonValue,
      after: data as unknown as Prisma.InputJsonValue,
    });
  });
  return readStudy(principal, studyId);
}

/** Adds documents to a study (checked as evidence files). Null when there is no such study for the principal. */
export async function attachStudyFiles(principal: Principal, studyId: string, files: StudyFileInput[]) {
  const access = await studyAccess(principal, studyId);
  if (!access) return null;
  if (!canEditStudy(principal, access.projectIds)) throw new ForbiddenError("studies.edit");
  const userId = requireUserId(principal);
  const inspected = await inspectFiles(files);
  await db().$transaction((tx) => keepFiles(tx, studyId, userId, inspected));
  return readStudy(principal, studyId);
}

/** Removes a document of a study (its bytes go with it). Null when there is no such study for the principal; false when no such file. */
export async function removeStudyFile(principal: Principal, studyId: string, fileId: string): Promise<boolean | null> {
  const access = await studyAccess(principal, studyId);
  if (!access) return null;
  if (!canEditStudy(principal, access.projectIds)) throw new ForbiddenError("studies.edit");
  const userId = requireUserId(principal);
  const row = await db().studyFile.findFirst({ where: { id: fileId, studyId } });
  if (!row) return false;
  await db().$transaction(async (tx) => {
    await tx.studyFile.delete({ where: { id: row.id } });
    await evidenceStore.remove(row.storageKey, tx);
    await recordAudit(tx, {
      action: "study.file.remove",
      entityType: "Study",
      entityId: studyId,
      actorUserId: userId,
      before: { fileId: row.id, fileName: row.fileName, mediaType: row.mediaType, size: row.size },
    });
  });
  return true;
}

/** One study as the principal (null: an anonymous visitor) may see it; null when it may not (or none). */
export async function readStudy(principal: Principal | null, studyId: string): Promise<StudyDetail | null> {
  const row = await db().study.findFirst({
    where: allOf<Prisma.StudyWhereInput>(readableStudiesWhere(principal), { id: studyId }),
    select: detailSelect,
  });
  return row ? detail(principal, row) : null;
}

/** One document of a study with its bytes, when the principal may read the study; null otherwise. */
export async function studyFile(principal: Principal | null, studyId: string, fileId: string) {
  return keptFile({
    id: fileId,
    study: allOf<Prisma.StudyWhereInput>(readableStudiesWhere(principal), { id: studyId }),
  });
}

/** The first document found, with its bytes from the store. */
async function keptFile(where: Prisma.StudyFileWhereInput) {
  const row = await db().studyFile.findFirst({ where });
  if (!row) return null;
  const bytes = await evidenceStore.get(row.storageKey);
  return bytes ? { fileName: row.fileName, mediaType: row.mediaType, bytes } : null;
}

/**
 * One document of a study shared with a donor link: the study must be its project's and shared with donors
 * (or public), as the donor report lists them; anything else (another project's, an internal study's) is
 * null, answered as not found.
 */
export async function sharedStudyFile(principal: SharePrincipal, studyId: string, fileId: string) {
  return keptFile({
    id: fileId,
    study: {
      id: studyId,
      visibility: { in: ["DONORS", "PUBLIC"] },
      projects: { some: { projectId: principal.projectId } },
    },
  });
}

/** The shipped (and added) types and themes, for forms and filters. */
export async function studyVocabulary() {
  const [types, themes] = await Promise.all([
    db().studyType.findMany({ orderBy: { sortOrder: "asc" } }),
    db().studyTheme.findMany({ orderBy: { key: "asc" } }),
  ]);
  return { types, themes };
}

/** The choices of the library's filters: types, themes, the countries of the studies the principal reads, its projects. */
export async function libraryFilters(principal: Principal) {
  const [vocabulary, countries, projects] = await Promise.all([
    studyVocabulary(),
    db().location.findMany({
      where: {
        level: "COUNTRY",
        isoCode: { not: null },
        studies: { some: { study: readableStudiesWhere(principal) } },
      },
      select: { isoCode: true, name: true },
      orderBy: { name: "asc" },
    }),
    db().project.findMany({
      where: readableProjectsWhere(principal),
      select: { id: true, code: true, name: true },
      orderBy: { code: "asc" },
    }),
  ]);
  return { ...vocabulary, countries, projects };
}

/** The choices of the filing form: the projects whose studies the user files, with their rounds and indicators, and the countries. */
export async function studyFormChoices(principal: Principal) {
  const projects = await db().project.findMany({
    where: allOf(readableProjectsWhere(principal), { archivedAt: null }),
    select: {
      id: true,
      code: true,
      name: true,
      surveyRounds: { select: { id: true, name: true }, orderBy: { startDate: "asc" } },
      indicators: {
        where: { archivedAt: null },
        select: { id: true, code: true, title: true },
        orderBy: { sortOrder: "asc" },
      },
    },
    orderBy: { code: "asc" },
  });
  const [vocabulary, countries] = await Promise.all([
    studyVocabulary(),
    db().location.findMany({
      where: { level: "COUNTRY", isoCode: { not: null } },
      select: { id: true, isoCode: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { ...vocabulary, countries, projects: projects.filter((p) => canEditStudy(principal, [p.id])) };
}

/**
 * The studies of a project the principal reads, newest first; with `sharedOnly`, those shared with its
 * donor links (or public) alone, as the donor report shows them to whoever reads it.
 */
export async function projectStudies(principal: Principal, projectId: string, options: { sharedOnly?: boolean } = {}) {
  // One statement: the study with its type, texts and files as JSON (readableStudiesSql: the same scope
  // as readableStudiesWhere, which the access matrix checks).
  const shared = options.sharedOnly ? Prisma.sql`AND s."visibility"::text IN ('DONORS', 'PUBLIC')` : Prisma.empty;
  const rows = await db().$queryRaw<ProjectStudyRow[]>`
    SELECT s."id", s."publishedOn", s."pageCount",
           json_build_object('key', t."key", 'nameEn', t."nameEn", 'nameEs', t."nameEs") AS "type",
           COALESCE((SELECT json_agg(json_build_object('language', x."language", 'title', x."title", 'abstract', x."abstract")
                                     ORDER BY x."language")
                       FROM "StudyText" x WHERE x."studyId" = s."id"), '[]'::json) AS "texts",
           COALESCE((SELECT json_agg(json_build_object('id', f."id", 'fileName', f."fileName") ORDER BY f."createdAt", f."id")
                       FROM "StudyFile" f WHERE f."studyId" = s."id"), '[]'::json) AS "files"
      FROM "Study" s
      JOIN "StudyType" t ON t."key" = s."typeKey"
     WHERE ${readableStudiesSql(principal)}
       AND EXISTS (SELECT 1 FROM "StudyProject" sp WHERE sp."studyId" = s."id" AND sp."projectId" = ${projectId})
       ${shared}
     ORDER BY s."publishedOn" DESC NULLS LAST, s."id" ASC
     LIMIT 100`;
  return rows.map((r) => ({ ...r, publishedOn: dayOf(r.publishedOn) }));
}

type ProjectStudyRow = {
  id: string;
  publishedOn: Date | null;
  pageCount: number | null;
  type: { key: string; nameEn: string; nameEs: string };
  texts: { language: string; title: string; abstract: string }[];
  files: { id: string; fileName: string }[];
};
