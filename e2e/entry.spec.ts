import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { logInAs } from "./fixtures";

async function openPeruPage(page: Page, email: string, link: string) {
  await logInAs(page, email);
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await page.getByRole("link", { name: link }).click();
}

function cell(page: Page, field: string, code: string, region: string) {
  return page.getByRole("textbox", { name: `${field}: ${code}, ${region}`, exact: true });
}

test("values by sex are entered under their total, with the part not reported shown as one types", async ({ page }) => {
  await openPeruPage(page, "evaluator@example.org", "Enter results");
  await page.getByRole("link", { name: "2021-Q4", exact: true }).click();
  const total = page.getByRole("textbox", { name: "Value: OP1.1.1, Callao", exact: true });
  await expect(total).toHaveValue("60");
  await page.getByRole("textbox", { name: "Value: OP1.1.1 Female, Callao", exact: true }).fill("30");
  await page.getByRole("textbox", { name: "Value: OP1.1.1 Male, Callao", exact: true }).fill("20");
  const gap = page.locator('tr[data-option="OP1.1.1|Male"] [data-gap="Callao"]');
  await expect(gap).toHaveText("10 not reported");
  await page.getByRole("textbox", { name: "Value: OP1.1.1 Male, Callao", exact: true }).fill("40");
  await expect(gap).toHaveText("10 more than the total");
  await page.getByRole("textbox", { name: "Value: OP1.1.1 Male, Callao", exact: true }).fill("25");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("2 values saved as drafts.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Value: OP1.1.1 Female, Callao", exact: true })).toHaveValue("30");
  await expect(gap).toHaveText("5 not reported");
});

test("every problem of a sheet is named at once, and parts above their total block a submission", async ({ page }) => {
  await openPeruPage(page, "evaluator@example.org", "Enter results");
  await page.getByRole("link", { name: "2021-Q4", exact: true }).click();
  const female = cell(page, "Value", "OP1.1.1 Female", "Callao");
  const male = cell(page, "Value", "OP1.1.1 Male", "Callao");
  await cell(page, "Value", "OP1.1.2", "La Libertad").fill("abc");
  await female.fill("-5");
  await male.fill("12.5");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Nothing was saved: correct the values marked below.")).toBeVisible();
  await expect(page.getByText("Not a number.")).toBeVisible();
  await expect(page.getByText("Cannot be negative.")).toBeVisible();
  await expect(page.getByText("Must be a whole number.")).toBeVisible();

  // Callao's total is 60: 30 + 40 may be kept as a draft (with the warning), not submitted.
  await cell(page, "Value", "OP1.1.2", "La Libertad").fill("");
  await female.fill("30");
  await male.fill("40");
  await expect(page.locator('tr[data-option="OP1.1.1|Male"] [data-gap="Callao"]')).toHaveText("10 more than the total");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Nothing was saved: correct the values marked below.")).toBeVisible();
  await expect(page.getByText("The parts add up to more than this total", { exact: false })).toBeVisible();
  await expect(female).toBeEnabled();
});

test("an evaluator enters and submits results; a manager returns one with a comment, then approves it", async ({
  browser,
}) => {
  const evaluator = await (await browser.newContext()).newPage();
  await openPeruPage(evaluator, "evaluator@example.org", "Enter results");
  await evaluator.getByRole("link", { name: "2021-Q4", exact: true }).click();
  const laLibertad = cell(evaluator, "Value", "OP1.1.2", "La Libertad");

  // A wrong value is named and nothing is saved.
  await laLibertad.fill("-1");
  await evaluator.getByRole("button", { name: "Submit for review" }).click();
  await expect(evaluator.getByText("Nothing was saved: correct the values marked below.")).toBeVisible();
  await expect(evaluator.getByText("Cannot be negative.")).toBeVisible();

  // What was typed survives a reload (kept in the browser until saved).
  await laLibertad.fill("3");
  await evaluator.reload();
  await expect(laLibertad).toHaveValue("3");
  await evaluator.getByRole("button", { name: "Submit for review" }).click();
  // What was typed, and the sheet's drafts saved earlier (in this page load or before), all go for review.
  await expect(evaluator.getByText(/\d+ values submitted for review\./)).toBeVisible();
  await expect(laLibertad).toBeDisabled();
  await expect(cell(evaluator, "Value", "OP1.1.1 Female", "Callao")).toBeDisabled();

  // The manager returns it: a comment is required.
  const manager = await (await browser.newContext()).newPage();
  await openPeruPage(manager, "manager@example.org", "Review submitted results");
  const row = manager.locator('tr[data-result="OP1.1.2|La Libertad|2021-Q4"]');
  await row.getByRole("button", { name: "Return" }).click();
  await expect(row.getByRole("alert")).toHaveText("Write a comment to return a value.");
  await row.getByPlaceholder("Comment (needed to return)").fill("Only two networks met this quarter");
  await row.getByRole("button", { name: "Return" }).click();
  await expect(row).toHaveCount(0); // reviewed values leave the list
  // ... and the confirmation stays, said where the page keeps it.
  await expect(manager.getByRole("status").filter({ hasText: "OP1.1.2 La Libertad 2021-Q4" })).toHaveText(
    "OP1.1.2 La Libertad 2021-Q4: Returned with your comment.",
  );

  // The evaluator sees why, corrects and resubmits.
  await evaluator.reload();
  await expect(evaluator.getByText("“Only two networks met this quarter”")).toBeVisible();
  // The inbox in the header says so too, and leads back to the period.
  await evaluator.getByRole("link", { name: /^Inbox \(\d+\)$/ }).click();
  await evaluator.getByRole("link", { name: /values? to correct in .*Peru, 2021-Q4$/ }).click();
  await expect(laLibertad).toBeEnabled();
  await laLibertad.fill("2");
  await evaluator.getByRole("button", { name: "Submit for review" }).click();
  await expect(evaluator.getByText("1 value submitted for review.")).toBeVisible();

  // Approved, it counts in the dashboard.
  await manager.reload();
  await row.getByRole("button", { name: "Approve" }).click();
  await expect(row).toHaveCount(0);
  await manager.goto(manager.url().replace(/\/review$/, ""));
  const projectId = new URL(manager.url()).pathname.split("/").pop();
  const summary = await (await manager.request.get(`/api/v1/projects/${projectId}/summary`)).json();
  const networks = summary.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === "OP1.1.2");
  expect(networks.byLocation.find((l: { isoCode: string }) => l.isoCode === "PE-LAL").actual).toBe(2);
});

test("saving keeps the keyboard focus; a period locked while typing loses nothing typed", async ({ browser }) => {
  const evaluator = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await openPeruPage(evaluator, "evaluator@example.org", "Enter results");
  await evaluator.getByRole("link", { name: "2021-Q2", exact: true }).click();
  const open = evaluator.locator("table.entry-grid input:not([disabled])");
  await open.first().fill("4");
  const saveDraft = evaluator.getByRole("button", { name: "Save draft" });
  await saveDraft.focus();
  await evaluator.keyboard.press("Enter");
  await expect(evaluator.getByText("1 value saved as draft.")).toBeVisible();
  await expect(saveDraft).toBeFocused();

  // The manager locks the period while the evaluator types.
  await open.nth(1).fill("7");
  const manager = await (await browser.newContext()).newPage();
  await openPeruPage(manager, "manager@example.org", "Periods and survey rounds");
  const period = manager.locator('tr[data-period="2021-Q2"]');
  await period.getByRole("button", { name: "Lock" }).click();
  await expect(period.locator('[data-col="state"]')).toHaveText(/Locked by/);

  await evaluator.getByRole("button", { name: "Submit for review" }).click();
  const rescue = evaluator.getByRole("region", { name: "1 value typed here was not saved" });
  await expect(rescue).toBeVisible();
  const [download] = await Promise.all([
    evaluator.waitForEvent("download"),
    rescue.getByRole("button", { name: "Download as CSV" }).click(),
  ]);
  const csv = await readFile((await download.path()) ?? "", "utf8");
  expect(csv).toMatch(/^\uFEFFindicator,location,period,option,value,/);
  expect(csv).toMatch(/,2021-Q2,[^,]*,7,/);

  // Reopened, the period takes values again (and the other specs find it open).
  await period.getByPlaceholder("Reason for reopening").fill("Late values from the field");
  await period.getByRole("button", { name: "Reopen" }).click();
  await expect(period.locator('[data-col="state"]')).toHaveText("Open");
});

test("a manager adds a survey round and reopens a locked period with a reason", async ({ page }) => {
  await openPeruPage(page, "manager@example.org", "Periods and survey rounds");
  const add = page.getByRole("form", { name: "Add survey round" });
  await add.getByLabel("Type").selectOption("ENDLINE");
  await add.getByLabel("Name", { exact: true }).fill("Midline phone survey");
  await add.getByLabel("Start", { exact: true }).fill("2021-05-28");
  await add.getByLabel("End", { exact: true }).fill("2021-05-03");
  await add.getByLabel("Planned sample size").fill("400");
  await add.getByRole("button", { name: "Add survey round" }).click();
  await expect(add.getByText("The end is before the start.")).toBeVisible();
  // What was chosen survives the refusal, selects included.
  await expect(add.getByLabel("Type")).toHaveValue("ENDLINE");
  await add.getByLabel("Type").selectOption("MIDLINE");
  await add.getByLabel("Start", { exact: true }).fill("2021-05-03");
  await add.getByLabel("End", { exact: true }).fill("2021-05-28");
  await add.getByRole("button", { name: "Add survey round" }).click();
  await expect(page.locator('tr[data-round="Midline phone survey"]')).toBeVisible();

  const period = page.locator('tr[data-period="2020-Q4"]');
  await expect(period.locator('[data-col="state"]')).toHaveText(/Locked by/);
  await period.getByRole("button", { name: "Reopen" }).click();
  await expect(period.getByRole("alert")).toHaveText("Give a reason to reopen a locked period.");
  await period.getByPlaceholder("Reason for reopening").fill("Correction requested by the donor");
  await period.getByRole("button", { name: "Reopen" }).click();
  await expect(period.locator('[data-col="state"]')).toHaveText("Open");
});

test("entry like a spreadsheet: start from the previous round, paste a block, move with the keyboard", async ({
  page,
}) => {
  // The midline round added above sits between the baseline and the final evaluation.
  await openPeruPage(page, "evaluator@example.org", "Enter results");
  await page.getByRole("link", { name: "Midline phone survey", exact: true }).click();
  const numerator = (option: string, place: string) => cell(page, "Numerator", `G.1${option}`, place);
  await expect(numerator("", "Callao")).toHaveValue("");
  await page.getByRole("button", { name: "Start from Baseline survey's values" }).click();
  await expect(page.getByText(/\d+ values copied from Baseline survey: check them before saving\./)).toBeVisible();
  await expect(numerator("", "Callao")).not.toHaveValue("");

  // A 5 x 3 block from a spreadsheet, pasted into the first cell: across the row, down the rows.
  const first = page.locator("table.entry-grid input[data-key]").first();
  await first.focus();
  await first.evaluate((input) => {
    const data = new DataTransfer();
    data.setData("text/plain", "11\t101\t101\t12\t102\r\n21\t201\t201\t22\t202\r\n31\t301\t301\t32\t302\r\n");
    input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByText("15 values pasted. Save to keep them.")).toBeVisible();
  // 11 of 101 (10.9 %) against the baseline's third of the people: probably a typo, said but not refused.
  await expect(page.locator('tr[data-indicator="G.1"] [data-outlier="Callao"]')).toHaveText(
    /^Under a third of Baseline survey's [\d.]+: check it\.$/,
  );
  const rows = page.locator("table.entry-grid tbody tr");
  for (const [index, row] of ["1", "2", "3"].entries()) {
    const inputs = rows.nth(index).locator("input[data-key]");
    await expect(inputs.nth(0)).toHaveValue(`${row}1`);
    await expect(inputs.nth(1)).toHaveValue(`${row}01`);
    await expect(inputs.nth(3)).toHaveValue(`${row}2`);
  }

  // Down, Enter and right move between cells as in a spreadsheet.
  await first.focus();
  await page.keyboard.press("ArrowDown");
  await expect(rows.nth(1).locator("input[data-key]").first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(rows.nth(2).locator("input[data-key]").first()).toBeFocused();
  await page.keyboard.press("ArrowRight"); // the whole value is selected: the caret is at its end
  await expect(rows.nth(2).locator("input[data-key]").nth(1)).toBeFocused();
  await page.keyboard.type("300");
  // The block left La Libertad's sample sizes of the option rows empty: every such cell is named at once.
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Required.")).toHaveCount(2);
  await cell(page, "Sample size", "G.1 Female", "La Libertad").fill("202");
  await cell(page, "Sample size", "G.1 Male", "La Libertad").fill("302");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/\d+ values saved as drafts\./)).toBeVisible();
  await expect(rows.nth(2).locator("input[data-key]").nth(1)).toHaveValue("300");
});

test("a manager approves a whole round at once, each value with its context", async ({ browser }) => {
  const evaluator = await (await browser.newContext()).newPage();
  await openPeruPage(evaluator, "evaluator@example.org", "Enter results");
  await evaluator.getByRole("link", { name: "Midline phone survey", exact: true }).click();
  await expect(evaluator.getByRole("heading", { name: "Enter results" })).toBeVisible();
  await evaluator.waitForLoadState("networkidle"); // the grid answers clicks once it has hydrated
  await evaluator.getByRole("button", { name: "Submit for review" }).click();
  await expect(evaluator.getByText(/\d+ values submitted for review\./)).toBeVisible();

  const manager = await (await browser.newContext()).newPage();
  await openPeruPage(manager, "manager@example.org", "Review submitted results");
  const filters = manager.getByRole("form", { name: "Show" });
  await filters.getByLabel("All periods and rounds").selectOption({ label: "Midline phone survey" });
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(manager).toHaveURL(/time=/);
  const rows = manager.locator("table.review-table tbody tr");
  const shown = await rows.count();
  expect(shown).toBeGreaterThan(5);
  await expect(manager.getByText(new RegExp(`^${shown} of \\d+ values waiting for review$`))).toBeVisible();
  const callao = rows.filter({ has: manager.getByRole("rowheader", { name: /^G.1 / }) }).first();
  await expect(callao.locator('[data-col="submitted"]')).toContainText("Elena Evaluator");

  await manager.getByRole("button", { name: `Tick all ${shown} shown` }).click();
  await manager.getByRole("button", { name: "Approve ticked" }).click();
  await expect(manager.getByText(`${shown} values approved.`)).toBeVisible();
  await expect(rows).toHaveCount(0);
});
