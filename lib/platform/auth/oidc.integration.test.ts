import { afterEach, expect, test, vi } from "vitest";
import { verifyCredentials } from "@/lib/platform/auth/credentials";
import { type OidcSettings, oidcSettings, oidcUser } from "@/lib/platform/auth/oidc";
import { signInLimited } from "@/lib/platform/auth/sign-in-limit";
import { db } from "@/lib/platform/db";
import { reloadEnv } from "@/lib/platform/env";
import { changePassword } from "@/lib/server/users/account";

const settings: OidcSettings = {
  issuer: "https://login.example.org",
  clientId: "me-dashboard",
  clientSecret: "secret",
  label: "Example",
  createUsers: false,
};

const signIns = (userId: string) =>
  db().auditEvent.findMany({ where: { entityId: userId, action: "user.signIn" }, orderBy: { at: "asc" } });

test("a verified e-mail signs in as the user who has it (any case); the sign-in is recorded and audited", async () => {
  const manager = await db().user.findUniqueOrThrow({ where: { email: "manager@example.org" } });
  const before = (await signIns(manager.id)).length;
  const user = await oidcUser({ sub: "abc", email: " Manager@Example.org", email_verified: true }, settings);
  expect(user).toEqual({ id: manager.id, email: "manager@example.org", name: manager.name });
  const after = await signIns(manager.id);
  expect(after).toHaveLength(before + 1);
  expect(after.at(-1)?.after).toEqual({ method: "oidc" });
  expect((await db().user.findUniqueOrThrow({ where: { id: manager.id } })).lastSignInAt).not.toBeNull();
});

test("a password sign-in is audited the same way", async () => {
  const viewer = await db().user.findUniqueOrThrow({ where: { email: "viewer@example.org" } });
  expect(await signInLimited("viewer@example.org", "demo-viewer-pass", new Headers())).not.toBeNull();
  expect((await signIns(viewer.id)).at(-1)?.after).toEqual({ method: "password" });
});

test("an e-mail the provider has not verified is refused, even when an account has it", async () => {
  for (const claims of [
    { sub: "a", email: "manager@example.org", email_verified: false },
    { sub: "a", email: "manager@example.org" },
    { sub: "a", email_verified: true },
  ]) {
    await expect(oidcUser(claims, settings)).rejects.toMatchObject({ code: "SsoUnverified" });
  }
});

test("a deactivated user is refused", async () => {
  await db().user.create({
    data: { email: "gone@example.org", name: "Gone", passwordHash: null, deactivatedAt: new Date() },
  });
  await expect(
    oidcUser({ sub: "g", email: "gone@example.org", email_verified: true }, { ...settings, createUsers: true }),
  ).rejects.toMatchObject({ code: "SsoDeactivated" });
});

test("an unknown e-mail is refused and creates nothing, unless the settings let it create a member without projects or password", async () => {
  const claims = { sub: "n", email: "newcomer@example.org", email_verified: "true", name: "New Comer" };
  await expect(oidcUser(claims, settings)).rejects.toMatchObject({ code: "SsoUnknown" });
  expect(await db().user.count({ where: { email: "newcomer@example.org" } })).toBe(0);

  const created = await oidcUser(claims, { ...settings, createUsers: true });
  const stored = await db().user.findUniqueOrThrow({
    where: { id: created.id },
    omit: { passwordHash: false },
    include: { memberships: true },
  });
  expect(stored).toMatchObject({
    email: "newcomer@example.org",
    name: "New Comer",
    passwordHash: null,
    memberships: [],
  });
  expect(await db().auditEvent.count({ where: { entityId: created.id, action: "user.sso.create" } })).toBe(1);
  // No password signs in as them, not even the one the decoy hash is made of.
  expect(await verifyCredentials("newcomer@example.org", "decoy-password-for-timing")).toBeNull();
  expect(await verifyCredentials("newcomer@example.org", "")).toBeNull();
  // Changing a password needs the current one: this account has none to give, and is told so.
  await expect(
    changePassword(created.id, { current: "anything", password: "a long new password" }),
  ).rejects.toMatchObject({
    fields: [{ field: "body.current", code: "noPassword" }],
  });
  // The next sign-in finds the same user.
  expect((await oidcUser(claims, { ...settings, createUsers: true })).id).toBe(created.id);
});

afterEach(() => {
  vi.unstubAllEnvs();
  reloadEnv();
});

test("single sign-on is on with an issuer, a client id and a secret; a part of them is a configuration error", () => {
  reloadEnv();
  expect(oidcSettings()).toBeNull();
  vi.stubEnv("OIDC_ISSUER", "https://login.example.org/realms/x/");
  vi.stubEnv("OIDC_CLIENT_ID", "me-dashboard");
  reloadEnv();
  expect(() => oidcSettings()).toThrow("OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set together");
  vi.stubEnv("OIDC_CLIENT_SECRET", "secret");
  vi.stubEnv("OIDC_LABEL", "Example ID");
  reloadEnv();
  expect(oidcSettings()).toEqual({
    issuer: "https://login.example.org/realms/x",
    clientId: "me-dashboard",
    clientSecret: "secret",
    label: "Example ID",
    createUsers: false,
  });
});
