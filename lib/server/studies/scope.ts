// The studies a caller may read, as a where term (the list queries AND it with their filters): the same
// rule as canReadStudy (lib/domain/permissions/studies.ts), which the access matrix checks they agree on.
import "server-only";
import { type Principal, readableProjects } from "@/lib/domain/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";

export function readableStudiesWhere(principal: Principal | null): Prisma.StudyWhereInput {
  if (principal === null) return { visibility: "PUBLIC" };
  if (principal.kind === "share") {
    return {
      OR: [{ visibility: "PUBLIC" }, { visibility: "DONORS", projects: { some: { projectId: principal.projectId } } }],
    };
  }
  const readable = readableProjects(principal);
  if (readable === "all") return {};
  return { OR: [{ visibility: "PUBLIC" }, { projects: { some: { projectId: { in: readable } } } }] };
}
