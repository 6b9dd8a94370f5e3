// Issue 31, items 1 and 2, as an evaluator meets them: a blank cell is "no value" (never a refusal,
// never a zero; clearing a saved draft deletes it; what older versions kept in the browser is read
// leniently), and entry stays on the period the evaluator is on, in the address, after every action.
import { expect, type Page, test } from "@playwright/test";
import { logInAs } from "./fixtures";

const project = /Inclusion of Roma women and girls in the Western Balkans/;

async function openEntry(page: Page) {
  await logInAs(page, "evaluator@example.org");
  await page.getByRole("link", { name: project }).click();
  await page.getByRole("link", { name: "Enter results" }).click();
}

const currentPeriod = (page: Page) =>
  page.locator('nav.time-picker a[aria-current="page"]').textContent({ timeout: 10_000 });

type Cell = { key: string; fields: { label: string; field: string }[] };

/** The period's (or round's) empty cells that take a value, in the grid's order, with their fields. */
async function emptyCells(page: Page): Promise<Cell[]> {
  return page.locator("table.entry-grid td").evaluateAll((cells) =>
    cells.flatMap((td) => {
      const inputs = [...td.querySelectorAll("input[data-key]")] as HTMLInputElement[];
      if (!inputs.length || inputs.some((i) => i.disabled || i.value !== "")) return [];
      return [
        {
          key: inputs[0]?.dataset.key ?? "",
          fields: inputs.map((i) => ({ label: i.getAttribute("aria-label") ?? "", field: i.dataset.field ?? "" })),
        },
      ];
    }),
  );
}

const field = (page: Page, label: string) => page.getByRole("textbox", { name: label, exact: true });
/** Types the figure in every field of the cell (a count; a numerator, denominator and sample size; a mean and its n). */
async function fill(page: Page, cell: Cell, figure: string) {
  for (const f of cell.fields) await field(page, f.label).fill(figure);
}
async function expectCell(page: Page, cell: Cell, figure: string) {
  for (const f of cell.fields) await expect(field(page, f.label)).toHaveValue(figure);
}

test("a cleared cell is no value: the rest is saved, a cleared draft is deleted, old kept state is read", async ({
  page,
}) => {
  await openEntry(page);
  // The period or round entry opened on, chosen.
  const period = await currentPeriod(page);
  await page.locator('nav.time-picker a[aria-current="page"]').click();
  await expect(page).toHaveURL(/\/entry\?time=[^&]+$/);
  const url = page.url();
  const [a, b, c] = await emptyCells(page);
  if (!a || !b || !c) throw new Error("the period needs three empty cells");

  // Typed, then cleared: no refusal ("Required"), and the value typed beside it is saved.
  await fill(page, a, "5");
  await fill(page, a, "");
  await fill(page, b, "3");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("1 value saved as draft.")).toBeVisible();
  await expect(page.getByText("Required.")).toHaveCount(0);
  expect(await currentPeriod(page)).toBe(period);
  expect(page.url()).toBe(url);

  // A block pasted with an empty region: its blank cells are no value either, never zero.
  const first = field(page, c.fields[0]?.label ?? "");
  await first.focus();
  await first.evaluate((input) => {
    const data = new DataTransfer();
    data.setData("text/plain", "\t\r\n\t\r\n");
    input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByText(/values? pasted/)).toBeVisible();
  await fill(page, c, "8");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Required.")).toHaveCount(0);
  await expect(page.getByText(/^\d+ values? saved as drafts?\./)).toBeVisible();

  await page.reload();
  await expectCell(page, a, "");
  await expectCell(page, b, "3");
  await expectCell(page, c, "8");

  // Clearing a saved draft deletes it.
  await fill(page, c, "");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("1 emptied value deleted.")).toBeVisible();
  await page.reload();
  await expectCell(page, c, "");
  expect(await currentPeriod(page)).toBe(period);

  // What an older version left in this browser (a cell with missing fields, a number) is read as far as
  // it makes sense, and does not stop the sheet from saving.
  const timeId = new URL(url).searchParams.get("time");
  const projectId = new URL(url).pathname.split("/")[2];
  const numbers = Object.fromEntries(c.fields.map((f) => [f.field, 4]));
  const kept = JSON.stringify({ [a.key]: { value: "" }, [c.key]: numbers, junk: 1 });
  // The typed values are kept under the signed-in user's key: typing makes it, then it is overwritten.
  await fill(page, c, "1");
  await page.evaluate(
    ({ end, cells }) => {
      const key = Object.keys(window.localStorage).find((k) => k.startsWith("entry:") && k.endsWith(end));
      if (!key) throw new Error("no typed values kept");
      window.localStorage.setItem(key, cells);
    },
    { end: `:${projectId}:${timeId}`, cells: kept },
  );
  await page.reload();
  await expectCell(page, c, "4");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("1 value saved as draft.")).toBeVisible();
  await expect(page.getByText("Required.")).toHaveCount(0);
});

test("entry stays on the evaluator's period after saving, and submitting sends that period's drafts", async ({
  page,
}) => {
  await openEntry(page);
  // The period or round entry opens on is named in the address at once.
  await expect(page).toHaveURL(/\/entry\?time=[^&]+$/);
  const period = await currentPeriod(page);
  const url = page.url();
  const [a] = await emptyCells(page);
  if (!a) throw new Error("the period needs an empty cell");
  await fill(page, a, "2");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("1 value saved as draft.")).toBeVisible();
  await expectCell(page, a, "2");
  expect(await currentPeriod(page)).toBe(period);
  expect(page.url()).toBe(url);

  // Submitting sends the period's saved drafts (this one and the first test's), not "nothing has changed".
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText(/^\d+ values? submitted for review\.$/)).toBeVisible();
  await expect(page.getByText("Nothing has changed.")).toHaveCount(0);
  const aField = field(page, a.fields[0]?.label ?? "");
  await expect(aField).toBeDisabled();
  await page.reload();
  expect(await currentPeriod(page)).toBe(period);
  await expect(aField).toBeDisabled();
  await expectCell(page, a, "2");
});
