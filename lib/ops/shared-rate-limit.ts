// Rate limits every app instance sees: a fixed window per key, counted in the database in one
// statement (no read-then-write race). For low-volume, security-relevant actions: sign-in, invitations.
import type { Db } from "@/lib/db";

export type Allowance = { allowed: boolean; retryAfterSeconds: number };

/** Counts one attempt under `key`; allowed while the window holds no more than `limit` of them. */
export async function consumeAttempt(prisma: Db, key: string, limit: number, windowMs: number): Promise<Allowance> {
  const [row] = await prisma.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowMs / 1000})
                     THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowMs / 1000})
                     THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart"`;
  const count = row?.count ?? 1;
  const ends = (row?.windowStart ?? new Date()).getTime() + windowMs;
  return { allowed: count <= limit, retryAfterSeconds: Math.max(1, Math.ceil((ends - Date.now()) / 1000)) };
}

/** Forgets a key's attempts (a successful sign-in clears its account's failures). */
export async function clearAttempts(prisma: Db, key: string): Promise<void> {
  await prisma.$executeRaw`DELETE FROM "RateLimit" WHERE "key" = ${key}`;
}
