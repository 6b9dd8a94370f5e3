import { expect, test } from "vitest";
import { verifyPassword } from "@/lib/platform/auth/password";
import { loadPrincipal } from "@/lib/platform/auth/principal";
import { db } from "@/lib/platform/db";
import { createApiToken } from "@/lib/server/api-tokens/service";
import { principalForApiToken } from "@/lib/server/api-tokens/verify";
import { principalFor } from "@/lib/testing/principals";
import {
  changePassword,
  createResetLink,
  requestPasswordReset,
  resetLinkWorks,
  resetPassword,
  signOutEverywhere,
} from "./account";

async function storedHash(email: string) {
  return (await db().user.findUniqueOrThrow({ where: { email }, omit: { passwordHash: false } })).passwordHash;
}

test("a password change needs the current password and ends every session; API tokens keep working", async () => {
  const manager = await principalFor("manager@example.org");
  const { token } = await createApiToken(manager, { name: "Integration", expiresAt: null });
  const session = { signedInAt: Date.now() - 1000 };
  expect(await loadPrincipal(manager.userId, session)).not.toBeNull();

  const before = await storedHash("manager@example.org");
  await expect(
    changePassword(manager.userId, { current: "wrong one", password: "a long new passphrase" }),
  ).rejects.toMatchObject({ code: "validation", fields: [{ field: "body.current", code: "wrongPassword" }] });
  expect(await storedHash("manager@example.org")).toBe(before);
  await expect(
    changePassword(manager.userId, { current: "demo-manager-pass", password: "password123" }),
  ).rejects.toThrow(/passwordTooCommon|passwordTooShort/);

  expect(
    await changePassword(manager.userId, { current: "demo-manager-pass", password: "a long new passphrase" }),
  ).toBe("changed");
  expect(await verifyPassword("a long new passphrase", await storedHash("manager@example.org"))).toBe(true);
  // The session from before is over; one signed in afterwards counts; the token is no session.
  expect(await loadPrincipal(manager.userId, session)).toBeNull();
  expect(await loadPrincipal(manager.userId, {})).toBeNull();
  expect(await loadPrincipal(manager.userId, { signedInAt: Date.now() + 1 })).not.toBeNull();
  expect(await principalForApiToken(token)).not.toBeNull();
  expect(await db().auditEvent.count({ where: { entityId: manager.userId, action: "user.password.change" } })).toBe(1);
});

test("signing out everywhere ends the sessions signed in before it", async () => {
  const evaluator = await principalFor("evaluator@example.org");
  const session = { signedInAt: Date.now() - 1 };
  await signOutEverywhere(evaluator.userId);
  expect(await loadPrincipal(evaluator.userId, session)).toBeNull();
  expect(await loadPrincipal(evaluator.userId, { signedInAt: Date.now() + 1 })).not.toBeNull();
});

test("a reset link from the admin command works once, for an hour, and ends the sessions", async () => {
  expect(await requestPasswordReset("admin@example.org", new Headers())).toBe("noMail");
  expect(await createResetLink(db(), "nobody@example.org", "test")).toBeNull();
  const link = await createResetLink(db(), "Admin@Example.org", "test");
  const token = link?.split("/reset/")[1] ?? "";
  expect(token).toMatch(/^r_[A-Za-z0-9_-]{43}$/);
  const stored = await db().passwordReset.findFirstOrThrow({
    omit: { tokenHash: false },
    orderBy: { createdAt: "desc" },
  });
  expect(stored.tokenHash).not.toContain(token.slice(2));

  const admin = await principalFor("admin@example.org");
  const session = { signedInAt: Date.now() - 1 };
  await expect(resetPassword(token, "short")).rejects.toThrow();
  expect(await resetLinkWorks(db(), token)).toBe(true);
  expect(await resetPassword(token, "the admin's fresh passphrase")).toBe(true);
  expect(await verifyPassword("the admin's fresh passphrase", await storedHash("admin@example.org"))).toBe(true);
  expect(await loadPrincipal(admin.userId, session)).toBeNull();
  expect(await resetLinkWorks(db(), token)).toBe(false);
  expect(await resetPassword(token, "yet another passphrase")).toBe(false);

  const late = (await createResetLink(db(), "admin@example.org", "test"))?.split("/reset/")[1] ?? "";
  await db().passwordReset.updateMany({ where: { usedAt: null }, data: { expiresAt: new Date(Date.now() - 1) } });
  expect(await resetLinkWorks(db(), late)).toBe(false);
  expect(await resetPassword(late, "too late a passphrase")).toBe(false);
});
