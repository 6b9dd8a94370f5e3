// axe-core on every page, at a laptop's and a phone's size: no serious or critical violation, no page
// wider than the screen (tables scroll inside their own frame), also with a chart's table view open.
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { createShareLink, logInAs } from "./fixtures";

async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, what).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page, what: string) {
  const widths = await page.evaluate(() => ({
    page: document.scrollingElement?.scrollWidth ?? document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  // A phone may zoom out to show a page wider than itself, widening innerWidth: the screen's width bounds it too.
  const screen = Math.min(widths.window, page.viewportSize()?.width ?? widths.window);
  expect(widths.page, `${what} is wider than the screen`).toBeLessThanOrEqual(screen);
}

/** A project's pages and the signed-in pages outside projects, as a manager opens them. */
function signedInPages(project: string) {
  const tabs = [
    "entry",
    "review",
    "import",
    "import/survey",
    "settings",
    "logframe",
    "targets",
    "schedule",
    "team",
    "partners",
    "share",
  ];
  return [...tabs.map((tab) => `${project}/${tab}`), "/inbox", "/settings/account", "/settings/tokens", "/api-docs"];
}

async function openCharts(page: Page, code: string) {
  const card = page.locator(`article[data-indicator="${code}"]`);
  await card.getByRole("button", { name: "Show charts" }).click();
  await expect(card.locator(".recharts-surface").first()).toBeVisible();
  await expect(card.locator(".skeleton")).toHaveCount(0);
  return card;
}

const screens = [
  { name: "laptop", viewport: { width: 1366, height: 768 }, mobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, mobile: true },
] as const;

async function openScreen(browser: Browser, { viewport, mobile }: (typeof screens)[number]) {
  return browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile });
}

/** Opens a page, waits until it is drawn and its data is in, then checks it. */
async function check(page: Page, path: string, what = path) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expectNoSidewaysScroll(page, what);
  await expectAccessible(page, what);
}

for (const screen of screens) {
  test(`on a ${screen.name} (${screen.viewport.width} px) every page a manager opens is accessible and fits the screen`, async ({
    browser,
  }) => {
    test.setTimeout(300_000); // a score of pages, each drawn and checked by axe, on a shared 2-core machine
    const context = await openScreen(browser, screen);
    const page = await context.newPage();
    await logInAs(page, "manager@example.org");
    await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
    await expect(page).toHaveURL(/\/projects\/[^/]+$/);
    const project = new URL(page.url()).pathname;

    await check(page, project, "dashboard");
    // The status matrix fits its frame: its labels wrap rather than being cut ("On tracl").
    const clipped = await page
      .locator(".matrix > *")
      .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent));
    expect(clipped, "status matrix labels cut off").toEqual([]);
    // With the charts' table views open (the matrix's and an indicator's): each opens (a click on a button
    // a table view covered would fail), scrolls inside its frame and leaves the page as wide as the screen.
    await page.locator('[data-chart$="-status-matrix"]').getByRole("button", { name: "Table view" }).click();
    const card = await openCharts(page, "OP1.1.1");
    const tableViews = card.getByRole("button", { name: "Table view" });
    expect(await tableViews.count()).toBeGreaterThan(1);
    while ((await tableViews.count()) > 0) await tableViews.first().click();
    await expect(card.getByRole("table").first()).toBeVisible();
    await expectNoSidewaysScroll(page, "dashboard with table views open");
    await expectAccessible(page, "dashboard with table views open");

    const indicator = await card.getByRole("link", { name: "All figures and results" }).getAttribute("href");
    expect(indicator).toBeTruthy();
    const paths = [
      "/projects",
      "/projects/new",
      indicator ?? "",
      (indicator ?? "").replace("/indicators/", "/logframe/"),
      ...signedInPages(project),
      "/projects/no-such-project",
    ];
    for (const path of paths) await check(page, path);

    // The entry grid keeps its indicator column in view while its places scroll by.
    await page.goto(`${project}/entry`);
    const grid = page.locator(".table-scroll").filter({ has: page.locator("table.entry-grid") });
    await grid.evaluate((frame) => {
      frame.scrollLeft = frame.scrollWidth;
    });
    const frame = await grid.boundingBox();
    const firstColumn = await grid.locator("tbody th").first().boundingBox();
    expect(firstColumn?.x ?? -1, "indicator column scrolled out of view").toBeGreaterThanOrEqual((frame?.x ?? 0) - 1);

    // The donor page, as a donor opens its link, not signed in.
    await page.goto(`${project}/share`);
    const url = await createShareLink(page, `Screen check ${screen.name}`);
    const donor = await (await openScreen(browser, screen)).newPage();
    await check(donor, url, "donor page");
    await openCharts(donor, "OP1.1.1");
    await expectNoSidewaysScroll(donor, "donor page with charts");
    await expectAccessible(donor, "donor page with charts");
    await donor.context().close();
    await context.close();
  });

  test(`on a ${screen.name} (${screen.viewport.width} px) the sign-in, missing and admin pages are accessible and fit the screen`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const context = await openScreen(browser, screen);
    const page = await context.newPage();
    for (const path of ["/login", "/reset", "/reset/no-such-link", "/invite/no-such-invitation", "/no-such-page"]) {
      await check(page, path);
    }
    await logInAs(page, "admin@example.org");
    await check(page, "/admin/users");
    await check(page, "/admin/partners");
    await context.close();
  });
}

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
  const pages = ["/projects", "/projects/new", project, indicator ?? "", ...signedInPages(project)];
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
