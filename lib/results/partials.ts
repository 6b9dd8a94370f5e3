import type { Db } from "@/lib/db";
import type { ResultPartial } from "@/lib/indicators";

export type PartialsQuery = {
  indicatorId: string;
  /** Count submitted results too (a manager's preview); approved ones always count. */
  includeSubmitted?: boolean;
  /** Only results of this survey round. */
  roundId?: string;
};

type Row = {
  locationId: string;
  timeId: string;
  timeEnd: Date;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  weightedValue: number | null;
  sampleSize: number | null;
  resultCount: bigint | number;
};

/**
 * The database does the heavy part: totals (no disaggregation option) of one indicator's results,
 * summed per location and period or round. The indicator engine combines these few rows.
 */
export async function resultPartials(prisma: Db, query: PartialsQuery): Promise<ResultPartial[]> {
  const statuses = query.includeSubmitted ? ["APPROVED", "SUBMITTED"] : ["APPROVED"];
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT r."locationId",
           COALESCE(r."periodId", r."roundId") AS "timeId",
           COALESCE(p."endDate", s."endDate") AS "timeEnd",
           SUM(r."value") AS "value",
           SUM(r."numerator") AS "numerator",
           SUM(r."denominator") AS "denominator",
           SUM(r."value" * r."sampleSize") AS "weightedValue",
           SUM(r."sampleSize")::float8 AS "sampleSize",
           COUNT(*) AS "resultCount"
    FROM "Result" r
    LEFT JOIN "ReportingPeriod" p ON p."id" = r."periodId"
    LEFT JOIN "SurveyRound" s ON s."id" = r."roundId"
    WHERE r."indicatorId" = ${query.indicatorId}
      AND r."optionId" IS NULL
      AND r."status"::text = ANY(${statuses})
      AND (${query.roundId ?? null}::text IS NULL OR r."roundId" = ${query.roundId ?? null})
    GROUP BY 1, 2, 3`;
  return rows.map((row) => ({ ...row, timeEnd: new Date(row.timeEnd), resultCount: Number(row.resultCount) }));
}
