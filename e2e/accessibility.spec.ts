// axe-core on the pages people use most, charts open, at a laptop's and a phone's width: no serious or
// critical violation, and no page wider than the screen.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { createShareLink, logInAs, openShareLinksPage } from "./fixtures";

async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, what).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page, what: string) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: document.documentElement.clientWidth,
  }));
  expect(widths.page, `${what} is wider than the screen`).toBeLessThanOrEqual(widths.screen);
}

async function openCharts(page: Page, code: string) {
  const card = page.locator(`article[data-indicator="${code}"]`);
  await card.getByRole("button", { name: "Show charts" }).click();
  await expect(card.locator(".recharts-surface").first()).toBeVisible();
}

test("sign-in, dashboard, entry and review pages have no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await expectAccessible(page, "login");

  await logInAs(page, "manager@example.org");
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Venezuelan migrants/);
  await openCharts(page, "OP1.1.1");
  await expectAccessible(page, "dashboard with charts");
  await expectNoSidewaysScroll(page, "dashboard with charts");

  await page.getByRole("link", { name: "Enter results" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enter results");
  await expectAccessible(page, "entry");
  await page.goBack();
  await page.getByRole("link", { name: "Review submitted results" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review submitted results");
  await expectAccessible(page, "review");
});

test("on a laptop and on a phone the dashboard, the indicator page and the donor page fit the screen with charts open", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000); // two screens or a score of pages, each signed in and drawn
  await openShareLinksPage(page);
  const url = await createShareLink(page, "Screen check");
  for (const [name, viewport, mobile] of [
    ["laptop", { width: 1366, height: 900 }, false],
    ["phone", { width: 390, height: 844 }, true],
  ] as const) {
    const screen = await browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile });
    const donor = await screen.newPage();
    await donor.goto(url);
    await expect(donor.getByRole("heading", { level: 1 })).toHaveText(/Venezuelan migrants/);
    await openCharts(donor, "OP1.1.1");
    await expectNoSidewaysScroll(donor, `donor page on a ${name}`);
    if (mobile) await expectAccessible(donor, "donor page");

    const manager = await screen.newPage();
    await logInAs(manager, "manager@example.org");
    await manager.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
    await openCharts(manager, "OP1.1.1");
    await expectNoSidewaysScroll(manager, `dashboard on a ${name}`);
    await manager
      .locator('article[data-indicator="OP1.1.1"]')
      .getByRole("link", { name: "All figures and results" })
      .click();
    await expect(manager.getByRole("heading", { level: 1 })).toContainText("OP1.1.1");
    await expectNoSidewaysScroll(manager, `indicator page on a ${name}`);
    await screen.close();
  }
});

test("every page a manager opens fits a 360 px screen: tables scroll inside their frame", async ({ browser }) => {
  test.setTimeout(120_000); // two screens or a score of pages, each signed in and drawn
  const phone = await browser.newContext({ viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await logInAs(page, "manager@example.org");
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  const project = new URL(page.url()).pathname;
  const indicator = await page
    .locator('article[data-indicator="OP1.1.1"]')
    .getByRole("link", { name: "All figures and results" })
    .getAttribute("href");
  const pages = [
    "/projects",
    "/projects/new",
    project,
    indicator ?? "",
    ...[
      "entry",
      "review",
      "import",
      "import/survey",
      "settings",
      "logframe",
      "targets",
      "schedule",
      "team",
      "share",
    ].map((p) => `${project}/${p}`),
    "/inbox",
    "/settings/account",
    "/settings/tokens",
    "/api-docs",
  ];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, path);
  }
  await phone.close();
});

test("a page that is not there has one main landmark, signed in or not", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.locator("main")).toHaveCount(1);
  await logInAs(page, "manager@example.org");
  const inside = await page.goto("/projects/no-such-project");
  expect(inside?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("main")).toHaveCount(1);
  await expectAccessible(page, "a missing project");
});
