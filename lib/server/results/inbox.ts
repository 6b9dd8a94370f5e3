import "server-only";
import { can, type UserPrincipal } from "@/lib/domain/permissions";
// What waits for someone, across their projects: values returned to an evaluator (by the last person
// to save them) and values waiting for a manager's review, by project and period or round. Counted in
// one query, cheap enough for the header of every page.
import { db } from "@/lib/platform/db";

export type InboxItem = {
  kind: "returned" | "toReview";
  projectId: string;
  project: string;
  timeId: string;
  time: string;
  count: number;
};

type Row = Omit<InboxItem, "count"> & { count: bigint; starts: Date | null };

export async function inbox(user: UserPrincipal): Promise<InboxItem[]> {
  const projects = Object.keys(user.roles);
  const reviewing = projects.filter((id) => can(user, "results.review", id));
  const entering = projects.filter((id) => can(user, "results.enter", id));
  if (reviewing.length === 0 && entering.length === 0) return [];
  const rows = await db().$queryRaw<Row[]>`
    SELECT CASE WHEN r."status"::text = 'RETURNED' THEN 'returned' ELSE 'toReview' END AS "kind",
           pr."id" AS "projectId", pr."name" AS "project",
           COALESCE(r."periodId", r."roundId") AS "timeId",
           COALESCE(p."label", s."name") AS "time",
           COUNT(*) AS "count",
           MIN(COALESCE(p."startDate", s."startDate")) AS "starts"
    FROM "Result" r
    JOIN "Indicator" i ON i."id" = r."indicatorId"
    JOIN "Project" pr ON pr."id" = i."projectId"
    LEFT JOIN "ReportingPeriod" p ON p."id" = r."periodId"
    LEFT JOIN "SurveyRound" s ON s."id" = r."roundId"
    WHERE (r."status"::text = 'RETURNED' AND r."updatedById" = ${user.userId} AND pr."id" = ANY(${entering}))
       OR (r."status"::text = 'SUBMITTED' AND pr."id" = ANY(${reviewing}))
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1, 3, 7`;
  return rows.map(({ count, starts: _, ...row }) => ({ ...row, count: Number(count) }));
}

/** How many values wait for the user, for the header. */
export async function inboxCount(user: UserPrincipal): Promise<number> {
  return (await inbox(user)).reduce((sum, item) => sum + item.count, 0);
}
