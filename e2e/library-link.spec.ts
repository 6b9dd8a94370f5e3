// Library links from a project's setup (#34): a manager adds an indicator from the organisation's library,
// removes its link and links it again through the form (a measure that differs and an unmapped option
// refused on their fields first), and the library indicator's page lists the project.
import { expect, type Page, test } from "@playwright/test";
import { logInAs } from "./fixtures";

const gbv = "ORG-GBV-REFERRED: GBV survivors referred to services";

async function openLogframe(page: Page) {
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await page.getByRole("link", { name: "Logframe and indicators" }).click();
  await expect(page.getByRole("heading", { name: "Add from the library" })).toBeVisible();
}

test("a manager adds an indicator from the library, unlinks it and links it again; the library lists the project", async ({
  page,
}) => {
  await logInAs(page, "manager@example.org");
  await openLogframe(page);
  const logframe = page.url();
  const code = `GBV-${Date.now().toString(36)}`;
  const add = page.locator("form", { has: page.getByRole("heading", { name: "Add from the library" }) });
  await add.getByLabel("Library indicator").selectOption({ label: gbv });
  await add.getByLabel("Code (the library's when empty)").fill(code);
  await add.getByRole("button", { name: "Add from the library" }).click();
  await expect(add.getByRole("status")).toHaveText(`${code} added and linked to the library.`);

  await expect(page.locator(`tr[data-indicator="${code}"]`).getByTestId("library-code")).toHaveText(
    "· ORG-GBV-REFERRED",
  );
  // Peru reports in Spanish first: the indicator takes the library's Spanish name.
  await page
    .locator(`tr[data-indicator="${code}"]`)
    .getByRole("link", { name: "Sobrevivientes de VBG derivadas a servicios" })
    .click();
  const section = page.getByTestId("library-link");
  await expect(section.getByTestId("current-link")).toHaveText(`Linked to ${gbv}`);
  await expect(section.getByRole("listitem")).toHaveText([
    "sex.female is reported as Sex: Female",
    "sex.male is reported as Sex: Male",
  ]);
  await section.getByRole("button", { name: "Remove the link" }).click();
  await expect(section.getByTestId("current-link")).toHaveText("Not linked to a library indicator.");
  await expect(section.getByRole("status")).toHaveText("The link to the library was removed.");

  // A percentage cannot report a count: offered among the others, with the reason, and refused.
  await section.getByLabel("Library indicator", { exact: true }).selectOption({
    label: "ORG-PROTECTION: % of people accessing protection services",
  });
  await expect(section.getByRole("note")).toHaveText(
    "ORG-PROTECTION cannot be linked: The indicator's measure differs from the library indicator's.",
  );
  await section.getByRole("button", { name: "Link to the library" }).click();
  await expect(section.locator("#link-library-error")).toHaveText(
    "The indicator's measure differs from the library indicator's.",
  );
  await expect(section.getByTestId("current-link")).toHaveText("Not linked to a library indicator.");

  // Each required option is mapped explicitly, proposed by its key; one left unmapped is refused on it.
  await section.getByLabel("Library indicator", { exact: true }).selectOption({ label: gbv });
  await expect(section.getByLabel("Sex: Female")).toHaveValue(/.+/);
  await section.getByLabel("Sex: Male").selectOption({ label: "Not mapped" });
  await section.getByRole("button", { name: "Link to the library" }).click();
  await expect(section.locator("#link-sex-male-error")).toHaveText(
    "Map this option to one of the indicator's options.",
  );
  await expect(section.getByTestId("current-link")).toHaveText("Not linked to a library indicator.");
  await section.getByLabel("Sex: Male").selectOption({ label: "Male" });
  await section.getByRole("button", { name: "Link to the library" }).click();
  await expect(section.getByRole("status")).toHaveText("Linked to the library.");
  await expect(section.getByTestId("current-link")).toHaveText(`Linked to ${gbv}`);

  await page.goto("/organisation");
  await page.locator('tr[data-library="ORG-GBV-REFERRED"]').getByRole("link").click();
  await expect(page.getByTestId("linked-projects")).toContainText(
    `PE-VEN-2021 · Protection and integration of Venezuelan migrants and refugees in Peru: ${code}`,
  );

  // Archived again, so the library's pages read by other specs are as the demo left them.
  await page.goto(logframe);
  await page.getByRole("button", { name: `Archive: ${code}` }).click();
  await expect(page.locator(`tr[data-indicator="${code}"]`)).toHaveCount(0);
});
