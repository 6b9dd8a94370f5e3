// Who may read and file studies (the evaluations library), from the one table of permissions: a study is
// read by the members of its projects (any role: "project.read"), by every instance admin, by a donor link
// of one of its projects once it is shared with donors or public, and by anyone when public. It is filed
// and edited by the managers of its projects ("studies.edit") and by admins; one without projects by admins.

import { can, type Principal } from "./index";

export type StudyVisibility = "INTERNAL" | "DONORS" | "PUBLIC";

export type StudyAccess = { visibility: StudyVisibility; projectIds: readonly string[] };

/** Whether the principal (null: an anonymous visitor) may read the study. */
export function canReadStudy(principal: Principal | null, study: StudyAccess): boolean {
  if (study.visibility === "PUBLIC") return true;
  if (principal === null) return false;
  if (principal.kind === "share") {
    return study.visibility === "DONORS" && study.projectIds.includes(principal.projectId);
  }
  if (principal.isAdmin) return true;
  return study.projectIds.some((projectId) => can(principal, "project.read", projectId));
}

/**
 * Whether the principal may file a study linked to these projects, or edit one that is: every project it
 * is (or will be) linked to must be one the principal edits studies of; without projects, admins only.
 */
export function canEditStudy(principal: Principal | null, projectIds: readonly string[]): boolean {
  if (principal === null || principal.kind === "share") return false;
  if (projectIds.length === 0) return principal.isAdmin;
  return projectIds.every((projectId) => can(principal, "studies.edit", projectId));
}

/** Whether the principal may add study types and themes (the library's shared vocabulary): instance admins only. */
export function canKeepStudyVocabulary(principal: Principal | null): boolean {
  return principal !== null && principal.kind !== "share" && principal.isAdmin;
}
