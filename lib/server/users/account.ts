// A user's own account: changing the password, signing out everywhere, and resetting a forgotten
// password through a one-time link (sent by e-mail when SMTP is configured, or printed for an admin
// to pass on by `npm run user:reset-link`). Every change ends the user's other sessions and is audited.
import { z } from "zod";
import { hashToken, newSecretToken } from "@/lib/domain/api-tokens/token";
import { DomainError } from "@/lib/domain/errors";
import type { Locale } from "@/lib/domain/i18n/config";
import { newPasswordSchema } from "@/lib/domain/users/password-policy";
import { hashPassword, verifyPassword } from "@/lib/platform/auth/password";
import { type Db, db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { clientAddress } from "@/lib/platform/ops/client-address";
import { sendMail } from "@/lib/platform/ops/mail";
import { consumeAttempt } from "@/lib/platform/ops/shared-rate-limit";
import { recordAudit } from "@/lib/server/audit/record";

/** A reset link works for an hour, once. */
const RESET_LINK_MS = 60 * 60 * 1000;

export const changePasswordSchema = z.object({
  current: z.string().min(1, "required").max(1000, "tooLong"),
  password: newPasswordSchema,
});

/**
 * Sets a new password when the current one is right (else a DomainError on the `current` field); signs
 * out every session, this one included.
 */
export async function changePassword(userId: string, input: z.input<typeof changePasswordSchema>): Promise<"changed"> {
  const prisma = db();
  const data = changePasswordSchema.parse(input);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } });
  // An account made by single sign-on has no password to prove; a reset link (not a session) sets one.
  if (user.passwordHash === null)
    throw new DomainError("validation", {
      detail: "This account has no password: it signs in with single sign-on",
      fields: [{ field: "body.current", code: "noPassword" }],
    });
  if (!(await verifyPassword(data.current, user.passwordHash)))
    throw new DomainError("validation", {
      detail: "The current password is wrong",
      fields: [{ field: "body.current", code: "wrongPassword" }],
    });
  const passwordHash = await hashPassword(data.password);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionsRevokedAt: new Date() } });
    await recordAudit(tx, {
      action: "user.password.change",
      entityType: "User",
      entityId: userId,
      actorUserId: userId,
    });
  });
  return "changed";
}

/** Ends every session of the user, on every device, from now. API tokens are revoked one by one. */
export async function signOutEverywhere(userId: string): Promise<void> {
  const prisma = db();
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionsRevokedAt: new Date() } });
    await recordAudit(tx, {
      action: "user.signOutEverywhere",
      entityType: "User",
      entityId: userId,
      actorUserId: userId,
    });
  });
}

/** A new one-time reset link for the account with this e-mail, or null when there is none. */
export async function createResetLink(prisma: Db, email: string, actorLabel: string): Promise<string | null> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) return null;
  const token = newSecretToken("r");
  await prisma.$transaction(async (tx) => {
    const reset = await tx.passwordReset.create({
      data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_LINK_MS) },
    });
    await recordAudit(tx, {
      action: "user.password.resetLink",
      entityType: "PasswordReset",
      entityId: reset.id,
      actorLabel,
    });
  });
  return `${env().APP_URL}/reset/${token}`;
}

export type ResetRequest = "sent" | "noMail" | "rateLimited";

/**
 * Someone asks for a reset link: it goes by e-mail when SMTP is configured. The answer is the same
 * whether the address has an account or not; without SMTP the page says to ask an administrator.
 * Limited per address and per client in the database, so every app instance counts.
 */
export async function requestPasswordReset(email: string, headers: Headers): Promise<ResetRequest> {
  const prisma = db();
  if (!env().SMTP_URL) return "noMail";
  const normalized = email.trim().toLowerCase();
  const address = clientAddress(headers);
  const perEmail = await consumeAttempt(prisma, `reset:${normalized}`, 3, RESET_LINK_MS);
  const perClient = address ? await consumeAttempt(prisma, `reset-ip:${address}`, 10, RESET_LINK_MS) : null;
  if (!perEmail.allowed || (perClient && !perClient.allowed)) return "rateLimited";
  const link = await createResetLink(prisma, normalized, "system:reset-request");
  if (link) {
    await sendMail({
      to: normalized,
      subject: "Set a new password / Elija una nueva contraseña",
      text: `To set a new password, open this link within an hour:\n${link}\n\nPara elegir una nueva contraseña, abra este enlace antes de una hora:\n${link}\n\nIf you did not ask for it, ignore this message. / Si no lo pidió, ignore este mensaje.`,
    });
  }
  return "sent";
}

/** Whether a reset link still works (unused, not expired): anyone holding the link may ask (its page). */
export function resetLinkOpens(token: string): Promise<boolean> {
  return resetLinkWorks(db(), token);
}

/** Whether a reset link still works (unused, not expired). */
export async function resetLinkWorks(prisma: Db, token: string): Promise<boolean> {
  const reset = await prisma.passwordReset.findUnique({ where: { tokenHash: hashToken(token) } });
  return Boolean(reset && !reset.usedAt && reset.expiresAt > new Date());
}

/** Sets the new password through a working link, once; every session of the account ends. */
export async function resetPassword(token: string, password: string): Promise<boolean> {
  const prisma = db();
  const passwordHash = await hashPassword(newPasswordSchema.parse(password));
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.passwordReset.updateManyAndReturn({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    const reset = claimed[0];
    if (!reset) return false;
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash, sessionsRevokedAt: now } });
    await recordAudit(tx, {
      action: "user.password.reset",
      entityType: "User",
      entityId: reset.userId,
      actorUserId: reset.userId,
    });
    return true;
  });
}

/** Remembers a signed-in user's language on their profile. */
export async function rememberLocale(userId: string, locale: Locale): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { locale } });
}
