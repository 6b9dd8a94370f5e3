// The studies a caller may read, as a where term (the list queries AND it with their filters): the same
// rule as canReadStudy (lib/domain/permissions/studies.ts), which the access matrix checks they agree on.
import "server-only";
import { type Principal, readableProjects } from "@/lib/domain/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readableProjectsWhere } from "@/lib/server/access/scoped-list";

export function readableStudiesWhere(principal: Principal | null): Prisma.StudyWhereInput {
  if (principal === null) return { visibility: "PUBLIC" };
  if (principal.kind === "share") {
    return {
      OR: [{ visibility: "PUBLIC" }, { visibility: "DONORS", projects: { some: { projectId: principal.projectId } } }],
    };
  }
  if (readableProjects(principal) === "all") return {};
  return { OR: [{ visibility: "PUBLIC" }, { projects: { some: { project: readableProjectsWhere(principal) } } }] };
}
