import type { OptionPartial } from "@/lib/domain/engine/composition";
import type { Narrative } from "@/lib/domain/engine/summarize";
import { textMeasures } from "@/lib/domain/measures";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/platform/db";

type Row = Omit<OptionPartial, "resultCount" | "timeEnd"> & {
  indicatorId: string;
  timeEnd: Date;
  resultCount: bigint | number;
};

/**
 * The database does the heavy part: the results of the projects' indicators summed per indicator,
 * location, period or round, and disaggregation option (null: the total). The indicator engine
 * combines these few rows. Only the given review statuses count. `totalsOnly`: leave out the options'
 * sums, except of indicators others are composed from (for overall figures only, e.g. the portfolio).
 * `approvedBy`: only values reviewed by then (the figures a report made at that moment showed).
 * `indicatorIds`: only these indicators' sums (the library roll-up reads one indicator of each project).
 */
export async function projectResultPartials(
  prisma: Db,
  projectIds: string[],
  statuses: string[],
  {
    totalsOnly = false,
    approvedBy,
    indicatorIds,
  }: { totalsOnly?: boolean; approvedBy?: Date; indicatorIds?: string[] } = {},
): Promise<Map<string, OptionPartial[]>> {
  const by = approvedBy ?? null;
  // Without `indicatorIds` the statement is the same text as ever (the same plans).
  const onlyThese = indicatorIds ? Prisma.sql`AND r."indicatorId" = ANY(${indicatorIds}::text[])` : Prisma.empty;
  // Summed per cell first, then each cell's period or round end joined: a join per value made the
  // planner misjudge the rows (a text-cast status hid the index) and cost 3x a plain GROUP BY.
  const rows = await prisma.$queryRaw<Row[]>`
    WITH sums AS (
      SELECT r."indicatorId", r."locationId", r."optionId", r."periodId", r."roundId",
             SUM(r."value") AS "value",
             SUM(r."numerator") AS "numerator",
             SUM(r."denominator") AS "denominator",
             SUM(r."value" * COALESCE(r."weightSum", r."sampleSize")) AS "weightedValue",
             SUM(COALESCE(r."weightSum", r."sampleSize")) AS "weight",
             SUM(COALESCE(r."weightSum", r."sampleSize") ^ 2 / NULLIF(r."sampleSize", 0)) AS "weightSquares",
             SUM(r."sampleSize") AS "sampleSize",
             COUNT(*) AS "resultCount"
      FROM "Result" r
      WHERE r."indicatorId" IN (SELECT "id" FROM "Indicator" WHERE "projectId" = ANY(${projectIds}))
        AND r."status" = ANY(${statuses}::"ReviewStatus"[])
        AND (r."periodId" IS NOT NULL OR r."roundId" IS NOT NULL)
        AND (${by}::timestamptz IS NULL OR r."reviewedAt" <= ${by}::timestamptz)
        AND (NOT ${totalsOnly} OR r."optionId" IS NULL
             OR r."indicatorId" IN (SELECT "composedFromId" FROM "Indicator" WHERE "projectId" = ANY(${projectIds})))
        ${onlyThese}
      GROUP BY 1, 2, 3, 4, 5
    )
    SELECT c."indicatorId", c."locationId", c."optionId",
           COALESCE(c."periodId", c."roundId") AS "timeId",
           COALESCE(p."endDate", s."endDate") AS "timeEnd",
           c."value", c."numerator", c."denominator", c."weightedValue", c."weight", c."weightSquares", c."sampleSize", c."resultCount"
    FROM sums c
    LEFT JOIN "ReportingPeriod" p ON p."id" = c."periodId"
    LEFT JOIN "SurveyRound" s ON s."id" = c."roundId"`;
  const byIndicator = new Map<string, OptionPartial[]>();
  for (const { indicatorId, ...row } of rows) {
    const list = byIndicator.get(indicatorId) ?? [];
    list.push({ ...row, timeEnd: new Date(row.timeEnd), resultCount: Number(row.resultCount) });
    byIndicator.set(indicatorId, list);
  }
  return byIndicator;
}

type NarrativeRow = {
  indicatorId: string;
  locationId: string;
  periodId: string | null;
  roundId: string | null;
  optionId: string | null;
  textValue: string | null;
};

/**
 * The texts of a project's values (qualitative indicators' narratives, or any value's text) with the
 * given review statuses, per indicator. One value per cell, so each is the latest for its place and time.
 */
export async function projectNarratives(
  prisma: Db,
  projectIds: string[],
  statuses: string[],
  approvedBy?: Date,
): Promise<Map<string, Narrative[]>> {
  const by = approvedBy ?? null;
  // Raw, so the projects are one array parameter (Prisma's `in` sends one parameter per id).
  const rows = await prisma.$queryRaw<NarrativeRow[]>`
    SELECT r."indicatorId", r."locationId", r."periodId", r."roundId", r."optionId", r."textValue"
    FROM "Result" r JOIN "Indicator" i ON i."id" = r."indicatorId"
    WHERE i."projectId" = ANY(${projectIds}::text[])
      AND i."measure"::text = ANY(${[...textMeasures]}::text[])
      AND r."status" = ANY(${statuses}::"ReviewStatus"[])
      AND r."textValue" IS NOT NULL
      AND (${by}::timestamptz IS NULL OR r."reviewedAt" <= ${by}::timestamptz)`;
  const byIndicator = new Map<string, Narrative[]>();
  for (const r of rows) {
    const timeId = r.periodId ?? r.roundId;
    if (!timeId || !r.textValue?.trim()) continue;
    const list = byIndicator.get(r.indicatorId) ?? [];
    list.push({ locationId: r.locationId, timeId, optionId: r.optionId, text: r.textValue });
    byIndicator.set(r.indicatorId, list);
  }
  return byIndicator;
}
