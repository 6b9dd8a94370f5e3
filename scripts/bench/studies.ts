// The evaluations library's search at scale: N synthetic studies (BENCH_STUDIES, 1,000 by default; the
// issue's figure is 10,000), each with a Spanish and an English title and abstract and a page of document
// text, linked to the portfolio's projects, a third of them public. The search (lib/server/studies/search.ts)
// is timed with its GIN indexes, then the same searches with those indexes dropped (every row's words read),
// for an admin and for a member of a few projects (the scope is a term of the same SQL query).
import type { Principal } from "@/lib/domain/permissions";
import type { Db } from "@/lib/platform/db";
import { searchStudies } from "@/lib/server/studies/search";

const WORDS_ES = [
  "evaluación",
  "migrantes",
  "salud",
  "familias",
  "encuesta",
  "protección",
  "comunidad",
  "mujeres",
  "niños",
  "frontera",
  "empleo",
  "vivienda",
  "educación",
  "violencia",
  "participación",
  "acceso",
  "servicios",
  "región",
];
const WORDS_EN = [
  "evaluation",
  "migrants",
  "health",
  "families",
  "survey",
  "protection",
  "community",
  "women",
  "children",
  "border",
  "employment",
  "housing",
  "education",
  "violence",
  "participation",
  "access",
  "services",
  "region",
];

/** A deterministic sentence of `n` words from `words` (so every run searches the same library). */
function sentence(words: string[], seed: number, n: number): string {
  return Array.from({ length: n }, (_, i) => words[(seed * 7 + i * 13 + ((seed >> 3) % 5)) % words.length]).join(" ");
}

const INDEXES = [
  ["StudyText_search_idx", "StudyText"],
  ["StudyFinding_search_idx", "StudyFinding"],
  ["StudyFileText_search_idx", "StudyFileText"],
] as const;

export async function seedStudies(prisma: Db, count: number, projectIds: string[]) {
  const BATCH = 500;
  for (let start = 0; start < count; start += BATCH) {
    const ids = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => `bench-study-${start + i}`);
    await prisma.study.createMany({
      data: ids.map((id, i) => ({
        id,
        typeKey: "evaluation",
        visibility: (start + i) % 3 === 0 ? ("PUBLIC" as const) : ("INTERNAL" as const),
        publishedOn: new Date(Date.UTC(2010 + ((start + i) % 15), (start + i) % 12, 1)),
      })),
    });
    await prisma.studyProject.createMany({
      data: ids.map((studyId, i) => ({ studyId, projectId: projectIds[(start + i) % projectIds.length] ?? "" })),
    });
    // One study in 500 carries a rare word ("quimbayal") in its abstract, another in its document only.
    await prisma.studyText.createMany({
      data: ids.flatMap((studyId, i) => {
        const n = start + i;
        const rare = n % 500 === 0 ? " quimbayal" : "";
        return [
          {
            studyId,
            language: "es",
            title: `Estudio ${n}: ${sentence(WORDS_ES, n, 6)}`,
            abstract: sentence(WORDS_ES, n + 1, 60) + rare,
          },
          {
            studyId,
            language: "en",
            title: `Study ${n}: ${sentence(WORDS_EN, n, 6)}`,
            abstract: sentence(WORDS_EN, n + 1, 60),
          },
        ];
      }),
    });
    await prisma.studyFile.createMany({
      data: ids.map((studyId) => ({
        id: `${studyId}-file`,
        studyId,
        fileName: "report.pdf",
        mediaType: "application/pdf",
        size: 1,
        sha256: "0",
        storageKey: `bench/${studyId}`,
        textStatus: "SEARCHABLE" as const,
      })),
    });
    await prisma.studyFileText.createMany({
      data: ids.map((studyId, i) => ({
        studyId,
        fileId: `${studyId}-file`,
        position: 0,
        page: 1,
        languages: ["es", "en"],
        text: sentence(WORDS_ES, start + i + 2, 300) + ((start + i) % 500 === 250 ? " zarumillense" : ""),
      })),
    });
  }
}

type Timer = (run: () => Promise<unknown>) => Promise<number>;
export type StudySearchRow = { what: string; withIndex: number; withoutIndex: number; found: number };

/** The matching step alone: the texts and document parts holding the words (what the GIN indexes answer). */
const matches = (prisma: Db, q: string) => prisma.$queryRaw`
  SELECT (SELECT count(*) FROM "StudyText" WHERE "search" @@ study_ts_query_all(${q}))
       + (SELECT count(*) FROM "StudyFileText" WHERE "search" @@ study_ts_query_all(${q})) AS n`;

/** Each search timed with the GIN indexes and again without them (dropped, then made again). */
export async function benchStudySearch(prisma: Db, median: Timer, admin: Principal, member: Principal) {
  const searches: [string, Principal, string][] = [
    ["a rare word (in 1 study of 500), admin", admin, "quimbayal"],
    ["a rare word in documents only, member of 3 projects", member, "zarumillense"],
    ["two common words (best 50), member of 3 projects", member, "violencia frontera"],
    ["two common words (best 50), admin (every study in scope)", admin, "violencia frontera"],
  ];
  const time = async () => {
    const rows: { ms: number; found: number }[] = [];
    for (const [, principal, q] of searches) {
      const found = (await searchStudies(principal, { q })).length;
      rows.push({ ms: await median(() => searchStudies(principal, { q })), found });
    }
    for (const q of new Set(searches.map(([, , q]) => q)))
      rows.push({ ms: await median(() => matches(prisma, q)), found: 0 });
    return rows;
  };
  // As autovacuum would have: the rows just written are merged from the GIN indexes' pending lists (which
  // every search reads through until then) and the planner's statistics are taken.
  for (const [, table] of INDEXES) await prisma.$executeRawUnsafe(`VACUUM ANALYZE "${table}"`);
  const indexed = await time();
  const definitions = await prisma.$queryRaw<{ indexdef: string }[]>`
    SELECT indexdef FROM pg_indexes WHERE indexname IN (${INDEXES[0][0]}, ${INDEXES[1][0]}, ${INDEXES[2][0]})`;
  for (const [name] of INDEXES) await prisma.$executeRawUnsafe(`DROP INDEX "${name}"`);
  const unindexed = await time();
  for (const { indexdef } of definitions) await prisma.$executeRawUnsafe(indexdef);
  const whats = [
    ...searches.map(([what]) => what),
    ...[...new Set(searches.map(([, , q]) => q))].map((q) => `its matching step alone ("${q}")`),
  ];
  return whats.map(
    (what, i): StudySearchRow => ({
      what,
      withIndex: indexed[i]?.ms ?? Number.NaN,
      withoutIndex: unindexed[i]?.ms ?? Number.NaN,
      found: indexed[i]?.found ?? 0,
    }),
  );
}
