// Single sign-on through a real OpenID Connect provider (e2e/oidc-server.ts, the oidc-provider package):
// only the instance on port 3102 is configured with it (playwright.config.ts). The browser goes to the
// provider and back; the app matches the account by its verified e-mail.
import { expect, type Page, test } from "@playwright/test";
import { e2eDatabase } from "./database";
import { oidcIssuer, oidcLabel, ssoAppUrl } from "./oidc";

/** Starts single sign-on on the SSO instance and signs in at the provider with one of its accounts. */
async function signInAtProvider(page: Page, login: string) {
  await page.goto(`${ssoAppUrl}/login`);
  const button = page.getByRole("button", { name: `Sign in with ${oidcLabel}` });
  await expect(button).toBeEnabled();
  await button.click();
  await expect(page).toHaveURL(new RegExp(`^${oidcIssuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password: the provider's development form");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // The provider asks once per session to let the app read the account's e-mail and name.
  await page.getByRole("button", { name: "Continue" }).click();
}

test("an instance without single sign-on shows no button for it", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: /^sign in$/i })).toBeVisible();
  await expect(page.getByRole("button", { name: /sign in with/i })).toHaveCount(0);
});

test("a verified e-mail at the provider signs in as the user who has it", async ({ page }) => {
  await signInAtProvider(page, "programs");
  await expect(page).toHaveURL(`${ssoAppUrl}/projects`, { timeout: 20_000 });
  // The session is the app's demo program manager, who may create projects.
  await expect(page.getByRole("link", { name: "New project" })).toBeVisible();

  const { prisma, close } = e2eDatabase();
  try {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "programs@example.org" } });
    expect(user.lastSignInAt).not.toBeNull();
    const signIns = await prisma.auditEvent.findMany({ where: { entityId: user.id, action: "user.signIn" } });
    expect(signIns.map((e) => e.after)).toContainEqual({ method: "oidc" });
  } finally {
    await close();
  }
});

test("an e-mail the provider has not verified is refused, even though an account has it", async ({ page }) => {
  await signInAtProvider(page, "unverified");
  await expect(page).toHaveURL(/\/login\?error=SsoUnverified$/, { timeout: 20_000 });
  await expect(page.locator("p[role=alert]")).toContainText("did not give a verified e-mail address");
  await page.goto(`${ssoAppUrl}/projects`);
  await expect(page).toHaveURL(/\/login/);
});

test("a verified e-mail with no account here is refused and no account is made", async ({ page }) => {
  await signInAtProvider(page, "stranger");
  await expect(page).toHaveURL(/\/login\?error=SsoUnknown$/, { timeout: 20_000 });
  await expect(page.locator("p[role=alert]")).toContainText(
    "No account here has the e-mail of your Example ID account",
  );
  await page.goto(`${ssoAppUrl}/projects`);
  await expect(page).toHaveURL(/\/login/);
  const { prisma, close } = e2eDatabase();
  try {
    expect(await prisma.user.count({ where: { email: "stranger@example.org" } })).toBe(0);
  } finally {
    await close();
  }
});

test("a deactivated account is refused", async ({ page }) => {
  const { prisma, close } = e2eDatabase();
  try {
    await prisma.user.create({
      data: { email: "departed@example.org", name: "Dana Departed", passwordHash: null, deactivatedAt: new Date() },
    });
  } finally {
    await close();
  }
  await signInAtProvider(page, "departed");
  await expect(page).toHaveURL(/\/login\?error=SsoDeactivated$/, { timeout: 20_000 });
  await expect(page.locator("p[role=alert]")).toContainText("This account has been deactivated");
  await page.goto(`${ssoAppUrl}/projects`);
  await expect(page).toHaveURL(/\/login/);
});
