// The admins' users screen: deactivating someone ends the session they have and stops them signing in.
import { expect, test } from "@playwright/test";
import { hashPassword } from "../lib/platform/auth/password";
import { e2eDatabase } from "./database";
import { logIn, logInAs } from "./fixtures";

test("an admin deactivates a user, whose session ends and who can no longer sign in", async ({ page, browser }) => {
  const email = `leaving.${Date.now()}@example.org`;
  const password = "leaving-user-passphrase";
  const { prisma, close } = e2eDatabase();
  try {
    await prisma.user.create({ data: { email, name: "Leaving User", passwordHash: await hashPassword(password) } });
  } finally {
    await close();
  }
  // The user is signed in, in a browser of their own.
  const theirs = await (await browser.newContext()).newPage();
  await logIn(theirs, email, password);
  await expect(theirs).toHaveURL(/\/projects$/, { timeout: 20_000 });

  await logInAs(page, "admin@example.org");
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  const row = page.locator(`tr[data-user="${email}"]`);
  await expect(row.locator("[data-col=status]")).toHaveText("Active");
  // The admin's own row offers no way to deactivate or demote themselves.
  const own = page.locator('tr[data-user="admin@example.org"]');
  await expect(own.getByRole("button", { name: /^(Deactivate|Remove admin)/ })).toHaveCount(0);

  await row.getByRole("button", { name: "Deactivate Leaving User" }).click();
  await expect(row.locator("[data-col=status]")).toHaveText("Deactivated");
  await expect(row.getByRole("button", { name: "Reactivate Leaving User" })).toBeVisible();

  // Their open session is over, and the right password no longer signs them in.
  await theirs.goto("/projects");
  await expect(theirs).toHaveURL(/\/login/);
  await logIn(theirs, email, password);
  await expect(theirs.locator("form [role=alert]")).toHaveText("The e-mail or password is not correct.");
  await expect(theirs).toHaveURL(/\/login$/);

  const db = e2eDatabase();
  try {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await db.prisma.auditEvent.count({ where: { action: "user.deactivate", entityId: user.id } })).toBe(1);
  } finally {
    await db.close();
  }
});
