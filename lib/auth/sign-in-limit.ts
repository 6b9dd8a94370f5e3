// Sign-in attempts limited where every app instance sees them (the database): per account, so a
// password cannot be guessed by trying many, and per client address where proxies report it, so one
// client cannot try many accounts. Limited attempts are refused before the (costly) password hash.

import { verifyCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { clientAddress } from "@/lib/ops/client-address";
import { clearAttempts, consumeAttempt } from "@/lib/ops/shared-rate-limit";

const WINDOW_MS = 15 * 60_000;
export const ACCOUNT_ATTEMPTS = 10;
const ADDRESS_ATTEMPTS = 50;

/** Thrown to the sign-in form as its error code ("rateLimited:<seconds>"). */
export class SignInLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rateLimited:${retryAfterSeconds}`);
    this.name = "SignInLimited";
  }
}

export async function signInLimited(email: string, password: string, headers: Headers) {
  const prisma = db();
  const address = clientAddress(headers);
  const checks = [consumeAttempt(prisma, `signin:account:${email}`, ACCOUNT_ATTEMPTS, WINDOW_MS)];
  if (address) checks.push(consumeAttempt(prisma, `signin:address:${address}`, ADDRESS_ATTEMPTS, WINDOW_MS));
  const refused = (await Promise.all(checks)).find((c) => !c.allowed);
  if (refused) throw new SignInLimited(refused.retryAfterSeconds);
  const user = await verifyCredentials(email, password);
  if (user) await clearAttempts(prisma, `signin:account:${email}`);
  return user;
}
