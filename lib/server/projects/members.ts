// The project team: managers invite people by e-mail with a role, change roles and remove members.
// Everyone gets an invitation link (e-mailed when SMTP is set, and shown once to the manager to pass on):
// someone new chooses a name and password with it, someone with an account confirms with theirs, or
// joins with one click when signed in as the invited address.
import "server-only";
import type { z } from "zod";
import { hashToken, newSecretToken, secretState } from "@/lib/domain/api-tokens/token";
import type { Locale } from "@/lib/domain/i18n/config";
import { assertCan, type Principal, requireUserId } from "@/lib/domain/permissions";
import { acceptInvitationSchema, inviteSchema, type ProjectRoleName } from "@/lib/domain/projects/schemas";
import { hashPassword, verifyPassword } from "@/lib/platform/auth/password";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { translator } from "@/lib/platform/i18n/translator";
import { sendMail } from "@/lib/platform/ops/mail";
import { consumeAttempt } from "@/lib/platform/ops/shared-rate-limit";
import { recordAudit } from "@/lib/server/audit/record";
import { EditRefused } from "./edit";

const INVITATION_DAYS = 14;
export const INVITATIONS_PER_HOUR = 50;

export async function listTeam(principal: Principal, projectId: string) {
  assertCan(principal, "members.manage", projectId);
  const [members, invitations] = await Promise.all([
    db().membership.findMany({
      where: { projectId },
      include: { user: { select: { id: true, name: true, email: true } } },
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
    }),
    db().invitation.findMany({
      where: { projectId, acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return { members, invitations: invitations.filter((i) => secretState(i) === "active") };
}

/**
 * Invites someone by e-mail address: an invitation with a one-time link (its token returned once),
 * e-mailed when SMTP is configured. Everyone is invited the same way and the answer is the same whether
 * the address has an account or not, so inviting reveals no account; someone with an account accepts
 * with their password.
 */
export async function inviteMember(
  principal: Principal,
  projectId: string,
  input: z.input<typeof inviteSchema>,
  mail: { appUrl: string; locale?: Locale } = { appUrl: env().APP_URL },
) {
  assertCan(principal, "members.manage", projectId);
  const userId = requireUserId(principal);
  const data = inviteSchema.parse(input);
  // Invitations send mail: limited per inviter, as every app instance counts them.
  const allowance = await consumeAttempt(db(), `invite:${userId}`, INVITATIONS_PER_HOUR, 60 * 60_000);
  if (!allowance.allowed) throw new EditRefused("email", "rateLimited");
  const { token, project, inviter } = await db().$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { projectId, user: { email: data.email } } });
    if (member) throw new EditRefused("email", "alreadyMember");
    const token = newSecretToken("i");
    const invitation = await tx.invitation.create({
      data: {
        projectId,
        email: data.email,
        role: data.role,
        tokenHash: hashToken(token),
        invitedById: userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      },
      include: { project: { select: { name: true } }, invitedBy: { select: { name: true } } },
    });
    await recordAudit(tx, {
      action: "member.invite",
      entityType: "Invitation",
      entityId: invitation.id,
      projectId,
      actorUserId: userId,
      after: { email: data.email, role: data.role },
    });
    return { token, project: invitation.project.name, inviter: invitation.invitedBy.name };
  });
  const t = translator(mail.locale ?? "en");
  const link = new URL(`/invite/${token}`, mail.appUrl).toString();
  const emailed = await sendMail({
    to: data.email,
    subject: t("mail.invitationSubject", { project }),
    text: t("mail.invitationText", {
      inviter,
      project,
      role: t(`setup.roles.${data.role}`),
      link,
      days: INVITATION_DAYS,
    }),
  });
  return { token, emailed };
}

/** Changes a member's role, or removes them (role null). A project always keeps one manager. */
export async function setMemberRole(
  principal: Principal,
  projectId: string,
  memberUserId: string,
  newRole: ProjectRoleName | null,
) {
  assertCan(principal, "members.manage", projectId);
  const userId = requireUserId(principal);
  return db().$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { userId_projectId: { userId: memberUserId, projectId } },
      include: { user: { select: { email: true } } },
    });
    if (!membership) throw new EditRefused("userId", "unknown");
    if (membership.role === "MANAGER" && newRole !== "MANAGER") {
      // The managers' rows are locked before counting them: of two demotions at once, the second waits
      // for the first and then counts what it left, so a project always keeps a manager.
      const managers = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Membership" WHERE "projectId" = ${projectId} AND "role" = 'MANAGER' FOR UPDATE`;
      if (managers.length <= 1 || !managers.some((m) => m.id === membership.id))
        throw new EditRefused("role", "lastManager");
    }
    if (newRole) await tx.membership.update({ where: { id: membership.id }, data: { role: newRole } });
    else await tx.membership.delete({ where: { id: membership.id } });
    await recordAudit(tx, {
      action: newRole ? "member.role" : "member.remove",
      entityType: "Membership",
      entityId: membership.id,
      projectId,
      actorUserId: userId,
      before: { email: membership.user.email, role: membership.role },
      after: newRole ? { email: membership.user.email, role: newRole } : undefined,
    });
  });
}

export async function revokeInvitation(principal: Principal, projectId: string, invitationId: string) {
  assertCan(principal, "members.manage", projectId);
  const userId = requireUserId(principal);
  await db().$transaction(async (tx) => {
    const updated = await tx.invitation.updateMany({
      where: { id: invitationId, projectId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (updated.count)
      await recordAudit(tx, {
        action: "member.invitationRevoke",
        entityType: "Invitation",
        entityId: invitationId,
        projectId,
        actorUserId: userId,
      });
  });
}

/** What an invitation link shows before it is accepted; null when it does not work (any reason). */
export async function findInvitation(token: string) {
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { project: { select: { name: true, code: true } } },
  });
  if (!invitation || invitation.acceptedAt || secretState(invitation) !== "active") return null;
  return invitation;
}

/** Creates the account and the membership in one step; the link works only once. */
export async function acceptInvitation(token: string, input: z.input<typeof acceptInvitationSchema>) {
  const data = acceptInvitationSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  return db().$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!invitation || invitation.acceptedAt || secretState(invitation) !== "active") return null;
    // Someone who made an account in the meantime proves it is theirs with its password; a wrong one
    // writes nothing, so the link still works.
    const existing = await tx.user.findUnique({
      where: { email: invitation.email },
      select: { id: true, passwordHash: true },
    });
    if (existing && !(await verifyPassword(data.password, existing.passwordHash))) return null;
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) return null;
    const user =
      existing ?? (await tx.user.create({ data: { email: invitation.email, name: data.name, passwordHash } }));
    await tx.membership.upsert({
      where: { userId_projectId: { userId: user.id, projectId: invitation.projectId } },
      create: { userId: user.id, projectId: invitation.projectId, role: invitation.role },
      update: {},
    });
    await recordAudit(tx, {
      action: "member.join",
      entityType: "Invitation",
      entityId: invitation.id,
      projectId: invitation.projectId,
      actorUserId: user.id,
      after: { email: invitation.email, role: invitation.role },
    });
    return { email: invitation.email, projectId: invitation.projectId };
  });
}

/**
 * The signed-in user joins the project of an invitation to their own address, in one step (their
 * session proves the account is theirs); null when the link does not work or is someone else's.
 */
export async function joinInvitation(principal: Principal, token: string) {
  const userId = requireUserId(principal);
  return db().$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!invitation || invitation.acceptedAt || secretState(invitation) !== "active") return null;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (user?.email !== invitation.email) return null;
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) return null;
    await tx.membership.upsert({
      where: { userId_projectId: { userId, projectId: invitation.projectId } },
      create: { userId, projectId: invitation.projectId, role: invitation.role },
      update: {},
    });
    await recordAudit(tx, {
      action: "member.join",
      entityType: "Invitation",
      entityId: invitation.id,
      projectId: invitation.projectId,
      actorUserId: userId,
      after: { email: invitation.email, role: invitation.role },
    });
    return { projectId: invitation.projectId };
  });
}
