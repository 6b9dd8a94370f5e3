import { expect, test } from "vitest";
import { verifyCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { createAdmin } from "@/lib/users/admin";

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
