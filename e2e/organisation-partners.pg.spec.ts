// Partners who report their own sites, with two-level approval, up to the organisation's roll-up (#34):
// an M&E lead adds a library indicator, two projects' managers link their indicators to it, the demo
// partner's reporter enters a value at one of its sites of the Western Balkans project, the partner's
// reviewer approves it (the roll-up does not count it yet), the project's manager approves it, and the
// roll-up by country and in total shows it with its explanation. Also: a partner sees its own sites'
// rows only and not another project at all; the admins' partners screen and a project's partners page.
// Users and the projects' indicators are set up through the data layer (hence PostgreSQL).
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { hashPassword } from "../lib/platform/auth/password";
import { e2eDatabase } from "./database";
import { logIn, logInAs } from "./fixtures";

const PASSWORD = "partners-e2e-password";
const run = Date.now().toString(36).toUpperCase();
const code = `E2E-PARTNERS-${run}`;
const name = "People reached through partners";

type Setup = {
  peru: string;
  roma: string;
  peruIndicator: string;
  romaIndicator: string;
  romaPeriod: { id: string; label: string };
  meLead: string;
  romaManager: string;
  places: Record<"RS" | "ME" | "BA", string>;
};
let setup: Setup;

async function signIn(page: Page, email: string) {
  await logIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/projects$/, { timeout: 20_000 });
}

test.beforeAll(async () => {
  const { prisma, close } = e2eDatabase();
  try {
    const [peru, roma, manager] = await Promise.all([
      prisma.project.findUniqueOrThrow({ where: { code: "PE-VEN-2021" } }),
      prisma.project.findUniqueOrThrow({ where: { code: "WB-ROMA-W" } }),
      prisma.user.findUniqueOrThrow({ where: { email: "manager@example.org" } }),
    ]);
    const passwordHash = await hashPassword(PASSWORD);
    const meLead = `melead.${run.toLowerCase()}@example.org`;
    const romaManager = `roma.manager.${run.toLowerCase()}@example.org`;
    await prisma.user.create({ data: { email: meLead, name: "Marta M&E Lead", passwordHash, orgRole: "ME_LEAD" } });
    await prisma.user.create({
      data: {
        email: romaManager,
        name: "Rosa Roma Manager",
        passwordHash,
        memberships: { create: { projectId: roma.id, role: "MANAGER" } },
      },
    });
    // One indicator in each project, counted in people as the library indicator will be, not yet linked.
    const indicator = async (projectId: string, indicatorCode: string) => {
      const node = await prisma.resultNode.findFirstOrThrow({ where: { projectId }, orderBy: { sortOrder: "asc" } });
      return prisma.indicator.create({
        data: {
          projectId,
          resultNodeId: node.id,
          code: indicatorCode,
          title: "People reached by local organisations",
          measure: "COUNT",
          unit: "people",
        },
      });
    };
    const [peruIndicator, romaIndicator] = await Promise.all([
      indicator(peru.id, `P${run}`),
      indicator(roma.id, `R${run}`),
    ]);
    // Peru already approved 100 people in Lima (the team's own value, no partner there).
    const [peruPeriod, romaPeriod, lima] = await Promise.all([
      prisma.reportingPeriod.findFirstOrThrow({ where: { projectId: peru.id }, orderBy: { startDate: "desc" } }),
      prisma.reportingPeriod.findFirstOrThrow({ where: { projectId: roma.id }, orderBy: { startDate: "desc" } }),
      prisma.location.findUniqueOrThrow({ where: { isoCode: "PE-LIM" } }),
    ]);
    await prisma.result.create({
      data: {
        indicatorId: peruIndicator.id,
        periodId: peruPeriod.id,
        locationId: lima.id,
        value: 100,
        status: "APPROVED",
        createdById: manager.id,
        updatedById: manager.id,
        reviewedById: manager.id,
        submittedAt: new Date(),
        reviewedAt: new Date(),
      },
    });
    const countries = await prisma.location.findMany({ where: { isoCode: { in: ["RS", "ME", "BA"] } } });
    const place = (iso: string) => countries.find((c) => c.isoCode === iso)?.name ?? iso;
    setup = {
      peru: peru.id,
      roma: roma.id,
      peruIndicator: peruIndicator.id,
      romaIndicator: romaIndicator.id,
      romaPeriod: { id: romaPeriod.id, label: romaPeriod.label },
      meLead,
      romaManager,
      places: { RS: place("RS"), ME: place("ME"), BA: place("BA") },
    };
  } finally {
    await close();
  }
});

/** Links a project's indicator to the library indicator on its setup page, as its manager. */
async function link(page: Page, projectId: string, indicatorId: string) {
  await page.goto(`/projects/${projectId}/logframe/${indicatorId}`);
  await page.getByLabel("Library indicator", { exact: true }).selectOption({ label: `${code}: ${name}` });
  await page.getByRole("button", { name: "Link to the library" }).click();
  await expect(page.getByRole("status")).toHaveText("Linked to the library.");
  await expect(page.getByTestId("current-link")).toContainText(code);
}

async function rollup(page: Page, libraryId: string, by: "country" | "total") {
  await page.goto(`/organisation/indicators/${libraryId}?by=${by}`);
  return page.getByTestId("rollup");
}

test("a partner's value reaches the organisation's roll-up only once both levels approved it", async ({ browser }) => {
  test.setTimeout(180_000);
  const { places, romaPeriod } = setup;
  const contexts: BrowserContext[] = [];
  const context = async () => {
    contexts.push(await browser.newContext());
    return (contexts.at(-1) as BrowserContext).newPage();
  };

  // The M&E lead adds the library indicator.
  const lead = await context();
  await signIn(lead, setup.meLead);
  await lead.goto("/organisation");
  const form = lead.locator("form", { has: lead.getByRole("heading", { name: "Add a library indicator" }) });
  await form.getByLabel("Code").fill(code);
  await form.getByLabel("Name in English").fill(name);
  await form.getByLabel("Name in Spanish").fill("Personas alcanzadas por medio de socios");
  await form.getByLabel("Measure").selectOption("COUNT");
  await form.getByLabel("Unit").fill("people");
  await form.getByLabel("Roll-up").selectOption("SUM");
  await form.getByRole("button", { name: "Add to the library" }).click();
  await expect(form.getByRole("status")).toHaveText(`${code} added to the library.`);
  const libraryRow = lead.locator(`tr[data-library="${code}"]`);
  await libraryRow.getByRole("link", { name }).click();
  await expect(lead).toHaveURL(/\/organisation\/indicators\/[^/?]+/);
  const libraryId = lead.url().split("/organisation/indicators/")[1]?.split("?")[0] ?? "";

  // Each project's manager links the project's indicator to it.
  const peruManager = await context();
  await logInAs(peruManager, "manager@example.org");
  await link(peruManager, setup.peru, setup.peruIndicator);
  const romaManager = await context();
  await signIn(romaManager, setup.romaManager);
  await link(romaManager, setup.roma, setup.romaIndicator);

  // The partner's reporter sees only the Western Balkans project, its dashboard, and its own sites' columns.
  const reporter = await context();
  await logInAs(reporter, "partner.reporter@example.org");
  await expect(reporter.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ })).toHaveCount(0);
  await reporter.getByRole("link", { name: /Inclusion of Roma women and girls in the Western Balkans/ }).click();
  await expect(reporter.getByRole("heading", { level: 1 })).toHaveText(/Inclusion of Roma women and girls/);
  await expect(reporter.getByRole("link", { name: "Import results" })).toHaveCount(0);
  await reporter.getByRole("link", { name: "Enter results" }).click();
  await expect(reporter.getByRole("heading", { level: 1, name: "Enter results" })).toBeVisible();
  await reporter.goto(`/projects/${setup.roma}/entry?time=${romaPeriod.id}`);
  const columns = reporter.locator("table.entry-grid thead th");
  await expect(columns).toHaveText(["Indicator", places.ME, places.RS]);
  await expect(reporter.getByRole("textbox", { name: new RegExp(`, ${places.BA}$`) })).toHaveCount(0);
  await reporter.getByRole("textbox", { name: `Value: R${run}, ${places.RS}`, exact: true }).fill("40");
  await reporter.getByRole("button", { name: "Submit for review" }).click();
  // (Submitting sends the period's drafts at their sites too: the demo has some there.)
  await expect(reporter.getByText(/^\d+ values? submitted for review\.$/)).toBeVisible();
  // Another project is not there for them at all.
  expect((await reporter.goto(`/projects/${setup.peru}`))?.status()).toBe(404);
  expect((await reporter.goto(`/projects/${setup.peru}/entry`))?.status()).toBe(404);
  expect((await reporter.goto(`/projects/${setup.roma}/review`))?.status()).toBe(404);

  // The project's manager does not see it yet: it waits for the partner's reviewer.
  await romaManager.goto(`/projects/${setup.roma}/review`);
  await expect(romaManager.locator(`tr[data-result^="R${run}|"]`)).toHaveCount(0);

  // The partner's reviewer finds it in the inbox and approves it: the first level.
  const reviewer = await context();
  await logInAs(reviewer, "partner.reviewer@example.org");
  await reviewer.getByRole("link", { name: /^Inbox/ }).click();
  await reviewer
    .getByRole("region", { name: "Waiting for your review" })
    .getByRole("link", { name: new RegExp(`to review in Inclusion of Roma women.*, ${romaPeriod.label}$`) })
    .click();
  await expect(reviewer.getByRole("heading", { level: 1, name: "Review submitted results" })).toBeVisible();
  await expect(
    reviewer.getByText("The values submitted at your organisation's places.", { exact: false }),
  ).toBeVisible();
  const partnerRow = reviewer.locator(`tr[data-result="R${run}|${places.RS}|${romaPeriod.label}"]`);
  await expect(partnerRow.locator("[data-col=value]")).toHaveText("40");
  await expect(reviewer.locator(`tbody tr td:nth-child(3):text-is("${places.BA}")`)).toHaveCount(0);
  await partnerRow.getByRole("button", { name: "Approve" }).click();
  await expect(partnerRow).toHaveCount(0); // decided values leave the list

  // Approved by the partner only: the roll-up (approved values) still has Peru's 100 and nothing in Serbia.
  // (Read by the demo manager, who manages both projects: a roll-up counts the projects its reader may open.)
  let table = await rollup(peruManager, libraryId, "country");
  await expect(table.locator('tr[data-group="PE"] [data-col=achieved]')).toHaveText("100");
  await expect(table.locator('tr[data-group="RS"]')).toHaveCount(0);

  // The manager sees it as approved by the partner, and approves it: the last level.
  await romaManager.goto(`/projects/${setup.roma}/review`);
  const managerRow = romaManager.locator(`tr[data-result="R${run}|${places.RS}|${romaPeriod.label}"]`);
  await expect(managerRow.locator("[data-status=PARTNER_APPROVED]")).toHaveText("Approved by the partner");
  await managerRow.getByRole("button", { name: "Approve" }).click();
  await expect(managerRow).toHaveCount(0); // decided values leave the list

  // Now the roll-up counts it: by country, each with the project and value it comes from; in total, the sum.
  table = await rollup(peruManager, libraryId, "country");
  const serbia = table.locator('tr[data-group="RS"]');
  await expect(serbia.locator("th")).toHaveText(places.RS);
  await expect(serbia.locator("[data-col=achieved]")).toHaveText("40");
  await expect(serbia.locator("[data-col=explanation]")).toContainText("WB-ROMA-W: 40");
  await expect(table.locator('tr[data-group="PE"] [data-col=explanation]')).toContainText("PE-VEN-2021: 100");
  table = await rollup(peruManager, libraryId, "total");
  await expect(table.locator("tbody tr th")).toHaveText("All projects");
  await expect(table.locator("tbody tr [data-col=achieved]")).toHaveText("140");
  await expect(table.locator("[data-col=explanation] li")).toHaveCount(2);
  await expect(peruManager.getByTestId("linked-projects").locator("li")).toHaveCount(2);
  for (const c of contexts) await c.close();
});

test("an admin keeps partners and their members; a taken name and an unknown e-mail are refused on their field", async ({
  page,
}) => {
  await logInAs(page, "admin@example.org");
  await page.getByRole("link", { name: "Partners", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partner organisations" })).toBeVisible();
  await expect(page.locator(`tr[data-partner="Roma Women's Network Serbia–Montenegro"] [data-col=sites]`)).toHaveText(
    "2",
  );

  const add = page.locator("form", { has: page.getByRole("heading", { name: "Add a partner organisation" }) });
  await add.getByLabel("Name").fill("  roma women's network serbia–montenegro ");
  await add.getByRole("button", { name: "Add the partner" }).click();
  await expect(add.locator("#partner-name-error")).toHaveText("A partner of this name already exists.");
  const partner = `Asociación E2E ${run}`;
  await add.getByLabel("Name").fill(partner);
  await add.getByRole("button", { name: "Add the partner" }).click();
  await expect(add.getByRole("status")).toHaveText("Partner added.");

  const row = page.locator(`tr[data-partner="${partner}"]`);
  const member = row.getByRole("form", { name: `Add a member to ${partner}` });
  await member.getByLabel("E-mail of a user").fill("nobody@example.org");
  await member.getByRole("button", { name: "Add the member" }).click();
  await expect(member.getByText("No active account has this e-mail", { exact: false })).toBeVisible();
  await member.getByLabel("E-mail of a user").fill("evaluator@example.org");
  await member.getByLabel("Role").selectOption("REVIEWER");
  await member.getByRole("button", { name: "Add the member" }).click();
  await expect(row.locator('[data-member="evaluator@example.org"]')).toContainText("Elena Evaluator");
  await expect(row.locator('[data-member="evaluator@example.org"]')).toContainText("Reviewer");
  await row.getByRole("button", { name: `Remove Elena Evaluator from ${partner}` }).click();
  await expect(row.locator('[data-member="evaluator@example.org"]')).toHaveCount(0);
});

test("a project's manager assigns its places to a partner, sees each place's partner, and switches two-level approval", async ({
  page,
}) => {
  const { prisma, close } = e2eDatabase();
  const partner = `Partner of Bosnia ${run}`;
  try {
    await prisma.partner.create({ data: { name: partner, nameKey: partner.toLowerCase() } });
  } finally {
    await close();
  }
  const { places } = setup;
  await logInAs(page, "manager@example.org");
  await page.goto(`/projects/${setup.roma}`);
  await page.getByRole("link", { name: "Partners", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partners" })).toBeVisible();
  const sites = page.locator("form", { has: page.getByRole("heading", { name: "Places and their partners" }) });
  const place = (iso: "RS" | "BA") => sites.getByRole("checkbox", { name: new RegExp(`^${places[iso]} ·`) });
  await expect(place("RS")).toHaveAccessibleName(`${places.RS} · reported by Roma Women's Network Serbia–Montenegro`);
  await expect(place("BA")).toHaveAccessibleName(`${places.BA} · no partner`);

  // Serbia is the demo partner's: not moved unless asked.
  await place("RS").check();
  await place("BA").check();
  await sites.getByLabel("Partner", { exact: true }).selectOption({ label: partner });
  await sites.getByRole("button", { name: "Assign to the partner" }).click();
  await expect(sites.getByText("Some of these places are another partner's", { exact: false })).toBeVisible();
  await expect(place("RS")).toHaveAccessibleName(/reported by Roma Women's Network/);

  await place("RS").uncheck();
  await sites.getByRole("button", { name: "Assign to the partner" }).click();
  await expect(sites.getByRole("status")).toHaveText("Saved.");
  await expect(place("BA")).toHaveAccessibleName(`${places.BA} · reported by ${partner}`);
  // Taken back, as the demo had it.
  await place("BA").check();
  await sites.getByRole("button", { name: "Take from their partner" }).click();
  await expect(place("BA")).toHaveAccessibleName(`${places.BA} · no partner`);

  // The Peru project's switch, on and off again (as the demo has it), with the sentence that explains it.
  await page.goto(`/projects/${setup.peru}/partners`);
  const twoLevel = page.locator("form", { has: page.getByRole("heading", { name: "Two-level approval" }) });
  await expect(twoLevel).toContainText("approved first by the partner's reviewer, then by the project's manager");
  const toggle = twoLevel.getByRole("checkbox", { name: "Ask for two-level approval" });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await twoLevel.getByRole("button", { name: "Save" }).click();
  await expect(twoLevel.getByRole("status")).toHaveText("Two-level approval is on.");
  await toggle.uncheck();
  await twoLevel.getByRole("button", { name: "Save" }).click();
  await expect(twoLevel.getByRole("status")).toHaveText(/^Two-level approval is off/);
});

test("the project's evaluator does not get its partners page", async ({ page }) => {
  await logInAs(page, "evaluator@example.org");
  expect((await page.goto(`/projects/${setup.roma}/partners`))?.status()).toBe(404);
});
