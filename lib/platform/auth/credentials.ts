import "server-only";
import { MAX_PASSWORD_LENGTH } from "@/lib/domain/users/password-policy";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/platform/auth/password";
import { db } from "@/lib/platform/db";

// Compared against when the e-mail is unknown, so both cases take the same time.
const decoyHash = hashPassword("decoy-password-for-timing");

/** The user with this e-mail and password, or null (also for a deactivated account). */
export async function verifyCredentials(email: string, password: string) {
  // Refused before hashing: an 8 MB password would cost seconds of CPU per try.
  if (password.length > MAX_PASSWORD_LENGTH || email.length > 320) return null;
  const user = await db().user.findUnique({ where: { email }, omit: { passwordHash: false } });
  // A user without a password (single sign-on only) is compared against the decoy too, and never matches.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  if (!user?.passwordHash || !ok || user.deactivatedAt) return null;
  if (needsRehash(user.passwordHash)) {
    await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  }
  return { id: user.id, email: user.email, name: user.name };
}
