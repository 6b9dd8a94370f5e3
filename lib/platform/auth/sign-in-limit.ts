// Sign-in attempts limited where every app instance sees them (the database), so that guessing is slow
// and nobody can lock an owner out of their own account:
// - A browser that signed in to the account before (a valid device cookie, lib/platform/auth/device-cookie.ts)
//   is limited per cookie only: guesses from anywhere else never refuse the owner's right password.
// - Any other attempt is "untrusted" and counted per client across accounts (password spraying), per
//   account and client (one client guessing one account), and per account from all untrusted clients
//   (a guess spread over many clients). Only the last can refuse an owner's new browser, and only while
//   the account is being guessed at from several clients.
// Attempts are counted before the (costly) password hash, so a refused one costs no hash and parallel
// ones cannot slip past a limit; a right password takes its attempt back, so only failures count.

import { verifyCredentials } from "@/lib/platform/auth/credentials";
import { issueDeviceCookie, trustedDevice } from "@/lib/platform/auth/device-cookie";
import { recordSignIn } from "@/lib/platform/auth/sign-in-record";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { clientAddress, clientNetwork } from "@/lib/platform/ops/client-address";
import { servedOverHttps } from "@/lib/platform/ops/security-headers";
import { clearAttempts, consumeAttempt, refundAttempt } from "@/lib/platform/ops/shared-rate-limit";

/** Every limit counts failures in a fixed window of this length; a refused attempt waits for its end. */
export const WINDOW_MS = 15 * 60_000;
/** Failures from one known browser (device cookie) before that browser waits. */
export const DEVICE_ATTEMPTS = 10;
/** Failures from one untrusted client, across all accounts (e-mails with no account count too). */
export const CLIENT_ATTEMPTS = 20;
/** Failures at one account from one untrusted client. */
export const ACCOUNT_CLIENT_ATTEMPTS = 5;
/** Failures at one account from all untrusted clients together (at least four clients' worth). */
export const ACCOUNT_ATTEMPTS = 20;

/** Thrown to the sign-in form as its error code ("rateLimited:<seconds>"). */
export class SignInLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rateLimited:${retryAfterSeconds}`);
    this.name = "SignInLimited";
  }
}

// A sign-in that turns out right forgets the failures of its own browser or client at that account,
// and takes its attempt back from the counts it shares with others.
type Limit = { key: string; attempts: number; onSuccess: "forget" | "refund" };

/** The limits an attempt at `email` counts against, most specific to the attempt last. */
export function signInLimits(email: string, headers: Headers): Limit[] {
  const device = trustedDevice(email, headers);
  if (device) return [{ key: `signin:device:${device}`, attempts: DEVICE_ATTEMPTS, onSuccess: "forget" }];
  const address = clientAddress(headers);
  const client = address ? clientNetwork(address) : null;
  return [
    ...(client
      ? [
          { key: `signin:client:${client}`, attempts: CLIENT_ATTEMPTS, onSuccess: "refund" } as const,
          {
            key: `signin:account-client:${client} ${email}`,
            attempts: ACCOUNT_CLIENT_ATTEMPTS,
            onSuccess: "forget",
          } as const,
        ]
      : []),
    { key: `signin:account:${email}`, attempts: ACCOUNT_ATTEMPTS, onSuccess: "refund" },
  ];
}

/**
 * The user with this e-mail and password and a new device cookie for the browser, or null; throws
 * SignInLimited, before any password is hashed, when the attempt is over a limit.
 */
export async function signInLimited(email: string, password: string, headers: Headers) {
  const prisma = db();
  const limits = signInLimits(email, headers);
  const counted: Limit[] = [];
  for (const limit of limits) {
    const allowance = await consumeAttempt(prisma, limit.key, limit.attempts, WINDOW_MS);
    if (!allowance.allowed) {
      // Refused without a password check: it counts only where it was refused.
      await Promise.all(counted.map((c) => refundAttempt(prisma, c.key, WINDOW_MS)));
      throw new SignInLimited(allowance.retryAfterSeconds);
    }
    counted.push(limit);
  }
  const user = await verifyCredentials(email, password);
  if (!user) return null;
  await recordSignIn(user.id, "password");
  await Promise.all(
    limits.map((l) =>
      l.onSuccess === "forget" ? clearAttempts(prisma, l.key) : refundAttempt(prisma, l.key, WINDOW_MS),
    ),
  );
  const settings = env();
  const https = servedOverHttps(
    settings.appUrlGiven ? settings.APP_URL : undefined,
    headers.get("x-forwarded-proto"),
    settings.TRUSTED_PROXY_HOPS,
  );
  return { user, deviceCookie: issueDeviceCookie(email, https) };
}
