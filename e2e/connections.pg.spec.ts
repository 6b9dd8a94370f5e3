// A KoboToolbox connection end to end (#35): a manager adds a connection to a KoboToolbox server (a local
// one answering as KoboToolbox's API v2 does, lib/testing/fake-survey-servers.ts) and tests it; an
// evaluator syncs, sees the values the submissions change, submitted for review as the connection says;
// the manager approves them and the dashboard shows them. The app reaches the server on 127.0.0.1 because
// its e2e instances run with ALLOW_PRIVATE_NETWORK_TARGETS=1 (playwright.config.ts).
// On PostgreSQL: the project's saved survey rules and the survey round are set up through the data layer,
// as a survey import and the project's setup would have left them; the spec removes its connection and its
// round (with the values synced into it) before and after, so it passes again on the same database.
import { expect, test } from "@playwright/test";
import { Prisma } from "../lib/generated/prisma/client";
import { type FakeServer, fakeKobo } from "../lib/testing/fake-survey-servers";
import { type Household, midlineHouseholds } from "../lib/testing/kobo-workbook";
import { e2eDatabase } from "./database";
import { logInAs } from "./fixtures";

const ROUND = "July connection survey";
const CONNECTION = "Household survey (KoboToolbox)";
const rules = {
  place: "region",
  date: "today",
  statuses: ["approved"],
  disaggregations: [{ dimension: "sex", column: "resp_sex" }],
  indicators: [
    { indicator: "G.1", kind: "share", condition: "accessed_service = yes" },
    { indicator: "OC1.2", kind: "mean", question: "integration_score" },
  ],
};

/** A household as KoboToolbox's data endpoint answers it (JSON, groups in the names), in July 2021. */
function koboSubmission(h: Household, n: number) {
  const today = h.today.replace("2021-05-", "2021-07-");
  const uid = h.status === "On Hold" ? "validation_status_on_hold" : "validation_status_approved";
  const uuid = `00000000-0000-4000-9000-${String(n).padStart(12, "0")}`;
  return {
    _id: 5000 + n,
    today,
    "location/region": h.region,
    "respondent/resp_sex": h.sex,
    "protection/accessed_service": h.protection,
    "integration/integration_score": h.integration,
    members: h.members.map((sex) => ({ "members/member_sex": sex })),
    __version__: "vSv6mHdpf7x5FjR3nYCq8o",
    "meta/instanceID": `uuid:${uuid}`,
    _uuid: uuid,
    _submission_time: `${today}T15:00:00`,
    _validation_status: { timestamp: 1625000000, uid, by_whom: "evaluator", label: uid },
  };
}

let kobo: FakeServer;
let savedRules: Prisma.JsonValue = null;

/** What this spec leaves in Peru: its connection (runs and submissions go with it) and its round (with the values). */
async function removeLeftovers(prisma: ReturnType<typeof e2eDatabase>["prisma"], projectId: string) {
  await prisma.connection.deleteMany({ where: { projectId, name: CONNECTION } });
  await prisma.surveyRound.deleteMany({ where: { projectId, name: ROUND } });
}

test.beforeAll(async () => {
  const { prisma, close } = e2eDatabase();
  try {
    const peru = await prisma.project.findUniqueOrThrow({ where: { code: "PE-VEN-2021" } });
    savedRules = peru.surveyRules;
    await removeLeftovers(prisma, peru.id);
    await prisma.project.update({ where: { id: peru.id }, data: { surveyRules: rules } });
    await prisma.surveyRound.create({
      data: {
        projectId: peru.id,
        type: "MIDLINE",
        name: ROUND,
        startDate: new Date("2021-07-01"),
        endDate: new Date("2021-07-31"),
        mode: "IN_PERSON",
        plannedSampleSize: 100,
      },
    });
  } finally {
    await close();
  }
  kobo = await fakeKobo({
    assetUid: "aConnE2eForm",
    token: "kobo-e2e-token",
    name: "Household survey",
    submissions: midlineHouseholds.map(koboSubmission),
  });
});

test.afterAll(async () => {
  await kobo?.close();
  // The survey import's spec starts from the project's own rules (none): the rules go back as they were.
  const { prisma, close } = e2eDatabase();
  try {
    const peru = await prisma.project.update({
      where: { code: "PE-VEN-2021" },
      // No rules is SQL NULL (Prisma.DbNull); a plain null is refused for a JSON column.
      data: { surveyRules: savedRules ?? Prisma.DbNull },
    });
    await removeLeftovers(prisma, peru.id);
  } finally {
    await close();
  }
});

test("a manager adds a KoboToolbox connection, an evaluator syncs it, the values approved show on the dashboard", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const manager = await (await browser.newContext()).newPage();
  await logInAs(manager, "manager@example.org");
  await manager.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await expect(manager).toHaveURL(/\/projects\/[^/]+$/);
  const projectUrl = manager.url();
  await manager.getByRole("link", { name: "Connections to KoboToolbox and ODK Central" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "Connections" })).toBeVisible();

  const form = manager.locator("form").filter({ has: manager.getByRole("heading", { name: "Add a connection" }) });
  await form.getByLabel("Name").fill(CONNECTION);
  await form.getByLabel("Server", { exact: true }).selectOption("KOBO");
  await form.getByLabel("Server address").fill(kobo.url);
  await form.getByLabel("Form (asset) uid").fill("aConnE2eForm");
  await form.getByLabel("API token").fill("kobo-e2e-token");
  await form.getByLabel("Submit the values for review (otherwise they are saved as drafts)").check();
  await form.getByRole("button", { name: "Add connection" }).click();
  await expect(form.getByText(/^Connection added\./)).toBeVisible();

  const managersPanel = manager.getByRole("region", { name: CONNECTION });
  await expect(managersPanel.getByText("submits for review", { exact: false })).toBeVisible();
  await managersPanel.getByRole("button", { name: "Test connection" }).click();
  await expect(managersPanel.getByText("Connected: form “Household survey”, 4 submissions.")).toBeVisible();
  // The token was sent to the server, and is never shown on the page.
  await expect(manager.getByText("kobo-e2e-token")).toHaveCount(0);

  // The evaluator syncs and sees the values the submissions change, with the rows behind them.
  const evaluator = await (await browser.newContext()).newPage();
  await logInAs(evaluator, "evaluator@example.org");
  await evaluator.goto(`${new URL(projectUrl).pathname}/connections`);
  const panel = evaluator.getByRole("region", { name: CONNECTION });
  await expect(panel.getByText("Never synced.")).toBeVisible();
  await panel.getByRole("button", { name: "Sync now" }).click();
  const values = panel.getByRole("table", { name: "Values changed by this sync, with the rows behind them" });
  await expect(values).toBeVisible();
  const cells = await values
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")));
  // Indicator, place, option (none: the total), round, value, rows behind it; the household on hold is left out.
  const value = (indicator: string, place: string, option: string, figure: string, rows: number) => [
    indicator,
    place,
    option,
    ROUND,
    figure,
    String(rows),
  ];
  expect(cells).toEqual([
    value("G.1", "Lima", "", "1 / 2", 2),
    value("G.1", "Lima", "Female", "1 / 1", 1),
    value("G.1", "Lima", "Male", "0 / 1", 1),
    value("G.1", "Tumbes", "", "1 / 1", 1),
    value("G.1", "Tumbes", "Female", "1 / 1", 1),
    value("OC1.2", "Lima", "", "3.5", 2),
    value("OC1.2", "Tumbes", "", "5", 1),
  ]);
  await expect(panel.getByRole("status")).toHaveText(
    "4 new or edited submissions read; 7 values changed, submitted for review.",
  );
  const changed = cells.length;
  await evaluator.reload();
  await expect(evaluator.getByRole("region", { name: CONNECTION }).getByRole("cell", { name: "saved" })).toBeVisible();

  // A manager approves the round's submitted values.
  await manager.goto(`${new URL(projectUrl).pathname}/review`);
  const filters = manager.getByRole("form", { name: "Show" });
  await filters.getByLabel("All periods and rounds").selectOption({ label: ROUND });
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(manager).toHaveURL(/time=/);
  await expect(manager.getByText(new RegExp(`^${changed} of \\d+ values waiting for review$`))).toBeVisible();
  await manager.getByRole("button", { name: `Tick all ${changed} shown` }).click();
  await manager.getByRole("button", { name: "Approve ticked" }).click();
  await expect(manager.getByText(`${changed} values approved.`)).toBeVisible();

  // The dashboard shows them, approved (no preview of submitted values needed).
  await manager.goto(projectUrl);
  const dashboardFilters = manager.getByRole("form", { name: /filters/i });
  await dashboardFilters.getByLabel("Period or round").selectOption({ label: ROUND });
  const actual = (code: string) => manager.locator(`article[data-indicator="${code}"] [data-figure="actual"]`);
  // 2 of the 3 approved households (the one on hold is not counted); (4 + 3 + 5) / 3.
  await expect(actual("G.1")).toHaveText("66.7 %");
  await expect(actual("OC1.2")).toHaveText("4.0");
});
