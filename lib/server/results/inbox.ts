import "server-only";
import { can, placesWhere, type UserPrincipal } from "@/lib/domain/permissions";
// What waits for someone, across their projects: values returned to an evaluator (by the last person
// to save them) and values waiting for a manager's review (or, with two-level approval, a partner's
// reviewer's at the partner's sites), by project and period or round. Counted in one query, cheap
// enough for the header of every page.
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
  // The projects the user works in, as a member or for a partner (an admin's "all" reviews nothing).
  const ids = [...new Set([...Object.keys(user.roles), ...Object.keys(user.partnerSites ?? {})])];
  const reviewing = ids.filter((id) => can(user, "results.review", id));
  const entering = ids.filter((id) => can(user, "results.enter", id));
  // A partner's member: the places ("<project>|<place>") they enter at, and those they review for the partner.
  const sitesWhere = (permission: "results.enter" | "results.reviewPartner") =>
    ids.flatMap((id) => {
      const places = placesWhere(user, permission, id);
      return places === "all" ? [] : places.map((place) => `${id}|${place}`);
    });
  const enteringAt = sitesWhere("results.enter");
  const partnerReviewingAt = sitesWhere("results.reviewPartner");
  if (reviewing.length === 0 && entering.length === 0 && enteringAt.length === 0) return [];
  // With two-level approval a value submitted at a partner's site waits for the partner's reviewer first:
  // the project's reviewers see it once the partner approved it (PARTNER_APPROVED). The statuses are
  // compared as they are stored (no cast), so the (indicator, status) index reads only the values
  // waiting, not every approved value of the user's projects.
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
    LEFT JOIN "PartnerSite" ps ON pr."twoLevelApproval" AND ps."projectId" = pr."id" AND ps."locationId" = r."locationId"
    WHERE r."status" IN ('RETURNED', 'SUBMITTED', 'PARTNER_APPROVED')
      AND ((r."status" = 'RETURNED' AND r."updatedById" = ${user.userId}
            AND (pr."id" = ANY(${entering}) OR pr."id" || '|' || r."locationId" = ANY(${enteringAt})))
        OR (r."status" = 'SUBMITTED' AND ps."projectId" IS NULL AND pr."id" = ANY(${reviewing}))
        OR (r."status" = 'PARTNER_APPROVED' AND pr."id" = ANY(${reviewing}))
        OR (r."status" = 'SUBMITTED' AND ps."projectId" IS NOT NULL
            AND pr."id" || '|' || r."locationId" = ANY(${partnerReviewingAt})))
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1, 3, 7`;
  return rows.map(({ count, starts: _, ...row }) => ({ ...row, count: Number(count) }));
}

/** How many values wait for the user, for the header. */
export async function inboxCount(user: UserPrincipal): Promise<number> {
  return (await inbox(user)).reduce((sum, item) => sum + item.count, 0);
}
