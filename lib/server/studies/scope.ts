// The studies a caller may read: the same rule as canReadStudy (lib/domain/permissions/studies.ts), which
// the access matrix checks they agree on. One rule (`studyScope`), written two ways: a Prisma where term
// (the list queries AND it with their filters) and a SQL term on "Study" s (the library's search, which
// ANDs it into its full-text query so that the text indexes answer it and the scope in one pass).
import "server-only";
import { type Principal, readableProjects } from "@/lib/domain/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import { readableProjectsWhere } from "@/lib/server/access/scoped-list";

type StudyScope =
  | { kind: "all" }
  | { kind: "public" }
  /** A donor link: public studies and those shared with its project's donors. */
  | { kind: "donors"; projectId: string }
  /** A member: public studies and those of the projects the user reads. */
  | { kind: "member"; principal: Principal; userId: string };

function studyScope(principal: Principal | null): StudyScope {
  if (principal === null) return { kind: "public" };
  if (principal.kind === "share") return { kind: "donors", projectId: principal.projectId };
  if (readableProjects(principal) === "all") return { kind: "all" };
  return { kind: "member", principal, userId: principal.userId };
}

export function readableStudiesWhere(principal: Principal | null): Prisma.StudyWhereInput {
  const scope = studyScope(principal);
  switch (scope.kind) {
    case "all":
      return {};
    case "public":
      return { visibility: "PUBLIC" };
    case "donors":
      return {
        OR: [{ visibility: "PUBLIC" }, { visibility: "DONORS", projects: { some: { projectId: scope.projectId } } }],
      };
    case "member":
      return {
        OR: [{ visibility: "PUBLIC" }, { projects: { some: { project: readableProjectsWhere(scope.principal) } } }],
      };
  }
}

/**
 * The same rule as a SQL condition on the study aliased `s` (readableProjectsWhere's memberships and
 * partner sites, as SQL).
 */
export function readableStudiesSql(principal: Principal | null): Prisma.Sql {
  const scope = studyScope(principal);
  switch (scope.kind) {
    case "all":
      return Prisma.sql`TRUE`;
    case "public":
      return Prisma.sql`s."visibility" = 'PUBLIC'`;
    case "donors":
      return Prisma.sql`(s."visibility" = 'PUBLIC' OR (s."visibility" = 'DONORS' AND EXISTS (
        SELECT 1 FROM "StudyProject" sp WHERE sp."studyId" = s."id" AND sp."projectId" = ${scope.projectId})))`;
    case "member":
      return Prisma.sql`(s."visibility" = 'PUBLIC' OR EXISTS (
        SELECT 1 FROM "StudyProject" sp JOIN "Membership" m ON m."projectId" = sp."projectId"
         WHERE sp."studyId" = s."id" AND m."userId" = ${scope.userId}) OR EXISTS (
        SELECT 1 FROM "StudyProject" sp JOIN "PartnerSite" ps ON ps."projectId" = sp."projectId"
          JOIN "PartnerMember" pm ON pm."partnerId" = ps."partnerId"
         WHERE sp."studyId" = s."id" AND pm."userId" = ${scope.userId}))`;
  }
}
