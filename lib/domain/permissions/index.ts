// Who may do what: one table of roles to permissions, and checks that every server entry point calls.
// A principal is whoever is asking: a signed-in user (directly or through an API token) or a donor's
// share link, which is a read-only principal scoped to one project.

import { DomainError } from "@/lib/domain/errors";
import type { OrgRole, PartnerRole, ProjectRole } from "@/lib/generated/prisma/enums";

/**
 * What the organisation allows, whatever the project: creating projects, managing the users, keeping the
 * organisation's indicator library.
 */
export type OrgPermission =
  | "projects.create"
  | "users.manage"
  | "library.manage"
  /** Keeping the places' population figures (people in need, population) for any place; a project's
   * manager keeps those of the project's places ("project.edit"). */
  | "population.manage"
  /** Keeping the instance webhooks, which receive the events of every project: admins only. */
  | "webhooks.manageInstance"
  /** Keeping the partner organisations and their members (#34): admins only. */
  | "partners.manage";

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
  | "webhooks.manage"
  /** Assigning the project's places to partner organisations and asking for two-level approval. */
  | "partners.assign"
  /**
   * The first level of a two-level approval: approving or returning values submitted at a partner's site.
   * No project role has it; a partner's reviewer has it at the partner's sites only (placesWhere).
   */
  | "results.reviewPartner";

export type Permission = ProjectPermission | OrgPermission;

export type UserPrincipal = {
  kind: "user";
  userId: string;
  isAdmin: boolean;
  /** The user's organisation-wide role, if any (a program manager creates projects, an M&E lead keeps the library). */
  orgRole?: OrgRole | null;
  /** The user's role in each project they belong to, by project id. */
  roles: Record<string, ProjectRole>;
  /**
   * The sites a partner organisation the user works for reports in each project, by project id (absent:
   * none). A user in two partners with sites in one project gets the union of their sites, as a reviewer
   * only if they review for every one of those partners (so nobody reviews where they only report);
   * partnerId is then the first of them.
   */
  partnerSites?: Record<string, PartnerSites>;
};

export type PartnerSites = { partnerId: string; role: PartnerRole; locationIds: string[] };

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
    "partners.assign",
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
  "population.manage",
  "webhooks.manageInstance",
  "partners.manage",
  "partners.assign",
];

/**
 * A program manager creates projects, and manages those (as their manager) only. An M&E lead keeps the
 * organisation's indicator library; linking a project's indicator to it stays the project's manager's.
 */
const orgRolePermissions: Record<OrgRole, readonly OrgPermission[]> = {
  PROGRAM_MANAGER: ["projects.create"],
  ME_LEAD: ["library.manage", "population.manage"],
};

const orgPermissions: readonly Permission[] = [
  "projects.create",
  "users.manage",
  "library.manage",
  "population.manage",
  "webhooks.manageInstance",
  "partners.manage",
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
  // A partner's member reads the project's approved figures; what they do at their sites: placesWhere.
  if (permission === "project.read" && principal.partnerSites?.[projectId]) return true;
  return principal.isAdmin && adminPermissions.includes(permission);
}

/** What a partner's members may do at the partner's sites of a project (and nowhere else). */
const partnerSitePermissions: Record<PartnerRole, readonly ProjectPermission[]> = {
  REPORTER: ["results.enter", "results.readUnapproved"],
  REVIEWER: ["results.enter", "results.readUnapproved", "results.reviewPartner"],
};

/**
 * The places of the project where the principal may do this: "all" wherever `can` allows it, else the
 * sites of the principal's partner when the partner's role gives it there, else none. `can` stays false
 * for site-scoped rights, so every entry point that checks it alone keeps refusing partners.
 */
export function placesWhere(principal: Principal, permission: ProjectPermission, projectId: string): "all" | string[] {
  if (can(principal, permission, projectId)) return "all";
  if (principal.kind === "share") return [];
  const sites = principal.partnerSites?.[projectId];
  return sites && partnerSitePermissions[sites.role].includes(permission) ? sites.locationIds : [];
}

/** Whether the principal may do this anywhere in the project (everywhere, or at some of their partner's sites). */
export function canSomewhere(principal: Principal, permission: ProjectPermission, projectId: string): boolean {
  const places = placesWhere(principal, permission, projectId);
  return places === "all" || places.length > 0;
}

/** Whether the principal may do this at this place of the project (anywhere, or at their partner's site). */
export function canAt(principal: Principal, permission: ProjectPermission, projectId: string, locationId: string) {
  const places = placesWhere(principal, permission, projectId);
  return places === "all" || places.includes(locationId);
}

/** Instance admins and program managers create projects. */
export function canCreateProjects(principal: Principal): boolean {
  return can(principal, "projects.create");
}

/** Projects the principal can open at all. `"all"` for admins. */
export function readableProjects(principal: Principal): string[] | "all" {
  if (principal.kind === "share") return [principal.projectId];
  if (principal.isAdmin) return "all";
  return [...new Set([...Object.keys(principal.roles), ...Object.keys(principal.partnerSites ?? {})])];
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
