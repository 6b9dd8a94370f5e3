// Test helpers: the demo users as principals, and demo records by their codes.
import { hashToken, newSecretToken } from "@/lib/domain/api-tokens/token";
import { loadPrincipal } from "@/lib/platform/auth/principal";
import { db } from "@/lib/platform/db";

export async function principalFor(email: string) {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  const principal = await loadPrincipal(user.id);
  if (!principal) throw new Error(`No principal for ${email}`);
  return principal;
}

export async function projectId(code: string) {
  return (await db().project.findUniqueOrThrow({ where: { code } })).id;
}

export async function locationId(isoCode: string) {
  return (await db().location.findUniqueOrThrow({ where: { isoCode } })).id;
}

/** A new API token (its secret) for a demo user, as an integration would hold it. */
export async function apiTokenFor(email: string, extra: { revokedAt?: Date; expiresAt?: Date } = {}) {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  const token = newSecretToken("med");
  await db().apiToken.create({ data: { userId: user.id, name: "test", tokenHash: hashToken(token), ...extra } });
  return token;
}
