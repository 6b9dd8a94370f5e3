// Searching the library: the caller's scope AND the filters (type, country, theme, year, method, project)
// pick the studies; the words, when given, are matched in PostgreSQL's full-text search over titles,
// abstracts, key findings and the text of the documents (StudyFileText, read when they were attached), each
// in its own language's configuration and once more without accents (the functions study_ts_query… of the
// migrations), best first, with a highlighted snippet (and, from a document, its file and page). Scope,
// filters and words are one SQL query: the text indexes find the matches and the scope is checked on them,
// never a list of every readable id first.
import "server-only";
import type { Principal } from "@/lib/domain/permissions";
import { type StudySearch, studySearchInput } from "@/lib/domain/studies/input";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/platform/db";
import { readableStudiesSql } from "./scope";

/** A piece of a snippet: the words that matched are `hit`. */
export type SnippetPart = { text: string; hit: boolean };

export type StudyListItem = {
  id: string;
  type: { key: string; nameEn: string; nameEs: string };
  texts: { language: string; title: string }[];
  method: string | null;
  publishedOn: string | null;
  visibility: string;
  countries: { isoCode: string | null; name: string }[];
  snippet: SnippetPart[] | null;
  /** The document the snippet is from (page: a PDF's, from 1; null for a DOCX), or null: titles, abstracts, findings. */
  snippetFile: { id: string; fileName: string; page: number | null } | null;
};

const START = "\u0002";
const STOP = "\u0003";

/** ts_headline's text split at its markers (never HTML: the text is whoever filed the study's). */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const chunk of headline.split(START)) {
    const [hit, rest] = chunk.includes(STOP) ? chunk.split(STOP, 2) : [null, chunk];
    if (hit) parts.push({ text: hit, hit: true });
    if (rest) parts.push({ text: rest, hit: false });
  }
  return parts;
}

/** The filters as SQL conditions on the study aliased `s`. */
function filtersSql(search: StudySearch): Prisma.Sql[] {
  const terms: Prisma.Sql[] = [];
  if (search.type) terms.push(Prisma.sql`s."typeKey" = ${search.type}`);
  if (search.method) terms.push(Prisma.sql`s."method"::text = ${search.method}`);
  if (search.theme)
    terms.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "StudyThemeLink" x WHERE x."studyId" = s."id" AND x."themeKey" = ${search.theme})`,
    );
  if (search.project)
    terms.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "StudyProject" x WHERE x."studyId" = s."id" AND x."projectId" = ${search.project})`,
    );
  if (search.country)
    // The country itself or a place in it (a region).
    terms.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "StudyPlace" x JOIN "Location" l ON l."id" = x."locationId" LEFT JOIN "Location" up ON up."id" = l."parentId"
       WHERE x."studyId" = s."id" AND (l."isoCode" = ${search.country} OR up."isoCode" = ${search.country}))`);
  if (search.year)
    terms.push(
      Prisma.sql`s."publishedOn" >= make_date(${search.year}::int, 1, 1) AND s."publishedOn" < make_date(${search.year}::int + 1, 1, 1)`,
    );
  return terms;
}

/** The caller's scope AND the filters, on the study aliased `s`: the one WHERE of the search and its count. */
function scopeAndFiltersSql(principal: Principal | null, search: StudySearch): Prisma.Sql {
  return Prisma.join([readableStudiesSql(principal), ...filtersSql(search)], " AND ");
}

/**
 * How many studies the search finds in all (the page shows `limit` of them): the same scope and filters,
 * and the words matched in the same texts (titles and abstracts, findings, documents), each an EXISTS the
 * GIN indexes answer, without ranking or snippets (most of the search's cost).
 */
async function countHits(principal: Principal | null, search: StudySearch): Promise<number> {
  const terms = [scopeAndFiltersSql(principal, search)];
  if (search.q) {
    const q = search.q;
    terms.push(Prisma.sql`(
      EXISTS (SELECT 1 FROM "StudyText" t WHERE t."studyId" = s."id" AND t."search" @@ study_ts_query_all(${q}))
      OR EXISTS (SELECT 1 FROM "StudyFinding" f WHERE f."studyId" = s."id" AND f."search" @@ study_ts_query_all(${q}))
      OR EXISTS (SELECT 1 FROM "StudyFileText" d WHERE d."studyId" = s."id" AND d."search" @@ study_ts_query_all(${q})))`);
  }
  const [row] = await db().$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM "Study" s WHERE ${Prisma.join(terms, " AND ")}`;
  return row?.total ?? 0;
}

/** How many times the page's size of studies, best by their titles, abstracts and findings, have their documents ranked too. */
const LIFT = 4;

type Hit = { id: string; rank: number | null; snippet: string | null; fileId: string | null; page: number | null };

/**
 * The studies in scope that pass the filters, best first when there are words (with a snippet from the
 * best-ranked of their matching texts, findings and document parts), newest first otherwise.
 */
function studyHits(principal: Principal | null, search: StudySearch, limit: number) {
  const where = scopeAndFiltersSql(principal, search);
  if (!search.q) {
    return db().$queryRaw<Hit[]>`
      SELECT s."id", NULL::float8 AS rank, NULL::text AS snippet, NULL::text AS "fileId", NULL::int AS page
        FROM "Study" s WHERE ${where}
       ORDER BY s."publishedOn" DESC NULLS LAST, s."id" LIMIT ${limit}`;
  }
  const q = search.q;
  const options = `MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=" … ", StartSel=${START}, StopSel=${STOP}`;
  // One query in every language's configuration (study_ts_query_all), the same value for every row: the
  // GIN indexes find the matches and ts_rank ranks them without a query made per row (a query in each
  // row's own language cost more than the whole search). The scope is a term of each source's scan, so
  // no study out of scope is ranked. Ranking is most of a common word's cost, the documents' long parts
  // most of that: titles, abstracts and findings are ranked for every match, document parts only for the
  // studies that can be in the page, the LIFT best by those (a document counts 0.3 of a title: it lifts
  // a study, but from far below the page's last hit rarely) and those matched in their documents only.
  // The snippets, made for the page's hits only, highlight the words in the text's own language.
  return db().$queryRaw<Hit[]>`
    WITH texts AS (
      SELECT t."studyId" AS id, 'text' AS source, t."id" AS part, ts_rank(t."search", study_ts_query_all(${q})) AS rank
        FROM "StudyText" t JOIN "Study" s ON s."id" = t."studyId"
       WHERE t."search" @@ study_ts_query_all(${q}) AND ${where}
      UNION ALL
      SELECT f."studyId", 'finding', f."id", ts_rank(f."search", study_ts_query_all(${q})) * 0.5
        FROM "StudyFinding" f JOIN "Study" s ON s."id" = f."studyId"
       WHERE f."search" @@ study_ts_query_all(${q}) AND ${where}
    ), text_best AS (
      SELECT DISTINCT ON (id) id, source, part, rank::float8 AS rank FROM texts ORDER BY id, rank DESC
    ), lifted AS (
      (SELECT id FROM text_best ORDER BY rank DESC, id LIMIT ${limit * LIFT})
      UNION
      -- Studies with no such text are left first, then their documents' matches looked up (the other way
      -- round, a common word's every document part was read to find the few not matched by their texts).
      SELECT s."id" FROM "Study" s
       WHERE ${where} AND NOT EXISTS (SELECT 1 FROM text_best b WHERE b.id = s."id")
         AND s."id" IN (SELECT d."studyId" FROM "StudyFileText" d WHERE d."search" @@ study_ts_query_all(${q}))
    ), docs AS (
      SELECT DISTINCT ON (d."studyId") d."studyId" AS id, 'document' AS source, d."id" AS part,
             (ts_rank(d."search", study_ts_query_all(${q})) * 0.3)::float8 AS rank
        FROM "StudyFileText" d
       WHERE d."studyId" IN (SELECT id FROM lifted) AND d."search" @@ study_ts_query_all(${q})
       ORDER BY d."studyId", rank DESC
    ), best AS (
      SELECT DISTINCT ON (id) * FROM (SELECT * FROM text_best UNION ALL SELECT * FROM docs) a ORDER BY id, rank DESC
    ), top AS (
      SELECT * FROM best ORDER BY rank DESC, id LIMIT ${limit}
    )
    SELECT top.id, top.rank,
           CASE top.source
             WHEN 'text' THEN (SELECT ts_headline(study_ts_config(t."language"), t."title" || ' — ' || t."abstract",
                                                  study_ts_query(t."language", ${q}), ${options})
                                 FROM "StudyText" t WHERE t."id" = top.part)
             WHEN 'finding' THEN (SELECT ts_headline(study_ts_config(f."language"), f."statement",
                                                     study_ts_query(f."language", ${q}), ${options})
                                    FROM "StudyFinding" f WHERE f."id" = top.part)
             ELSE (SELECT ts_headline(study_ts_config(d."languages"[1]), d."text",
                                      study_ts_query_any(d."languages", ${q}), ${options})
                     FROM "StudyFileText" d WHERE d."id" = top.part)
           END AS snippet,
           d."fileId", d."page"
      FROM top LEFT JOIN "StudyFileText" d ON top.source = 'document' AND d."id" = top.part
     ORDER BY top.rank DESC, top.id`;
}

const listSelect = {
  id: true,
  method: true,
  publishedOn: true,
  visibility: true,
  type: { select: { key: true, nameEn: true, nameEs: true } },
  texts: { select: { language: true, title: true }, orderBy: { language: "asc" } },
  places: { select: { location: { select: { isoCode: true, name: true, level: true } } } },
} satisfies Prisma.StudySelect;

/**
 * The studies the principal (null: an anonymous visitor) may read that pass the filters and, when words
 * are given, match them: best first then; newest first otherwise.
 */
export async function searchStudies(principal: Principal | null, query: unknown, limit = 50): Promise<StudyListItem[]> {
  const search = studySearchInput.parse(query);
  const hits = await studyHits(principal, search, limit);
  const ids = hits.map((h) => h.id);
  const fileIds = hits.flatMap((h) => h.fileId ?? []);
  const [rows, files] = await Promise.all([
    db().study.findMany({ where: { id: { in: ids } }, select: listSelect }),
    fileIds.length
      ? db().studyFile.findMany({ where: { id: { in: fileIds } }, select: { id: true, fileName: true } })
      : [],
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const fileNames = new Map(files.map((f) => [f.id, f.fileName]));
  return hits.flatMap((hit): StudyListItem[] => {
    const row = byId.get(hit.id);
    if (!row) return [];
    return [
      {
        id: row.id,
        type: row.type,
        texts: row.texts,
        method: row.method,
        publishedOn: row.publishedOn ? row.publishedOn.toISOString().slice(0, 10) : null,
        visibility: row.visibility,
        countries: row.places.map((p) => p.location).filter((l) => l.level === "COUNTRY"),
        snippet: hit.snippet === null ? null : snippetParts(hit.snippet),
        snippetFile: hit.fileId ? { id: hit.fileId, fileName: fileNames.get(hit.fileId) ?? "", page: hit.page } : null,
      },
    ];
  });
}

/** A page of the search and how many studies it finds in all (the page is at most `limit` of them). */
export async function searchStudyPage(
  principal: Principal | null,
  query: unknown,
  limit = 50,
): Promise<{ studies: StudyListItem[]; total: number }> {
  const search = studySearchInput.parse(query);
  const [studies, total] = await Promise.all([searchStudies(principal, search, limit), countHits(principal, search)]);
  return { studies, total };
}
