// Searching the library: the caller's scope AND the filters (type, country, theme, year, method, project)
// pick the studies; the words, when given, are matched in PostgreSQL's full-text search over titles,
// abstracts and key findings, each in its own language's configuration and once more without accents (the
// functions study_ts_query and study_ts_vector of the migration), best first, with a highlighted snippet.
import "server-only";
import type { Principal } from "@/lib/domain/permissions";
import { type StudySearch, studySearchInput } from "@/lib/domain/studies/input";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/platform/db";
import { allOf } from "@/lib/server/access/scoped-list";
import { readableStudiesWhere } from "./scope";

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

function filtersOf(search: StudySearch): Prisma.StudyWhereInput[] {
  const terms: Prisma.StudyWhereInput[] = [];
  if (search.type) terms.push({ typeKey: search.type });
  if (search.method) terms.push({ method: search.method });
  if (search.theme) terms.push({ themes: { some: { themeKey: search.theme } } });
  if (search.project) terms.push({ projects: { some: { projectId: search.project } } });
  if (search.country)
    terms.push({
      places: {
        some: { location: { OR: [{ isoCode: search.country }, { parent: { isoCode: search.country } }] } },
      },
    });
  if (search.year)
    terms.push({
      publishedOn: { gte: new Date(Date.UTC(search.year, 0, 1)), lt: new Date(Date.UTC(search.year + 1, 0, 1)) },
    });
  return terms;
}

type Hit = { id: string; rank: number; snippet: string };

/** The studies among `ids` whose texts or findings match the words, best first, with a snippet each. */
async function matching(ids: string[], q: string, limit: number): Promise<Hit[]> {
  const options = `MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=" … ", StartSel=${START}, StopSel=${STOP}`;
  return db().$queryRaw<Hit[]>`
    WITH hits AS (
      SELECT t."studyId" AS id, ts_rank(t."search", study_ts_query(t."language", ${q})) AS rank,
             ts_headline(study_ts_config(t."language"), t."title" || ' — ' || t."abstract",
                         study_ts_query(t."language", ${q}), ${options}) AS snippet
        FROM "StudyText" t
       WHERE t."studyId" = ANY(${ids}::text[]) AND t."search" @@ study_ts_query(t."language", ${q})
      UNION ALL
      SELECT f."studyId", ts_rank(f."search", study_ts_query(f."language", ${q})) * 0.5,
             ts_headline(study_ts_config(f."language"), f."statement", study_ts_query(f."language", ${q}), ${options})
        FROM "StudyFinding" f
       WHERE f."studyId" = ANY(${ids}::text[]) AND f."search" @@ study_ts_query(f."language", ${q})
    ), best AS (
      SELECT DISTINCT ON (id) id, rank::float8 AS rank, snippet FROM hits ORDER BY id, rank DESC
    )
    SELECT id, rank, snippet FROM best ORDER BY rank DESC, id LIMIT ${limit}`;
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
  const where = allOf<Prisma.StudyWhereInput>(readableStudiesWhere(principal), ...filtersOf(search));
  let hits: Hit[] | null = null;
  let ids: string[] | null = null;
  if (search.q) {
    const inScope = await db().study.findMany({ where, select: { id: true } });
    hits = await matching(
      inScope.map((s) => s.id),
      search.q,
      limit,
    );
    ids = hits.map((h) => h.id);
  }
  const rows = await db().study.findMany({
    where: ids ? allOf<Prisma.StudyWhereInput>(where, { id: { in: ids } }) : where,
    select: listSelect,
    orderBy: [{ publishedOn: { sort: "desc", nulls: "last" } }, { id: "asc" }],
    take: limit,
  });
  const items = rows.map(
    (row): StudyListItem => ({
      id: row.id,
      type: row.type,
      texts: row.texts,
      method: row.method,
      publishedOn: row.publishedOn ? row.publishedOn.toISOString().slice(0, 10) : null,
      visibility: row.visibility,
      countries: row.places.map((p) => p.location).filter((l) => l.level === "COUNTRY"),
      snippet: null,
    }),
  );
  if (!hits) return items;
  const byId = new Map(items.map((i) => [i.id, i]));
  return hits.flatMap((h) => {
    const item = byId.get(h.id);
    return item ? [{ ...item, snippet: snippetParts(h.snippet) }] : [];
  });
}
