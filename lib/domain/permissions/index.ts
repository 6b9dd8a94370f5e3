// Who may do what: one table of roles to permissions, and checks that every server entry point calls.
// A principal is whoever is asking: a signed-in user (directly or through an API token) or a donor's
// share link, which is a read-only principal scoped to one project.

import { DomainError } from "@/lib/domain/errors";
import type { ProjectRole } from "@/lib/generated/prisma/enums";

export type Permission =
  | "project.read"
  | "project.edit"
  | "results.readUnapproved"
  | "results.enter"
  | "results.review"
  | "members.manage"
  | "shareLinks.manage";

export type UserPrincipal = {
  kind: "user";
  userId: string;
  isAdmin: boolean;
  /** The user's role in each project they belong to, by project id. */
  roles: Record<string, ProjectRole>;
};

export type SharePrincipal = { kind: "share"; linkId: string; projectId: string };

export type Principal = UserPrincipal | SharePrincipal;

const rolePermissions: Record<ProjectRole, readonly Permission[]> = {
  MANAGER: [
    "project.read",
    "project.edit",
    "results.readUnapproved",
    "results.enter",
    "results.review",
    "members.manage",
    "shareLinks.manage",
  ],
  EVALUATOR: ["project.read", "results.readUnapproved", "results.enter"],
  VIEWER: ["project.read"],
};

/** What a donor link allows: reading approved figures of its one project, nothing else. */
const sharePermissions: readonly Permission[] = ["project.read"];

/** Instance admins manage every project but do not enter or review results unless they are members. */
const adminPermissions: readonly Permission[] = [
  "project.read",
  "project.edit",
  "results.readUnapproved",
  "members.manage",
  "shareLinks.manage",
];

export function can(principal: Principal, permission: Permission, projectId: string): boolean {
  if (principal.kind === "share") {
    return principal.projectId === projectId && sharePermissions.includes(permission);
  }
  const role = principal.roles[projectId];
  if (role && rolePermissions[role].includes(permission)) return true;
  return principal.isAdmin && adminPermissions.includes(permission);
}

/** Instance admins create projects (and then assign their managers). */
export function canCreateProjects(principal: Principal): boolean {
  return principal.kind === "user" && principal.isAdmin;
}

/** Projects the principal can open at all. `"all"` for admins. */
export function readableProjects(principal: Principal): string[] | "all" {
  if (principal.kind === "share") return [principal.projectId];
  if (principal.isAdmin) return "all";
  return Object.keys(principal.roles);
}

export class ForbiddenError extends DomainError {
  constructor(readonly permission: Permission) {
    super("forbidden", { detail: `Not allowed: ${permission}` });
    this.name = "ForbiddenError";
  }
}

/** The acting user's id, for audit trails; null for a donor link. */
export function userIdOf(principal: Principal): string | null {
  return principal.kind === "user" ? principal.userId : null;
}

/**
 * The acting user's id, for writes that name who made them. A share link is never allowed to write
 * (assertCan refuses it first), so reaching here without a user is a programming error.
 */
export function requireUserId(principal: Principal): string {
  if (principal.kind !== "user") throw new Error("Only a signed-in user can change data");
  return principal.userId;
}

export function assertCan(principal: Principal, permission: Permission, projectId: string): void {
  if (!can(principal, permission, projectId)) throw new ForbiddenError(permission);
}
