// Rate limits every app instance sees: a fixed window per key, counted in the database in one
// statement (no read-then-write race). For low-volume, security-relevant actions: sign-in, invitations.
import type { Db } from "@/lib/platform/db";

export type Allowance = { allowed: boolean; retryAfterSeconds: number };

/** Counts one attempt under `key`; allowed while the window holds no more than `limit` of them. */
export async function consumeAttempt(prisma: Db, key: string, limit: number, windowMs: number): Promise<Allowance> {
  const { count, windowStart } = await addAttempts(prisma, key, 1, windowMs);
  const ends = windowStart.getTime() + windowMs;
  return { allowed: count <= limit, retryAfterSeconds: Math.max(1, Math.ceil((ends - Date.now()) / 1000)) };
}

/** Adds `attempts` to `key`'s current window (a new one when it has run out); the window's count after. */
export async function addAttempts(
  prisma: Db,
  key: string,
  attempts: number,
  windowMs: number,
): Promise<{ count: number; windowStart: Date }> {
  const [row] = await prisma.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, now(), ${attempts})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowMs / 1000})
                     THEN ${attempts} ELSE "RateLimit"."count" + ${attempts} END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowMs / 1000})
                     THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart"`;
  return { count: row?.count ?? attempts, windowStart: row?.windowStart ?? new Date() };
}

/** Forgets windows that ended long ago (keys of clients that went away). */
export async function sweepAttempts(prisma: Db, olderThanMs: number): Promise<void> {
  await prisma.$executeRaw`DELETE FROM "RateLimit" WHERE "windowStart" < now() - make_interval(secs => ${olderThanMs / 1000})`;
}

/**
 * Takes back one attempt counted under `key` in its current window (a sign-in that turned out right
 * counts only failures); nothing when the window has since run out.
 */
export async function refundAttempt(prisma: Db, key: string, windowMs: number): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "RateLimit" SET "count" = "count" - 1
    WHERE "key" = ${key} AND "count" > 0 AND "windowStart" > now() - make_interval(secs => ${windowMs / 1000})`;
}

/** Forgets a key's attempts (a successful sign-in clears its browser's and its client's failures). */
export async function clearAttempts(prisma: Db, key: string): Promise<void> {
  await prisma.$executeRaw`DELETE FROM "RateLimit" WHERE "key" = ${key}`;
}
