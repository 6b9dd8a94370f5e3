import { db } from "@/lib/platform/db";

/**
 * A successful sign-in, by password or single sign-on: its time is shown to admins on the users screen,
 * and it is audited ("user.signIn", with the method).
 */
export async function recordSignIn(userId: string, method: "password" | "oidc"): Promise<void> {
  const prisma = db();
  await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } }),
    prisma.auditEvent.create({
      data: { action: "user.signIn", entityType: "User", entityId: userId, actorUserId: userId, after: { method } },
    }),
  ]);
}
