// Issue 31, offline-first entry, as a field office meets it: the entry page reloads without a connection
// (the worker keeps it), what is saved there waits in the browser, marked per cell, and is sent once when
// the connection returns, naming the versions it was typed over; a value someone else changed meanwhile
// is shown beside what was typed, to choose, and stays in the value's history.
import { expect, type Page, test } from "@playwright/test";
import { logInAs } from "./fixtures";

const project = /Inclusion of Roma women and girls in the Western Balkans/;

type Cell = { key: string; where: string; fields: string[] };

/** The sheet's empty cells that take a value: their key, their place in words, their fields' names. */
async function emptyCells(page: Page): Promise<Cell[]> {
  return page.locator("table.entry-grid td").evaluateAll((cells) =>
    cells.flatMap((td) => {
      const inputs = [...td.querySelectorAll("input[data-key]")] as HTMLInputElement[];
      if (!inputs.length || inputs.some((i) => i.disabled || i.value !== "")) return [];
      const labels = inputs.map((i) => i.getAttribute("aria-label") ?? "");
      return [
        { key: inputs[0]?.dataset.key ?? "", where: labels[0]?.split(": ").slice(1).join(": ") ?? "", fields: labels },
      ];
    }),
  );
}
const field = (page: Page, label: string) => page.getByRole("textbox", { name: label, exact: true });
async function fill(page: Page, cell: Cell, figure: string) {
  for (const label of cell.fields) await field(page, label).fill(figure);
}
async function expectCell(page: Page, cell: Cell, figure: string) {
  for (const label of cell.fields) await expect(field(page, label)).toHaveValue(figure);
}
/** The cells marked as waiting to be sent, in words. */
const waitingCells = (page: Page) => page.locator("td .waiting-sync", { hasText: "Waiting to sync" });
/** The value's history as the cell shows it, one line per change. */
async function history(page: Page, cell: Cell) {
  await page.getByLabel(`History of ${cell.where}`, { exact: true }).click();
  const lines = page.locator(`details.value-history:has(summary[aria-label="History of ${cell.where}"]) li`);
  await expect(lines.first()).toBeVisible();
  return lines.allTextContents();
}

test("entry reloads without a connection; what is saved there is sent once when it returns; a value changed meanwhile is shown, not lost", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logInAs(page, "evaluator@example.org");
  await page.getByRole("link", { name: project }).click();
  await page.getByRole("link", { name: "Enter results" }).click();
  // The last half-year: one the other entry specs leave alone.
  await page.getByRole("link", { name: "2022-H2", exact: true }).click();
  await expect(page.getByRole("link", { name: "2022-H2", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page).toHaveURL(/\/entry\?time=[^&]+$/);
  const url = page.url();
  const [a, c] = await emptyCells(page);
  if (!a || !c) throw new Error("the period needs two empty cells");

  // A draft saved with a connection: the value someone else will change meanwhile.
  await fill(page, c, "1");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("1 value saved as draft.")).toBeVisible();
  // The entry worker controls the page; the reload through it keeps the page as this account sees it now.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.reload();
  await expectCell(page, c, "1");

  // Meanwhile, the manager changes that draft, online.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await logInAs(manager, "manager@example.org");
  await manager.goto(url);
  await fill(manager, c, "7");
  await manager.getByRole("button", { name: "Save draft" }).click();
  await expect(manager.getByText("1 value saved as draft.")).toBeVisible();
  await managerContext.close();

  // The connection drops: the page reloads all the same, as it was kept (the draft still 1, not the manager's 7).
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Enter results" })).toBeVisible();
  await expectCell(page, c, "1");
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  // Typed and saved without a connection: each cell is marked as waiting, in words, and survives a reload.
  await fill(page, a, "5");
  await fill(page, c, "2");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/^No connection: 2 values wait in this browser/)).toBeVisible();
  await expect(waitingCells(page)).toHaveCount(2);
  await page.reload();
  await expectCell(page, a, "5");
  await expectCell(page, c, "2");
  await expect(waitingCells(page)).toHaveCount(2);

  // Back online: the waiting save goes at once, and meets the manager's change; nothing is saved yet.
  await context.setOffline(false);
  const choice = page.getByRole("group", { name: `Changed meanwhile: ${c.where}` });
  await expect(choice).toBeVisible();
  await expect(choice.locator("[data-theirs]")).toContainText("7");
  await expect(choice.locator("[data-mine]")).toContainText("2");
  await expect(page.getByText(/^Someone else changed a value since you typed over it/)).toBeVisible();

  // The evaluator keeps their own: the waiting save is sent again, over the manager's version.
  await choice.getByRole("button", { name: "Keep mine" }).click();
  await expect(page.getByText("2 values saved as drafts.")).toBeVisible();
  await expect(waitingCells(page)).toHaveCount(0);
  await page.reload();
  await expectCell(page, a, "5");
  await expectCell(page, c, "2");
  await expect(waitingCells(page)).toHaveCount(0);
  // Saved once; and the manager's value is in the history, not lost.
  expect(await history(page, a)).toHaveLength(1);
  const changes = await history(page, c);
  expect(changes).toHaveLength(3);
  expect(changes.join("\n")).toMatch(/7 → 2/);

  // Signing out drops every kept page: offline, the entry page is no longer there for anyone.
  const keptPages = () => page.evaluate(async () => (await (await caches.open("me-entry-pages-v1")).keys()).length);
  expect(await keptPages()).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect.poll(keptPages).toBe(0);
  await context.setOffline(true);
  await expect(page.goto(url)).rejects.toThrow(/net::ERR_/);
  await context.close();
});

test("an entry page opened once, before the worker controlled it, is kept with its files and reloads offline", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logInAs(page, "evaluator@example.org");
  await page.getByRole("link", { name: project }).click();
  await page.getByRole("link", { name: "Enter results" }).click();
  await expect(page).toHaveURL(/\/entry\?time=[^&]+$/);
  const url = page.url();
  // This first visit was loaded without the worker: the page hands it what it loaded, and it keeps them.
  await expect
    .poll(() => page.evaluate(async (href) => Boolean(await (await caches.open("me-entry-pages-v1")).match(href)), url))
    .toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Enter results" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save draft" })).toBeVisible();
  // Its scripts came from the kept files: the grid answers, and a save waits for the connection.
  const cell = page.locator("table.entry-grid td:has(input[data-key]:not([disabled]))").first();
  for (const input of await cell.locator("input[data-key]").all()) await input.fill("1");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/^No connection: 1 value waits in this browser/)).toBeVisible();
  await context.close();
});

test("the app is installable: a manifest in the reader's language, PNG icons (192, 512, maskable) and its colour", async ({
  request,
  page,
}) => {
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({
    name: "M&E Dashboard",
    display: "standalone",
    start_url: "/projects",
    theme_color: "#0b5cad",
  });
  const spanish = await (
    await request.get("/manifest.webmanifest", { headers: { "accept-language": "es-PE,es;q=0.9" } })
  ).json();
  expect(spanish).toMatchObject({ name: "Tablero de M&E", lang: "es" });
  const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[];
  expect(icons.map((i) => `${i.sizes} ${i.type} ${i.purpose}`).sort()).toEqual([
    "192x192 image/png any",
    "512x512 image/png any",
    "512x512 image/png maskable",
    "any image/svg+xml any",
  ]);
  for (const icon of icons) {
    const answer = await request.get(icon.src);
    expect(answer.status(), icon.src).toBe(200);
    expect(answer.headers()["content-type"]).toContain(icon.type);
  }
  // The pages name it and carry its colour.
  await page.goto("/login");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#0b5cad");
});
