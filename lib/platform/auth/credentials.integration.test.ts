import { randomBytes, scryptSync } from "node:crypto";
import { expect, test } from "vitest";
import { verifyCredentials } from "@/lib/platform/auth/credentials";
import { needsRehash } from "@/lib/platform/auth/password";
import { db } from "@/lib/platform/db";
import { createAdmin } from "@/lib/server/users/admin";

test("the right password signs in; a wrong one or an unknown e-mail does not", async () => {
  expect(await verifyCredentials("manager@example.org", "demo-manager-pass")).toMatchObject({
    email: "manager@example.org",
  });
  expect(await verifyCredentials("manager@example.org", "demo-manager-pas")).toBeNull();
  expect(await verifyCredentials("nobody@example.org", "demo-manager-pass")).toBeNull();
});

test("passwords are stored hashed, and password hashes are not read by default", async () => {
  const user = await db().user.findUniqueOrThrow({ where: { email: "viewer@example.org" } });
  expect("passwordHash" in user).toBe(false);
  const withHash = await db().user.findUniqueOrThrow({
    where: { email: "viewer@example.org" },
    omit: { passwordHash: false },
  });
  expect(withHash.passwordHash).toMatch(/^scrypt\$/);
  expect(withHash.passwordHash).not.toContain("demo-viewer-pass");
});

test("a deployment's first admin is created with an audit event, and weak passwords are refused", async () => {
  await expect(createAdmin(db(), { email: "root@example.org", name: "Root", password: "short" })).rejects.toThrow(
    /passwordTooShort/,
  );
  await expect(
    createAdmin(db(), { email: "root@example.org", name: "Root", password: "aaaaaaaaaaaa" }),
  ).rejects.toThrow(/passwordTooCommon/);
  expect(await db().user.count({ where: { email: "root@example.org" } })).toBe(0);
  const admin = await createAdmin(db(), {
    email: " Root@Example.org ",
    name: "Root",
    password: "a-long-enough-password",
  });
  expect(admin).toMatchObject({ email: "root@example.org", isAdmin: true });
  expect(await verifyCredentials("root@example.org", "a-long-enough-password")).not.toBeNull();
  expect(await db().auditEvent.count({ where: { entityId: admin.id, action: "user.admin.create" } })).toBe(1);
});

test("a password hashed at an older, lower cost is hashed again at today's cost on the next sign-in", async () => {
  const salt = randomBytes(16);
  const key = scryptSync("an old but fine password", salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  const old = ["scrypt", 2 ** 15, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
  await db().user.create({ data: { email: "old.hash@example.org", name: "Old", passwordHash: old } });
  expect(needsRehash(old)).toBe(true);
  expect(await verifyCredentials("old.hash@example.org", "an old but fine password")).not.toBeNull();
  const after = await db().user.findUniqueOrThrow({
    where: { email: "old.hash@example.org" },
    omit: { passwordHash: false },
  });
  expect(after.passwordHash).not.toBe(old);
  expect(after.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
  expect(needsRehash(after.passwordHash ?? "")).toBe(false);
  expect(await verifyCredentials("old.hash@example.org", "an old but fine password")).not.toBeNull();
});
