import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { logInAs } from "./fixtures";

async function openPeru(page: Page) {
  await logInAs(page, "manager@example.org");
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Venezuelan migrants and refugees in Peru/);
}

function filters(page: Page) {
  return page.getByRole("form", { name: "Filters" });
}

function card(page: Page, code: string) {
  return page.locator(`article[data-indicator="${code}"]`);
}

async function openCharts(page: Page, code: string) {
  await card(page, code).getByRole("button", { name: "Show charts" }).click();
  return card(page, code);
}

test("a program manager reads target vs achieved per region, and the table matches the summary API", async ({
  page,
}) => {
  await openPeru(page);
  await expect(page.getByRole("list", { name: "Indicators by status" })).toBeVisible();
  const legal = await openCharts(page, "OP1.1.1");
  await expect(legal.locator(".recharts-bar-rectangle").first()).toBeVisible();
  // Each bar's label is inside the drawing, the longest too (they were cut at the right edge).
  // The drawing itself (the legend's icons are drawings too).
  const regions = legal.locator('[data-chart$="OP1.1.1-regions"] .recharts-wrapper > svg.recharts-surface');
  const frame = await regions.boundingBox();
  const labels = await regions
    .locator(".recharts-label-list text")
    .evaluateAll((texts) => texts.map((text) => text.getBoundingClientRect().right));
  expect(labels.length).toBeGreaterThan(0);
  for (const right of labels) expect(right).toBeLessThanOrEqual((frame?.x ?? 0) + (frame?.width ?? 0));

  const table = legal.getByRole("table", { name: /Target and achieved per region: OP1.1.1/ });
  // Tumbes: approved quarters 310 + 420 + 380; the submitted and draft quarters do not count.
  const tumbes = table.locator('tr[data-row="PE-TUM"]');
  await expect(tumbes.locator('[data-col="target"]')).toHaveText("1,800");
  await expect(tumbes.locator('[data-col="achieved"]')).toHaveText("1,110");
  await expect(tumbes.locator('[data-col="achievement"]')).toHaveText("62%");
  // 1,110 (Tumbes) + 680 (Piura) + 590 (La Libertad) + 2,190 (Lima) + 500 (Callao).
  const total = table.locator('tr[data-row="total"]');
  await expect(total.locator('[data-col="target"]')).toHaveText("8,250");
  await expect(total.locator('[data-col="achieved"]')).toHaveText("5,070");
  await expect(total.locator('[data-col="status"]')).toHaveText(/Off track/);

  // The same numbers as the summary API serves (one engine function behind both).
  const projectId = new URL(page.url()).pathname.split("/").pop();
  const api = await page.request.get(`/api/v1/projects/${projectId}/summary`);
  const summary = await api.json();
  const fromApi = summary.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === "OP1.1.1");
  expect(fromApi.overall.actual).toBe(5070);
  expect(fromApi.byLocation.find((l: { isoCode: string }) => l.isoCode === "PE-TUM").actual).toBe(1110);

  // The disaggregation shows the part not reported.
  const bySex = legal.getByRole("table", { name: /OP1.1.1 .* by Sex/ });
  await expect(bySex.locator('tr[data-row="Lima"] [data-col="not_reported"]')).toHaveText("75");

  await legal.getByText("How was this computed?").click();
  await expect(legal.getByText("Counts added up.")).toBeVisible();
  await expect(legal.getByText("15 results (approved)")).toBeVisible();

  // The chart's CSV holds the raw numbers of its table.
  const download = page.waitForEvent("download");
  await legal.locator('[data-chart$="OP1.1.1-regions"]').getByRole("button", { name: "CSV" }).click();
  const csv = readFileSync((await (await download).path()) ?? "", "utf8");
  expect(csv).toContain("region,target,achieved,achievement,status,results");
  expect(csv).toContain("Tumbes,1800,1110,0.616666666667,offTrack,3"); // twelve significant digits, no binary noise

  // And its drawing as a PNG image.
  const png = page.waitForEvent("download");
  await legal.locator('[data-chart$="OP1.1.1-regions"]').getByRole("button", { name: "PNG" }).click();
  const image = await png;
  expect(image.suggestedFilename()).toBe("PE-VEN-2021-OP1.1.1-regions.png");
  const bytes = readFileSync((await image.path()) ?? "");
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  // Taller than the drawing at twice its size: a title above it, its legend and the source and date below.
  const drawing = await regions.boundingBox();
  expect(bytes.readUInt32BE(20)).toBeGreaterThan(2 * (drawing?.height ?? 0) + 60);
  // The status matrix is no drawing: it offers its table and CSV, not a PNG that would do nothing.
  await expect(page.locator('[data-chart$="status-matrix"]').getByRole("button", { name: "PNG" })).toHaveCount(0);
});

test("filters change the figures without reloading the page and are kept in the URL", async ({ page }) => {
  await openPeru(page);
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
  const actual = card(page, "OP1.1.1").locator('[data-figure="actual"]');
  await expect(actual).toHaveText("5,070");

  await filters(page).getByLabel("Region").selectOption({ label: "Lima" });
  await expect(actual).toHaveText("2,190");
  await expect(page).toHaveURL(/location=PE-LIM/);

  await filters(page).getByLabel("Include submitted values (preview)").check();
  await expect(actual).toHaveText("2,890");
  await expect(page.getByText("Preview: includes submitted values not yet approved")).toBeVisible();
  await expect(page).toHaveURL(/preview=1/);

  await filters(page).getByLabel("As of").fill("2021-01-15");
  await expect(card(page, "G.1").locator("header .status")).toHaveText(/Not yet due/);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // A bookmarked view opens with the same filters.
  await page.reload();
  await expect(filters(page).getByLabel("Region")).toHaveValue("PE-LIM");
  // Lima as of 15 January 2021: the quarters begun by then, 620 + 810.
  await expect(actual).toHaveText("1,430");

  // An indicator's own page opens as of the same day, and its way back keeps it.
  await card(page, "OP1.1.1").getByRole("link", { name: "All figures and results" }).click();
  await expect(page).toHaveURL(/\/indicators\/[^/?]+\?asOf=2021-01-15$/);
  await expect(
    page.locator(".project-actions").getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }),
  ).toHaveAttribute("href", /\?asOf=2021-01-15$/);
});

test("survey percentages sum numerators and denominators, with confidence intervals per round", async ({ page }) => {
  await openPeru(page);
  const survey = card(page, "G.1"); // the first indicator opens with its charts
  const table = survey.getByRole("table", { name: /Target and achieved per region: G.1/ });
  const total = table.locator('tr[data-row="total"]');
  // Final evaluation: (49 + 41 + 36 + 52 + 44) / (76 + 74 + 73 + 76 + 73) = 222 / 372.
  await expect(total.locator('[data-col="counts"]')).toHaveText("222 / 372");
  await expect(total.locator('[data-col="achieved"]')).toHaveText("59.7 %");
  await expect(total.locator('[data-col="target"]')).toHaveText("60.0 %");
  const rounds = survey.getByRole("table", { name: /Survey rounds: G.1/ });
  await expect(rounds.locator('tr[data-row="Final evaluation"] [data-col="change"]')).toHaveText(
    "Beyond the margin of error",
  );
  await expect(rounds.locator('tr[data-row="Final evaluation"] [data-col="ci"]')).toHaveText(/^\d+\.\d % – \d+\.\d %$/);
  // A target mark for each round with a target, none for a round without one.
  const targets = await rounds.locator('tbody tr [data-col="target"]').allTextContents();
  const marks = survey.locator('[data-chart$="G.1-rounds"] .recharts-scatter-symbol rect');
  await expect(marks).toHaveCount(targets.filter((t) => /\d/.test(t)).length);
});

test("trends by place: achieved to date against expected, per place, the same as the API's figures there", async ({
  page,
}) => {
  await openPeru(page);
  const legal = await openCharts(page, "OP1.1.1");
  const trends = legal.locator('[data-chart="OP1.1.1-trends"]');
  await expect(
    trends.getByRole("heading", { name: "Trends by place: achieved to date against expected" }),
  ).toBeVisible();
  await expect(trends.locator(".small-multiples li")).toHaveCount(5);
  const tumbes = trends.locator('li[data-place="Tumbes"]');
  await expect(tumbes.locator("svg polyline.achieved")).toBeVisible();
  const projectId = new URL(page.url()).pathname.split("/").pop();
  const overview = await (await page.request.get(`/api/v1/projects/${projectId}/summary?view=overview`)).json();
  const id = overview.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === "OP1.1.1").indicator
    .id;
  const api = await (
    await page.request.get(`/api/v1/projects/${projectId}/summary?indicator=${id}&location=PE-TUM`)
  ).json();
  const toDate = api.indicators[0].byTime.filter(
    (t: { toDate: { actual: number | null } }) => t.toDate.actual !== null,
  );
  const last = toDate.at(-1).toDate;
  const count = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
  const expected = last.expectedToDate === null ? "–" : count.format(last.expectedToDate);
  await expect(tumbes).toContainText(`${count.format(last.actual)} / ${expected}`);
  // The same in the table view.
  await expect(trends.locator("table tr", { hasText: "Tumbes" })).toContainText(
    `${count.format(last.actual)}${expected}`,
  );
});

test("the map shows each region's status as the API gives it, in colour, pattern and words, with a table view", async ({
  page,
}) => {
  await openPeru(page);
  const legal = await openCharts(page, "OP1.1.1");
  const map = legal.locator('[data-chart$="OP1.1.1-map"]');
  await expect(map.getByRole("heading", { name: "On the map: status by place" })).toBeVisible();
  await expect(map.locator("svg path[data-place]")).toHaveCount(5);
  const projectId = new URL(page.url()).pathname.split("/").pop();
  const overview = await (await page.request.get(`/api/v1/projects/${projectId}/summary?view=overview`)).json();
  const figures = overview.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === "OP1.1.1");
  const words: Record<string, string> = { onTrack: "On track", atRisk: "At risk", offTrack: "Off track" };
  const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 });
  type Place = { id: string; parentId: string | null; name: string; achievement: number; status: string };
  const places: Place[] = figures.byLocation;
  // The regions: Peru groups them, and is drawn beneath them without a figure.
  const regions = places.filter((p) => !places.some((other) => other.parentId === p.id));
  expect(regions).toHaveLength(5);
  for (const place of regions) {
    const shape = map.locator(`path[data-place="${place.name}"]`);
    expect(words[place.status], `${place.name} has a status`).toBeDefined();
    await expect(shape.locator("title")).toHaveText(
      `${place.name}: ${percent.format(place.achievement)} ${words[place.status]}`,
    );
    // Each status has its own pattern, so the map reads without colour.
    await expect(shape).toHaveAttribute("fill", new RegExp(`-${place.status}\\)$`));
    // And every place is labelled on the drawing, small ones (Callao, Tumbes) beside a marker.
    await expect(map.locator(`g[data-label-of="${place.name}"] text`)).toContainText(percent.format(place.achievement));
  }
  // No label runs past the drawing's frame.
  const frame = await map.locator("svg.place-map-surface").evaluate((svg) => svg.getBoundingClientRect().toJSON());
  const labels = await map
    .locator("g[data-label-of] text")
    .evaluateAll((texts) => texts.map((text) => text.getBoundingClientRect().toJSON()));
  expect(labels).toHaveLength(5);
  for (const label of labels) {
    expect(label.left).toBeGreaterThanOrEqual(frame.left);
    expect(label.right).toBeLessThanOrEqual(frame.right);
  }
  await map.getByRole("button", { name: "Table view" }).click();
  const table = map.getByRole("table", {
    name: "OP1.1.1 Number of people who received legal orientation: status by place",
  });
  await expect(table.locator("tbody tr")).toHaveCount(5);
  await expect(table.locator("tr", { hasText: "Tumbes" })).toContainText("1,110");
});
