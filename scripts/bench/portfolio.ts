// The benchmark's synthetic portfolio, shaped like a real NGO's: projects in 5 countries, each with
// 15 indicators (10 monthly counts disaggregated by sex and age, 5 survey percentages by sex over a
// baseline, midline and endline) in 5 to 10 regions. 300 projects hold about 1,400,000 approved results.
// Structure goes in through Prisma; results with one INSERT … SELECT per project (the database makes
// the rows), so a million rows load in seconds. The same project index always has the same shape.
import type { Db } from "@/lib/platform/db";

const COUNTRIES = 5;
const REGIONS_PER_COUNTRY = 10;
const COUNT_INDICATORS = 10;
const SURVEY_INDICATORS = 5;
const MONTHS = 12;

/** Regions of project n: 5 to 10; every sixth project has the most. */
const regionsOf = (n: number) => 5 + (n % 6);

export type Portfolio = {
  projectIds: string[];
  /** A project with the most regions (the largest). */
  largestId: string;
  /** Another project (of the same size when there is one): the import's, so the largest stays as loaded. */
  spareId: string;
  results: number;
};

async function catalogue(prisma: Db) {
  const countries = await prisma.location.createManyAndReturn({
    data: Array.from({ length: COUNTRIES }, (_, c) => ({
      level: "COUNTRY" as const,
      name: `Country ${c + 1}`,
      isoCode: `X${String.fromCharCode(65 + c)}`,
    })),
  });
  const regions = await prisma.location.createManyAndReturn({
    data: countries.flatMap((country, c) =>
      Array.from({ length: REGIONS_PER_COUNTRY }, (_, r) => ({
        level: "ADMIN1" as const,
        name: `Region ${c + 1}.${r + 1}`,
        parentId: country.id,
      })),
    ),
  });
  const dimension = (key: string, name: string, options: string[]) =>
    prisma.disaggregationDimension.create({
      data: {
        key,
        name,
        options: { create: options.map((o, sortOrder) => ({ key: o.toLowerCase(), name: o, sortOrder })) },
      },
    });
  const sex = await dimension("sex", "Sex", ["Female", "Male"]);
  const age = await dimension("age", "Age", ["Under 25", "25 and over"]);
  return { countries, regions, sex, age };
}

async function seedProject(prisma: Db, n: number, places: Awaited<ReturnType<typeof catalogue>>) {
  const country = places.countries[n % COUNTRIES];
  if (!country) throw new Error("no country");
  const regions = places.regions.filter((r) => r.parentId === country.id).slice(0, regionsOf(n));
  const project = await prisma.project.create({
    data: {
      code: `P${String(n + 1).padStart(3, "0")}`,
      name: `Programme ${n + 1}`,
      startDate: new Date("2025-01-01"),
      endDate: new Date("2025-12-31"),
      reportingFrequency: "MONTHLY",
      locations: { create: [country, ...regions].map((l) => ({ locationId: l.id })) },
      resultNodes: { create: { level: "OUTCOME", code: "1", title: "Outcome 1" } },
      periods: {
        create: Array.from({ length: MONTHS }, (_, m) => ({
          label: `2025-${String(m + 1).padStart(2, "0")}`,
          startDate: new Date(Date.UTC(2025, m, 1)),
          endDate: new Date(Date.UTC(2025, m + 1, 0)),
        })),
      },
      surveyRounds: {
        create: (["BASELINE", "MIDLINE", "ENDLINE"] as const).map((type, r) => ({
          type,
          name: type.toLowerCase(),
          mode: "IN_PERSON",
          startDate: new Date(Date.UTC(2025, r * 5, 1)),
          endDate: new Date(Date.UTC(2025, r * 5 + 1, 0)),
        })),
      },
    },
    include: { resultNodes: true },
  });
  const node = project.resultNodes[0];
  if (!node) throw new Error("no result node");
  const indicators = await prisma.indicator.createManyAndReturn({
    data: Array.from({ length: COUNT_INDICATORS + SURVEY_INDICATORS }, (_, k) => ({
      projectId: project.id,
      resultNodeId: node.id,
      code: `1.${k + 1}`,
      title: k < COUNT_INDICATORS ? `People reached, activity ${k + 1}` : `Households practising behaviour ${k + 1}`,
      measure: k < COUNT_INDICATORS ? ("COUNT" as const) : ("PERCENTAGE" as const),
      timeRule: k % 3 === 1 ? ("CUMULATIVE" as const) : ("NON_CUMULATIVE" as const),
      source: k < COUNT_INDICATORS ? ("MONITORING" as const) : ("SURVEY" as const),
      sortOrder: k,
    })),
  });
  await prisma.indicatorDimension.createMany({
    data: indicators.flatMap((i) => [
      { indicatorId: i.id, dimensionId: places.sex.id },
      ...(i.measure === "COUNT" ? [{ indicatorId: i.id, dimensionId: places.age.id }] : []),
    ]),
  });
  await prisma.target.createMany({
    data: indicators.flatMap((i) =>
      regions.map((r) =>
        i.measure === "COUNT"
          ? { indicatorId: i.id, locationId: r.id, value: 12_000 }
          : { indicatorId: i.id, locationId: r.id, numerator: 60, denominator: 100 },
      ),
    ),
  });
  // Every cell of the project: counts per month (total, each sex, each age band), percentages per
  // round (total, each sex). Figures vary by cell with a hash, so no two projects are alike.
  const inserted = await prisma.$executeRaw`
    WITH cells AS (
      SELECT i."id" AS "indicatorId", i."measure", pl."locationId", t."periodId", t."roundId",
             40 + abs(hashtext(i."id" || pl."locationId" || COALESCE(t."periodId", t."roundId"))) % 1000 AS total
      FROM "Indicator" i
      JOIN "ProjectLocation" pl ON pl."projectId" = i."projectId"
      JOIN "Location" l ON l."id" = pl."locationId" AND l."level" = 'ADMIN1'
      JOIN (SELECT "id" AS "periodId", NULL AS "roundId", "projectId", 'COUNT'::"Measure" AS "measure" FROM "ReportingPeriod"
            UNION ALL
            SELECT NULL, "id", "projectId", 'PERCENTAGE'::"Measure" FROM "SurveyRound") t
        ON t."projectId" = i."projectId" AND t."measure" = i."measure"
      WHERE i."projectId" = ${project.id}
    ),
    parts AS (
      SELECT NULL::text AS "optionId", 1.0 AS share, 'both' AS "for"
      UNION ALL
      SELECT o."id", CASE o."sortOrder" WHEN 0 THEN 0.55 ELSE 0.45 END, d."key"
      FROM "DisaggregationOption" o JOIN "DisaggregationDimension" d ON d."id" = o."dimensionId"
    )
    INSERT INTO "Result" ("id", "indicatorId", "periodId", "roundId", "locationId", "optionId",
                          "value", "numerator", "denominator", "status", "updatedAt")
    SELECT gen_random_uuid()::text, c."indicatorId", c."periodId", c."roundId", c."locationId", p."optionId",
           CASE WHEN c."measure" = 'COUNT' THEN round(c.total * p.share) END,
           CASE WHEN c."measure" = 'PERCENTAGE' THEN round(c.total * p.share * 0.6) END,
           CASE WHEN c."measure" = 'PERCENTAGE' THEN round(c.total * p.share) END,
           'APPROVED', now()
    FROM cells c
    JOIN parts p ON p."for" = 'both' OR p."for" = 'sex' OR (p."for" = 'age' AND c."measure" = 'COUNT')`;
  return { id: project.id, results: inserted, regions: regions.length };
}

/** Loads a portfolio of `size` projects into an empty, migrated database. */
export async function seedPortfolio(prisma: Db, size: number): Promise<Portfolio> {
  const places = await catalogue(prisma);
  const projectIds: string[] = [];
  let largest = { id: "", regions: 0 };
  let spare = { id: "", regions: 0 };
  let results = 0;
  for (let n = 0; n < size; n++) {
    const project = await seedProject(prisma, n, places);
    projectIds.push(project.id);
    results += project.results;
    if (project.regions > largest.regions) largest = project;
    else if (project.regions >= spare.regions) spare = project;
  }
  await prisma.$executeRawUnsafe(`ANALYZE`);
  return { projectIds, largestId: largest.id, spareId: spare.id || largest.id, results };
}
