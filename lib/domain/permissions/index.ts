// Who may do what: one table of roles to permissions, and checks that every server entry point calls.
// A principal is whoever is asking: a signed-in user (directly or through an API token) or a donor's
// share link, which is a read-only principal scoped to one project.

import { DomainError } from "@/lib/domain/errors";
import type { OrgRole, ProjectRole } from "@/lib/generated/prisma/enums";

/**
 * What the organisation allows, whatever the project: creating projects, managing the users, keeping the
 * organisation's indicator library.
 */
export type OrgPermission =
  | "projects.create"
  | "users.manage"
  | "library.manage"
  /** Keeping the instance webhooks, which receive the events of every project: admins only. */
  | "webhooks.manageInstance";

export type ProjectPermission =
  | "project.read"
  | "project.edit"
  | "results.readUnapproved"
  | "results.enter"
  | "results.review"
  | "members.manage"
  | "shareLinks.manage"
  /** Adding, editing and deleting connections to KoboToolbox and ODK Central servers. */
  | "connections.manage"
  /** Running a connection's sync (it saves values as drafts or for review) and reading its history. */
  | "connections.sync"
  /** Filing and editing the studies (evaluations, baselines, analyses) linked to the project. */
  | "studies.edit"
  /** Adding and deleting the project's outgoing webhooks and reading their deliveries. */
  | "webhooks.manage";

export type Permission = ProjectPermission | OrgPermission;

export type UserPrincipal = {
  kind: "user";
  userId: string;
  isAdmin: boolean;
  /** The user's organisation-wide role, if any (a program manager creates projects, an M&E lead keeps the library). */
  orgRole?: OrgRole | null;
  /** The user's role in each project they belong to, by project id. */
  roles: Record<string, ProjectRole>;
};

export type SharePrincipal = { kind: "share"; linkId: string; projectId: string };

export type Principal = UserPrincipal | SharePrincipal;

const rolePermissions: Record<ProjectRole, readonly ProjectPermission[]> = {
  MANAGER: [
    "project.read",
    "project.edit",
    "results.readUnapproved",
    "results.enter",
    "results.review",
    "members.manage",
    "shareLinks.manage",
    "connections.manage",
    "connections.sync",
    "studies.edit",
    "webhooks.manage",
  ],
  EVALUATOR: ["project.read", "results.readUnapproved", "results.enter", "connections.sync"],
  VIEWER: ["project.read"],
};

/** What a donor link allows: reading approved figures of its one project, nothing else. */
const sharePermissions: readonly Permission[] = ["project.read"];

/**
 * Instance admins manage every project but do not enter or review results unless they are members;
 * they create projects and manage the users.
 */
const adminPermissions: readonly Permission[] = [
  "project.read",
  "project.edit",
  "results.readUnapproved",
  "members.manage",
  "shareLinks.manage",
  "studies.edit",
  "projects.create",
  "users.manage",
  "library.manage",
  "webhooks.manageInstance",
];

/**
 * A program manager creates projects, and manages those (as their manager) only. An M&E lead keeps the
 * organisation's indicator library; linking a project's indicator to it stays the project's manager's.
 */
const orgRolePermissions: Record<OrgRole, readonly OrgPermission[]> = {
  PROGRAM_MANAGER: ["projects.create"],
  ME_LEAD: ["library.manage"],
};

const orgPermissions: readonly Permission[] = [
  "projects.create",
  "users.manage",
  "library.manage",
  "webhooks.manageInstance",
] satisfies OrgPermission[];

const isOrgPermission = (permission: Permission): permission is OrgPermission => orgPermissions.includes(permission);

/**
 * Whether the principal may do this: in the project `projectId` for a project permission, in the
 * organisation for an organisation permission (which takes no project).
 */
export function can(principal: Principal, permission: OrgPermission): boolean;
export function can(principal: Principal, permission: Permission, projectId: string): boolean;
export function can(principal: Principal, permission: Permission, projectId?: string): boolean {
  if (isOrgPermission(permission)) {
    if (principal.kind === "share") return false;
    if (principal.orgRole && orgRolePermissions[principal.orgRole].includes(permission)) return true;
    return principal.isAdmin && adminPermissions.includes(permission);
  }
  if (projectId === undefined) return false;
  if (principal.kind === "share") {
    return principal.projectId === projectId && sharePermissions.includes(permission);
  }
  const role = principal.roles[projectId];
  if (role && rolePermissions[role].includes(permission)) return true;
  return principal.isAdmin && adminPermissions.includes(permission);
}

/** Instance admins and program managers create projects. */
export function canCreateProjects(principal: Principal): boolean {
  return can(principal, "projects.create");
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

export function assertCan(principal: Principal, permission: OrgPermission): void;
export function assertCan(principal: Principal, permission: Permission, projectId: string): void;
export function assertCan(principal: Principal, permission: Permission, projectId?: string): void {
  const allowed =
    projectId === undefined ? can(principal, permission as OrgPermission) : can(principal, permission, projectId);
  if (!allowed) throw new ForbiddenError(permission);
}
