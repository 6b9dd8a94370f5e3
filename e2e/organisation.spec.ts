// The organisation's picture (#34): the demo's indicator library, and a library indicator rolled up by
// country from the projects the reader may open, with the projects and values each figure is made of.
import { expect, test } from "@playwright/test";
import { logInAs } from "./fixtures";

test("a manager opens the library and sees people reached by country, each figure with its projects; filters live in the address", async ({
  page,
}) => {
  await logInAs(page, "manager@example.org");
  await page.getByRole("link", { name: "Organisation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organisation" })).toBeVisible();
  const reach = page.locator('tr[data-library="ORG-REACH"]');
  await expect(reach.locator("td").last()).toHaveText("3");
  await reach.getByRole("link", { name: "People reached, by sex" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "ORG-REACH: People reached, by sex" })).toBeVisible();
  const rollup = page.getByTestId("rollup");
  // Peru's figure is the Peru project's own (its dashboard shows 5,070), and says so.
  const peru = rollup.locator('tr[data-group="PE"]');
  await expect(peru.locator("th")).toHaveText("Peru");
  await expect(peru.locator("[data-col=achieved]")).toHaveText("5,070");
  await expect(peru.locator("[data-col=explanation]")).toContainText("PE-VEN-2021: 5,070 against");
  await expect(rollup.locator("tbody tr")).toHaveCount(7);
  await expect(page.getByTestId("linked-projects").locator("li")).toHaveCount(3);

  await page.getByLabel("By").selectOption("total");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/by=total/);
  await expect(rollup.locator("tbody tr")).toHaveCount(1);
  await expect(rollup.locator("tbody tr th")).toHaveText("All projects");
  await expect(rollup.locator("[data-col=explanation] li")).toHaveCount(3);
});

test("a viewer of one project sees that project's part only, in Spanish", async ({ browser }) => {
  const context = await browser.newContext({ locale: "es-PE" });
  const page = await context.newPage();
  await logInAs(page, "viewer@example.org");
  await page.goto("/organisation");
  const reach = page.locator('tr[data-library="ORG-REACH"]');
  await expect(reach.locator("td").last()).toHaveText("1");
  await reach.getByRole("link", { name: "Personas alcanzadas, por sexo" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Meta y logro" })).toBeVisible();
  await expect(page.getByTestId("rollup").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("rollup").locator('tr[data-group="PE"] [data-col=achieved]')).toHaveText("5070");
  await expect(page.getByTestId("linked-projects").locator("li")).toHaveCount(1);
  await context.close();
});

test("an admin adds a library indicator; a rule that does not fit its measure is refused on its field", async ({
  page,
}) => {
  await logInAs(page, "admin@example.org");
  await page.goto("/organisation");
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Add a library indicator" }) });
  const code = `E2E-${Date.now()}`;
  await form.getByLabel("Code").fill(code);
  await form.getByLabel("Name in English").fill("Households with safe water");
  await form.getByLabel("Name in Spanish").fill("Hogares con agua segura");
  await form.getByLabel("Measure").selectOption("PERCENTAGE");
  await form.getByLabel("Roll-up").selectOption("SUM");
  await form.getByRole("button", { name: "Add to the library" }).click();
  await expect(form.locator("#lib-rule-error")).toContainText("This roll-up does not fit the measure");
  await expect(page.locator(`tr[data-library="${code}"]`)).toHaveCount(0);

  await form.getByLabel("Roll-up").selectOption("");
  await form.getByRole("button", { name: "Add to the library" }).click();
  await expect(form.getByRole("status")).toHaveText(`${code} added to the library.`);
  const row = page.locator(`tr[data-library="${code}"]`);
  await expect(row).toContainText("Summed numerators over summed denominators");
  await expect(row.locator("td").last()).toHaveText("0");
});

test("a manager reads the library but is offered no form to change it", async ({ page }) => {
  await logInAs(page, "manager@example.org");
  await page.goto("/organisation");
  await expect(page.locator('tr[data-library="ORG-REACH"]')).toBeVisible();
  await expect(page.getByRole("heading", { name: "Add a library indicator" })).toHaveCount(0);
});

test("an admin groups countries into a region: a country already in another region is refused on its field", async ({
  page,
}) => {
  await logInAs(page, "admin@example.org");
  await page.goto("/organisation");
  const regions = page.getByTestId("regions");
  await expect(regions.locator('tr[data-region="western-balkans"] th')).toHaveText("Western Balkans");
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Add or change a region" }) });
  await form.getByLabel("Region key").fill("andes-e2e");
  await form.getByLabel("Name in English").fill("Andes");
  await form.getByLabel("Name in Spanish").fill("Andes");
  await form.getByLabel(/^Countries/).fill("PE, BO");
  await form.getByRole("button", { name: "Save the region" }).click();
  await expect(form.locator("#region-countries-error")).toContainText("already in another region");
  await expect(regions.locator('tr[data-region="andes-e2e"]')).toHaveCount(0);

  await form.getByLabel(/^Countries/).fill("bo, CO");
  await form.getByRole("button", { name: "Save the region" }).click();
  await expect(form.getByRole("status")).toHaveText("Region andes-e2e saved.");
  await expect(regions.locator('tr[data-region="andes-e2e"] td').last()).toHaveText("BO, CO");
});

test("a manager rolls people reached up by region, with its chart and table, and downloads it as CSV with the filters", async ({
  page,
}) => {
  await logInAs(page, "manager@example.org");
  await page.goto("/organisation");
  await page.locator('tr[data-library="ORG-REACH"]').getByRole("link").click();
  // By country (the default): the countries' achieved figures on the map, from the projects' outlines.
  const map = page.locator('section[data-chart="rollup-ORG-REACH-map"]');
  await expect(map.locator('path[data-place="Peru"]')).toHaveCount(1);
  await expect(map.locator('[data-label-of="Peru"]')).toHaveText("5,070");
  await page.getByLabel("By").selectOption("region");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/by=region/);
  const rollup = page.getByTestId("rollup");
  await expect(rollup.locator("tbody tr th")).toHaveText([
    "Latin America and the Caribbean",
    "South Asia",
    "Western Balkans",
  ]);
  await expect(rollup.locator('tr[data-group="latin-america"] [data-col=achieved]')).toHaveText("5,070");

  // The chart by region, and its table view of the same numbers; progress over the years beside it.
  const chart = page.locator("section.chart-frame", {
    has: page.getByRole("heading", { name: "Target and achieved per Region" }),
  });
  await chart.getByRole("button", { name: "Table view" }).click();
  await expect(chart.locator('tr[data-row="latin-america"] [data-col=achieved]')).toHaveText("5,070");
  await expect(page.getByRole("heading", { name: "Progress over time" })).toBeVisible();

  const downloads = page.getByTestId("rollup-downloads");
  await expect(downloads.getByRole("link", { name: "PDF" })).toHaveAttribute("href", /rollup\.pdf\?by=region/);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    downloads.getByRole("link", { name: "CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("ORG-REACH-rollup-by-region.csv");
  const text = await (await download.createReadStream()).toArray();
  const csv = Buffer.concat(text).toString("utf8");
  expect(csv).toContain("by,year,as_of,group_key,group,target,achieved");
  expect(csv).toMatch(/region,,\d{4}-\d{2}-\d{2},western-balkans,Western Balkans,/);
  expect(csv).toContain("WB-ROMA-W");
});
