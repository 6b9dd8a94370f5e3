// The entry grid as an evaluator uses it: moving with the keyboard, typing, clearing and pasting a
// block from a spreadsheet, then what a save would send. The server action is the one thing replaced:
// it runs on the server, so here it records the batch it is given and answers as a saved one would.
import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { renderPage } from "@/components/testing/render";
import { saveResultsAction } from "@/lib/server/results/actions";
import { EntryGrid } from "./entry-grid";

vi.mock("@/lib/server/results/actions", () => ({ saveResultsAction: vi.fn() }));
const save = vi.mocked(saveResultsAction);

const sex = {
  id: "sex",
  name: "Sex",
  options: [
    { id: "f", name: "Female" },
    { id: "m", name: "Male" },
  ],
};
const rules = { unit: "", minValue: null, maxValue: null, wholeNumbers: null };
const indicators = [
  { id: "reached", code: "OP1", title: "People reached", measure: "COUNT" as const, ...rules, dimensions: [sex] },
  { id: "score", code: "OC2", title: "Mean score", measure: "MEAN" as const, ...rules, dimensions: [] },
];
const locations = [
  { id: "callao", name: "Callao" },
  { id: "lima", name: "Lima" },
];
const row = {
  optionId: null,
  value: null,
  numerator: null,
  denominator: null,
  sampleSize: null,
  textValue: null,
  version: 1,
  reviewComment: null,
};
/** Lima's total is submitted (it takes no value); Lima's men are a saved draft. */
const existing = [
  { ...row, id: "r1", indicatorId: "reached", locationId: "lima", value: 60, status: "SUBMITTED" },
  { ...row, id: "r2", indicatorId: "reached", locationId: "lima", optionId: "m", value: 7, status: "DRAFT" },
];

function renderGrid() {
  return renderPage(
    <EntryGrid
      projectId="p1"
      userId="u1"
      time={{ id: "q4", kind: "period", label: "2021-Q4" }}
      indicators={indicators}
      locations={locations}
      existing={existing}
    />,
  );
}
const input = (name: string) => screen.getByRole("textbox", { name }) as HTMLInputElement;
/** What the grid sent to be saved, by cell. */
const sent = () => (save.mock.calls.at(-1)?.[1] ?? []) as Record<string, unknown>[];
const item = (indicatorId: string, locationId: string, optionId: string | null, figures: object) => ({
  indicatorId,
  locationId,
  optionId,
  periodId: "q4",
  value: null,
  numerator: null,
  denominator: null,
  sampleSize: null,
  textValue: null,
  version: undefined,
  ...figures,
});

beforeEach(() => {
  save.mockImplementation(async (_project, items, submit) => ({
    ok: true,
    saved: (items as unknown[]).map((_, index) => ({
      index,
      id: `saved${index}`,
      version: 1,
      status: submit ? "SUBMITTED" : "DRAFT",
    })),
    cleared: 0,
  }));
});
afterEach(() => {
  window.localStorage.clear();
  save.mockReset();
});

test("arrow keys and Enter move between cells as in a spreadsheet, past cells that take no value", async () => {
  const { user } = renderGrid();
  await user.click(input("Value: OP1, Callao"));
  await user.keyboard("{ArrowDown}");
  expect(input("Value: OP1 Female, Callao")).toHaveFocus();
  await user.keyboard("{Enter}");
  expect(input("Value: OP1 Male, Callao")).toHaveFocus();
  // Down into the mean's row: the same place's same field.
  await user.keyboard("{ArrowDown}");
  expect(input("Value: OC2, Callao")).toHaveFocus();
  await user.keyboard("{ArrowRight}");
  expect(input("Sample size: OC2, Callao")).toHaveFocus();
  // Up from a field the row above lacks: that place's first field.
  await user.keyboard("{ArrowUp}");
  expect(input("Value: OP1 Male, Callao")).toHaveFocus();
  await user.keyboard("{Shift>}{Enter}{/Shift}");
  expect(input("Value: OP1 Female, Callao")).toHaveFocus();
  await user.keyboard("{ArrowRight}");
  expect(input("Value: OP1 Female, Lima")).toHaveFocus();
  // Lima's total is submitted: up finds no cell that takes a value, the focus stays.
  await user.keyboard("{ArrowUp}");
  expect(input("Value: OP1 Female, Lima")).toHaveFocus();
  expect(input("Value: OP1, Lima")).toBeDisabled();
  // Tab is left to the browser: the next field in reading order.
  await user.click(input("Value: OP1 Male, Callao"));
  await user.tab();
  expect(input("Value: OP1 Male, Lima")).toHaveFocus();
  await user.click(input("Value: OC2, Lima"));
  await user.tab();
  expect(input("Sample size: OC2, Lima")).toHaveFocus();
});

test("the arrows move the caret within a value until it reaches its edge; a cell arrived at is replaced by typing", async () => {
  const { user } = renderGrid();
  await user.click(input("Value: OP1 Female, Lima"));
  await user.keyboard("95{ArrowLeft}{ArrowLeft}");
  expect(input("Value: OP1 Female, Lima")).toHaveFocus();
  await user.keyboard("{ArrowLeft}");
  expect(input("Value: OP1 Female, Callao")).toHaveFocus();
  await user.keyboard("{ArrowDown}{ArrowRight}");
  // Lima's men were saved as 7: the whole value is selected, and typing replaces it.
  expect(input("Value: OP1 Male, Lima")).toHaveFocus();
  await user.keyboard("9");
  expect(input("Value: OP1 Male, Lima")).toHaveValue("9");
  await user.keyboard("{ArrowLeft}{ArrowLeft}");
  expect(input("Value: OP1 Male, Callao")).toHaveFocus();
});

test("what is typed is sent as numbers read in the reader's locale; a cell typed then cleared is no value", async () => {
  const { user, router } = renderGrid();
  await user.type(input("Value: OP1, Callao"), "1,200");
  await user.type(input("Value: OP1 Female, Callao"), "5");
  await user.clear(input("Value: OP1 Female, Callao"));
  await user.type(input("Value: OC2, Callao"), "3,5");
  await user.type(input("Sample size: OC2, Callao"), "40");
  expect(input("Value: OP1 Female, Callao")).toHaveValue("");
  await user.click(screen.getByRole("button", { name: "Save draft" }));

  expect(await screen.findByRole("status")).toHaveTextContent("2 values saved as drafts.");
  expect(save).toHaveBeenCalledTimes(1);
  expect(save.mock.calls[0]?.[2]).toBe(false);
  expect(sent()).toEqual([
    item("reached", "callao", null, { value: 1200 }),
    item("score", "callao", null, { value: 3.5, sampleSize: 40 }),
  ]);
  expect(screen.queryByText("Required.")).toBeNull();
  expect(router.refresh).toHaveBeenCalled();
});

test("a saved draft cleared is sent empty, to be deleted; nothing typed is nothing to save", async () => {
  const { user } = renderGrid();
  await user.click(screen.getByRole("button", { name: "Save draft" }));
  expect(screen.getByRole("status")).toHaveTextContent("Nothing has changed.");
  expect(save).not.toHaveBeenCalled();

  await user.clear(input("Value: OP1 Male, Lima"));
  await user.click(screen.getByRole("button", { name: "Save draft" }));
  expect(await screen.findByRole("status")).toHaveTextContent("1 value saved as draft.");
  expect(sent()).toEqual([item("reached", "lima", "m", { version: 1 })]);
});

test("what cannot be read as a number is marked at its cell and nothing is sent", async () => {
  const { user } = renderGrid();
  await user.type(input("Value: OP1, Callao"), "abc");
  await user.click(screen.getByRole("button", { name: "Save draft" }));
  expect(screen.getByRole("status")).toHaveTextContent("Nothing was saved: correct the values marked below.");
  expect(input("Value: OP1, Callao")).toHaveAccessibleDescription("Not a number.");
  expect(save).not.toHaveBeenCalled();
});

test("a block pasted from a spreadsheet fills right and down; separators are read, an empty cell is no value", async () => {
  const { user } = renderGrid();
  await user.click(input("Value: OP1 Female, Callao"));
  // Two rows of two cells, as a spreadsheet copies them (Windows line ends, a trailing one); Lima's
  // men (a saved draft of 7) are pasted empty.
  await user.paste("1,200\t950\r\n1.000,0\t\r\n");
  expect(screen.getByRole("status")).toHaveTextContent("4 values pasted. Save to keep them.");
  expect(input("Value: OP1 Female, Callao")).toHaveValue("1,200");
  expect(input("Value: OP1 Female, Lima")).toHaveValue("950");
  expect(input("Value: OP1 Male, Callao")).toHaveValue("1.000,0");
  expect(input("Value: OP1 Male, Lima")).toHaveValue("");

  // The mean's row: a decimal comma and a thousands separator.
  await user.click(input("Value: OC2, Callao"));
  await user.paste("3,5\t1 200");
  expect(screen.getByRole("status")).toHaveTextContent("2 values pasted. Save to keep them.");

  await user.click(screen.getByRole("button", { name: "Save draft" }));
  expect(await screen.findByRole("status")).toHaveTextContent("5 values saved as drafts.");
  expect(sent()).toEqual([
    item("reached", "callao", "f", { value: 1200 }),
    item("reached", "lima", "f", { value: 950 }),
    item("reached", "callao", "m", { value: 1000 }),
    item("reached", "lima", "m", { version: 1 }),
    item("score", "callao", null, { value: 3.5, sampleSize: 1200 }),
  ]);
});

test("a pasted block keeps the values of submitted cells, and says so; a single value is typed as is", async () => {
  const { user } = renderGrid();
  await user.click(input("Value: OP1, Callao"));
  await user.paste("5\t6");
  const said = "1 value pasted (1 cell already submitted or approved kept its value). Save to keep them.";
  expect(screen.getByRole("status")).toHaveTextContent(said);
  expect(input("Value: OP1, Callao")).toHaveValue("5");
  expect(input("Value: OP1, Lima")).toHaveValue("60");

  await user.click(input("Value: OP1 Female, Callao"));
  await user.paste("42");
  expect(input("Value: OP1 Female, Callao")).toHaveValue("42");
  expect(screen.getByRole("status").textContent).toBe(said);
});

test("the part of a total its options leave out is shown as one types", async () => {
  const { user } = renderGrid();
  await user.type(input("Value: OP1, Callao"), "60");
  await user.type(input("Value: OP1 Female, Callao"), "30");
  await user.type(input("Value: OP1 Male, Callao"), "20");
  const male = screen.getByRole("row", { name: /^Sex: Male/ });
  expect(within(male).getByText("10 not reported")).toBeInTheDocument();
});

/** The browser's connection as the grid reads it. */
let onLine: { mockRestore: () => void } | undefined;
const connection = (online: boolean) => {
  onLine?.mockRestore();
  onLine = vi.spyOn(window.navigator, "onLine", "get").mockReturnValue(online);
};
afterEach(() => onLine?.mockRestore());

test("saved without a connection, values wait in this browser, marked per cell, and are sent once it returns", async () => {
  connection(false);
  const { user, unmount } = renderGrid();
  await user.type(input("Value: OP1, Callao"), "12");
  await user.click(screen.getByRole("button", { name: "Save draft" }));
  expect(screen.getByRole("status")).toHaveTextContent("No connection: 1 value waits in this browser");
  expect(input("Value: OP1, Callao")).toHaveAccessibleDescription("Waiting to sync");
  expect(input("Value: OC2, Callao")).not.toHaveAccessibleDescription();
  expect(save).not.toHaveBeenCalled();

  // Reloaded without a connection: still waiting.
  unmount();
  renderGrid();
  expect(await screen.findByText("Waiting to sync")).toBeInTheDocument();
  expect(input("Value: OP1, Callao")).toHaveValue("12");
  expect(save).not.toHaveBeenCalled();

  connection(true);
  window.dispatchEvent(new Event("online"));
  expect(await screen.findByRole("status")).toHaveTextContent("1 value saved as draft.");
  expect(save).toHaveBeenCalledTimes(1);
  expect(sent()).toEqual([item("reached", "callao", null, { value: 12 })]);
  expect(screen.queryByText("Waiting to sync")).toBeNull();
  // Nothing waits any more: the connection coming back again sends nothing.
  window.dispatchEvent(new Event("online"));
  expect(save).toHaveBeenCalledTimes(1);
});

test("a waiting save is sent when the page loads with a connection", async () => {
  connection(false);
  const { user, unmount } = renderGrid();
  await user.type(input("Value: OC2, Lima"), "4");
  await user.type(input("Sample size: OC2, Lima"), "10");
  await user.click(screen.getByRole("button", { name: "Submit for review" }));
  unmount();
  connection(true);
  renderGrid();
  expect(await screen.findByRole("status")).toHaveTextContent("values submitted for review.");
  expect(save).toHaveBeenCalledTimes(1);
  expect(save.mock.calls[0]?.[2]).toBe(true);
  expect(sent()).toContainEqual(item("score", "lima", null, { value: 4, sampleSize: 10 }));
});

test("a value changed by someone else since it was typed over is shown beside it, to choose; never overwritten", async () => {
  connection(false);
  const { user, unmount } = renderGrid();
  // Lima's men were a draft of 7 (version 1) when 9 was typed over it without a connection.
  await user.clear(input("Value: OP1 Male, Lima"));
  await user.type(input("Value: OP1 Male, Lima"), "9");
  await user.click(screen.getByRole("button", { name: "Save draft" }));
  unmount();

  // Meanwhile someone else saved 8 (version 2): the page loads with it, and the waiting save names version 1.
  save.mockResolvedValueOnce({
    ok: false,
    conflict: { index: 0, value: 8, numerator: null, denominator: null, version: 2 },
  });
  connection(true);
  const theirs = existing.map((e) => (e.id === "r2" ? { ...e, value: 8, version: 2 } : e));
  const { user: again } = renderPage(
    <EntryGrid
      projectId="p1"
      userId="u1"
      time={{ id: "q4", kind: "period", label: "2021-Q4" }}
      indicators={indicators}
      locations={locations}
      existing={theirs}
    />,
  );
  expect(await screen.findByRole("status")).toHaveTextContent("Someone else changed a value since you typed over it.");
  expect(sent()).toEqual([item("reached", "lima", "m", { value: 9, version: 1 })]);
  const choice = screen.getByRole("group", { name: "Changed meanwhile: OP1 Male, Lima" });
  expect(within(choice).getByText("Theirs").nextSibling).toHaveTextContent("8");
  expect(within(choice).getByText("Yours").nextSibling).toHaveTextContent("9");
  expect(input("Value: OP1 Male, Lima")).toHaveValue("9");

  // Keeping mine sends it again, now over their version.
  await again.click(within(choice).getByRole("button", { name: "Keep mine" }));
  expect(await screen.findByRole("status")).toHaveTextContent("1 value saved as draft.");
  expect(save).toHaveBeenCalledTimes(2);
  expect(sent()).toEqual([item("reached", "lima", "m", { value: 9, version: 2 })]);
  expect(screen.queryByRole("group", { name: /Changed meanwhile/ })).toBeNull();
});

test("keeping their value drops what was typed and sends nothing over it", async () => {
  save.mockResolvedValueOnce({
    ok: false,
    conflict: { index: 0, value: 8, numerator: null, denominator: null, version: 2 },
  });
  const { user } = renderGrid();
  await user.clear(input("Value: OP1 Male, Lima"));
  await user.type(input("Value: OP1 Male, Lima"), "9");
  await user.click(screen.getByRole("button", { name: "Save draft" }));
  const choice = await screen.findByRole("group", { name: "Changed meanwhile: OP1 Male, Lima" });
  await user.click(within(choice).getByRole("button", { name: "Keep theirs" }));
  expect(screen.getByRole("status")).toHaveTextContent("Their value is kept; yours was dropped.");
  expect(save).toHaveBeenCalledTimes(1);
  expect(window.localStorage.getItem("entry:u1:p1:q4")).toBe("{}");
});

test("what one user typed is neither shown nor sent in another user's session on this browser", async () => {
  const gridOf = (userId: string) => (
    <EntryGrid
      projectId="p1"
      userId={userId}
      time={{ id: "q4", kind: "period", label: "2021-Q4" }}
      indicators={indicators}
      locations={locations}
      existing={existing}
    />
  );
  // u2 types 9 and saves without a connection: it waits in this browser, under u2's name.
  connection(false);
  const first = renderPage(gridOf("u2"));
  await first.user.clear(input("Value: OP1 Male, Lima"));
  await first.user.type(input("Value: OP1 Male, Lima"), "9");
  await first.user.click(screen.getByRole("button", { name: "Save draft" }));
  first.unmount();

  // u1 signs in here: u2's value is not in u1's grid, and u1's save sends only u1's own typing.
  connection(true);
  const second = renderPage(gridOf("u1"));
  expect(input("Value: OP1 Male, Lima")).not.toHaveValue("9");
  window.dispatchEvent(new Event("online"));
  expect(save).not.toHaveBeenCalled();
  await second.user.click(screen.getByRole("button", { name: "Save draft" }));
  expect(sent().some((c) => c.value === 9)).toBe(false);
  second.unmount();

  // u2 finds it again, still waiting.
  renderPage(gridOf("u2"));
  expect(input("Value: OP1 Male, Lima")).toHaveValue("9");
});
