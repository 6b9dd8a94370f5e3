// The instance admins' users screen: every account with its projects, and the changes an admin makes to
// one (deactivate, reactivate, promote or demote admin, program manager and M&E lead, a password reset link). Each
// checks "users.manage" first and is audited. An admin never deactivates or demotes themselves, and the
// instance always keeps one active admin.
import "server-only";
import { DomainError } from "@/lib/domain/errors";
import { assertCan, type Principal, requireUserId } from "@/lib/domain/permissions";
import type { OrgRole, ProjectRole } from "@/lib/generated/prisma/enums";
import { type Db, db, type Tx } from "@/lib/platform/db";
import { recordAudit } from "@/lib/server/audit/record";
import { createResetLink } from "./account";

export type ManagedUser = {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  orgRole: OrgRole | null;
  lastSignInAt: Date | null;
  deactivatedAt: Date | null;
  projects: { id: string; name: string; role: ProjectRole }[];
};

/** Every user, by name, with their projects and roles. */
export async function listUsers(principal: Principal): Promise<ManagedUser[]> {
  assertCan(principal, "users.manage");
  const users = await db().user.findMany({
    orderBy: [{ name: "asc" }, { email: "asc" }],
    include: { memberships: { include: { project: { select: { id: true, name: true } } } } },
  });
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    isAdmin: u.isAdmin,
    orgRole: u.orgRole,
    lastSignInAt: u.lastSignInAt,
    deactivatedAt: u.deactivatedAt,
    projects: u.memberships
      .map((m) => ({ id: m.project.id, name: m.project.name, role: m.role }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

export type UserChange =
  | "deactivate"
  | "reactivate"
  | "grantAdmin"
  | "revokeAdmin"
  | "grantProgramManager"
  | "revokeProgramManager"
  | "grantMeLead"
  | "revokeMeLead";

type Snapshot = { isAdmin: boolean; orgRole: OrgRole | null; active: boolean };

const snapshot = (u: { isAdmin: boolean; orgRole: OrgRole | null; deactivatedAt: Date | null }): Snapshot => ({
  isAdmin: u.isAdmin,
  orgRole: u.orgRole,
  active: !u.deactivatedAt,
});

/** What a change leaves of the user's rights and status. */
function changed(before: Snapshot, change: UserChange): Snapshot {
  switch (change) {
    case "deactivate":
      return { ...before, active: false };
    case "reactivate":
      return { ...before, active: true };
    case "grantAdmin":
      return { ...before, isAdmin: true };
    case "revokeAdmin":
      return { ...before, isAdmin: false };
    // A user has one organisation role: granting one replaces the other, revoking one leaves the other.
    case "grantProgramManager":
      return { ...before, orgRole: "PROGRAM_MANAGER" };
    case "revokeProgramManager":
      return { ...before, orgRole: before.orgRole === "PROGRAM_MANAGER" ? null : before.orgRole };
    case "grantMeLead":
      return { ...before, orgRole: "ME_LEAD" };
    case "revokeMeLead":
      return { ...before, orgRole: before.orgRole === "ME_LEAD" ? null : before.orgRole };
  }
}

/**
 * Applies one change to a user. Deactivating ends their sessions and revokes their API tokens at once
 * (a reactivated user signs in again and makes new tokens).
 */
export async function changeUser(principal: Principal, userId: string, change: UserChange): Promise<void> {
  assertCan(principal, "users.manage");
  const actorUserId = requireUserId(principal);
  const losesAdmin = change === "deactivate" || change === "revokeAdmin";
  if (losesAdmin && userId === actorUserId) throw new DomainError("ownAccount");
  await db().$transaction(async (tx) => {
    if (losesAdmin) await lockActiveAdmins(tx);
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new DomainError("notFound");
    const before = snapshot(user);
    const after = changed(before, change);
    if (before.isAdmin && before.active && !(after.isAdmin && after.active)) {
      const others = await tx.user.count({ where: { isAdmin: true, deactivatedAt: null, id: { not: userId } } });
      if (others === 0) throw new DomainError("lastAdmin");
    }
    const now = new Date();
    await tx.user.update({
      where: { id: userId },
      data: {
        isAdmin: after.isAdmin,
        orgRole: after.orgRole,
        deactivatedAt: after.active ? null : (user.deactivatedAt ?? now),
        ...(change === "deactivate" ? { sessionsRevokedAt: now } : {}),
      },
    });
    const revokedTokens =
      change === "deactivate"
        ? (await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } })).count
        : 0;
    await recordAudit(tx, {
      action: `user.${change}`,
      entityType: "User",
      entityId: userId,
      actorUserId,
      before,
      after: change === "deactivate" ? { ...after, revokedTokens } : after,
    });
  });
}

/**
 * Locks the active admins' rows until the transaction ends, so two admins demoting or deactivating each
 * other at once cannot both pass the last-admin check (the second waits and then counts afresh).
 */
async function lockActiveAdmins(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE "isAdmin" = true AND "deactivatedAt" IS NULL FOR UPDATE`;
}

/** A one-time password reset link for the user (as `npm run user:reset-link` prints), for the admin to pass on. */
export async function resetLinkFor(principal: Principal, userId: string, prisma: Db = db()): Promise<string> {
  assertCan(principal, "users.manage");
  const actorUserId = requireUserId(principal);
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw new DomainError("notFound");
  const link = await createResetLink(prisma, user.email, `user:${actorUserId}`);
  if (!link) throw new DomainError("notFound");
  await recordAudit(prisma, { action: "user.resetLink", entityType: "User", entityId: userId, actorUserId });
  return link;
}
