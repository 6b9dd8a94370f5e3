// The survey import form's rules, as an evaluator sets them: which indicator each rule computes, how,
// from which rows, and what the preview would be asked with. The two server actions are the one thing
// replaced: they run on the server, so here the file's reading answers with the tables of a Kobo export
// and the preview records the rules it is sent.
import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { renderPage } from "@/components/testing/render";
import { importSurveyAction, readSurveyAction, type SurveyFileState } from "@/lib/server/survey/actions";
import { SurveyImportForm } from "./survey-import-form";

vi.mock("@/lib/server/survey/actions", () => ({ readSurveyAction: vi.fn(), importSurveyAction: vi.fn() }));
const read = vi.mocked(readSurveyAction);
const preview = vi.mocked(importSurveyAction);

const context = {
  indicators: [
    { code: "OC1.3", title: "People in surveyed households", measure: "COUNT" as const, source: "SURVEY" as const },
    {
      code: "G.1",
      title: "% who accessed a protection service",
      measure: "PERCENTAGE" as const,
      source: "SURVEY" as const,
    },
    { code: "OC1.2", title: "Mean integration score", measure: "MEAN" as const, source: "SURVEY" as const },
  ],
  dimensions: [
    {
      key: "sex",
      name: "Sex",
      options: [
        { key: "female", name: "Female" },
        { key: "male", name: "Male" },
      ],
    },
  ],
  places: [{ id: "lima", name: "Lima" }],
  periods: [],
  rounds: [{ id: "midline", name: "Midline survey" }],
};
const column = (header: string, ...samples: string[]) => ({ header, samples });
const kobo: SurveyFileState = {
  tables: [
    {
      name: "Household survey",
      rows: 4,
      parent: null,
      columns: [
        column("location/region", "PE-LIM"),
        column("accessed_service", "yes", "no"),
        column("integration/integration_score", "3", "4"),
        column("respondent/resp_sex", "female"),
      ],
    },
    { name: "members", rows: 6, parent: "Household survey", columns: [column("member_sex", "male")] },
  ],
  statuses: { approved: 3, onHold: 1 },
  rules: {
    place: "location/region",
    disaggregations: [{ dimension: "sex", column: "respondent/resp_sex", bands: [] }],
  },
  saved: false,
};

async function uploadExport(answer: SurveyFileState = kobo) {
  read.mockResolvedValue(answer);
  const page = renderPage(<SurveyImportForm projectId="p1" context={context} caps={{ file: 1e6, form: 1e6 }} />);
  const file = new File(["xlsx bytes"], "midline.xlsx");
  await page.user.upload(screen.getByLabelText("Survey export (XLSX or CSV)"), file);
  await screen.findByTestId("survey-file-summary");
  return page;
}
const rule = (n: number) => screen.getByRole("group", { name: `Indicator rule ${n}` });
const field = (n: number, label: string) => within(rule(n)).getByLabelText(label);
const optionsOf = (select: HTMLElement) =>
  within(select)
    .getAllByRole("option")
    .map((o) => o.textContent);
/** The rules the last preview or save was asked with. */
function sentRules() {
  const form = preview.mock.calls.at(-1)?.[1];
  return JSON.parse(String(form?.get("rules")));
}

beforeEach(() => {
  preview.mockResolvedValue({});
});
afterEach(() => {
  read.mockReset();
  preview.mockReset();
});

test("each rule's way of computing fits its indicator's measure, and asks for what that way needs", async () => {
  const { user } = await uploadExport();
  expect(screen.getByTestId("survey-file-summary")).toHaveTextContent(
    "4 submissions. Repeat group members: 6 rows, joined to Household survey.",
  );
  expect(screen.getByText(/^Columns were guessed from their names/)).toBeInTheDocument();
  // Before an indicator is chosen every way is offered.
  expect(optionsOf(field(1, "Computed as"))).toHaveLength(5);

  await user.selectOptions(field(1, "Indicator"), "OC1.3");
  expect(optionsOf(field(1, "Computed as"))).toEqual([
    "Count of rows",
    "Count of rows where a condition holds",
    "Sum of a numeric question",
  ]);
  expect(within(rule(1)).queryByLabelText("Condition")).toBeNull();
  await user.selectOptions(field(1, "Computed as"), "Count of rows where a condition holds");
  expect(field(1, "Condition")).toBeInTheDocument();

  // Another measure: the way of computing follows, and so do the fields it needs.
  await user.selectOptions(field(1, "Indicator"), "OC1.2");
  expect(field(1, "Computed as")).toHaveValue("mean");
  expect(optionsOf(field(1, "Computed as"))).toEqual(["Mean of a numeric question"]);
  expect(within(rule(1)).queryByLabelText("Condition")).toBeNull();
  expect(optionsOf(field(1, "Question"))).toEqual([
    "(none)",
    "location/region",
    "accessed_service",
    "integration/integration_score",
    "respondent/resp_sex",
    "member_sex",
  ]);
  await user.selectOptions(field(1, "Indicator"), "G.1");
  expect(field(1, "Computed as")).toHaveValue("share");
  expect(within(rule(1)).queryByLabelText("Question")).toBeNull();
  expect(field(1, "Condition")).toBeInTheDocument();
});

test("rules are added, edited and removed, and the preview is asked with exactly what the form shows", async () => {
  const { user } = await uploadExport();
  await user.selectOptions(field(1, "Indicator"), "OC1.3");
  expect(optionsOf(field(1, "Rows of"))).toEqual(["Household survey (submissions)", "members (repeat group)"]);
  await user.selectOptions(field(1, "Rows of"), "members (repeat group)");
  expect(screen.queryByRole("button", { name: "Remove this indicator" })).toBeNull();

  await user.click(screen.getByRole("button", { name: "Add an indicator" }));
  await user.selectOptions(field(2, "Indicator"), "G.1");
  await user.type(field(2, "Condition"), "accessed_service = yes");
  await user.type(field(2, "Only rows where (optional)"), "consent = yes");

  await user.click(screen.getByRole("button", { name: "Add an indicator" }));
  await user.selectOptions(field(3, "Indicator"), "OC1.2");
  await user.selectOptions(field(3, "Question"), "integration/integration_score");

  // A fourth, added by mistake, removed: the others keep what was chosen.
  await user.click(screen.getByRole("button", { name: "Add an indicator" }));
  await user.selectOptions(field(4, "Indicator"), "OC1.3");
  await user.click(within(rule(2)).getByRole("button", { name: "Remove this indicator" }));
  expect(screen.getAllByRole("group", { name: /^Indicator rule/ })).toHaveLength(3);
  expect(field(2, "Indicator")).toHaveValue("OC1.2");
  await user.click(within(rule(3)).getByRole("button", { name: "Remove this indicator" }));
  await user.click(screen.getByRole("button", { name: "Add an indicator" }));
  await user.selectOptions(field(3, "Indicator"), "G.1");
  await user.type(field(3, "Condition"), "accessed_service = yes");

  await user.click(screen.getByRole("button", { name: "Preview" }));
  expect(preview).toHaveBeenCalledTimes(1);
  const form = preview.mock.calls[0]?.[1];
  expect(form?.get("intent")).toBe("preview");
  expect((form?.get("file") as File | undefined)?.name).toBe("midline.xlsx");
  expect(sentRules()).toEqual({
    place: "location/region",
    placeId: "",
    date: "",
    periodId: "",
    roundId: "",
    statuses: ["approved"],
    weight: "",
    disaggregations: [{ dimension: "sex", column: "respondent/resp_sex", bands: [] }],
    indicators: [
      { indicator: "OC1.3", kind: "count", table: "members", condition: "", question: "", filter: "" },
      {
        indicator: "OC1.2",
        kind: "mean",
        table: "",
        condition: "",
        question: "integration/integration_score",
        filter: "",
      },
      { indicator: "G.1", kind: "share", table: "", condition: "accessed_service = yes", question: "", filter: "" },
    ],
  });
});

test("the rules saved from the last import are filled in, and a rule the preview refuses is marked", async () => {
  const { user } = await uploadExport({
    ...kobo,
    saved: true,
    rules: {
      ...kobo.rules,
      statuses: ["approved", "onHold"],
      indicators: [
        {
          indicator: "G.1",
          kind: "share",
          table: "",
          condition: "accessed_service = yes",
          question: undefined,
          filter: undefined,
        },
      ],
    },
  });
  expect(screen.getByText("This project's rules from its last survey import are filled in: check them.")).toBeVisible();
  expect(field(1, "Indicator")).toHaveValue("G.1");
  expect(field(1, "Condition")).toHaveValue("accessed_service = yes");
  expect(screen.getByRole("checkbox", { name: /^On hold \(1 in this file\)/ })).toBeChecked();

  await user.clear(field(1, "Condition"));
  preview.mockResolvedValue({ invalid: { "indicators.0.condition": "required" } });
  await user.click(screen.getByRole("button", { name: "Preview" }));
  expect(sentRules().indicators).toEqual([
    { indicator: "G.1", kind: "share", table: "", condition: "", question: "", filter: "" },
  ]);
  expect(await within(rule(1)).findByText("Fill this in.")).toBeVisible();
  expect(screen.getByRole("alert")).toHaveTextContent("Some rules are incomplete: fill in the fields marked above.");
  // Editing a rule clears the refusal: it is for the rules previewed, not the ones being written.
  await user.type(field(1, "Condition"), "accessed_service = yes");
  expect(within(rule(1)).queryByText("Fill this in.")).toBeNull();
});
