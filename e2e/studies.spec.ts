import { expect, test } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { createShareLink, logInAs } from "./fixtures";

/** The evaluation's report: its second page names a district ("Matapalo") that its title and abstract do not. */
async function report() {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([420, 300]).drawText("Final evaluation, Tumbes", { x: 20, y: 260, size: 12, font });
  doc.addPage([420, 300]).drawText("Households in Matapalo were reached by phone.", { x: 20, y: 260, size: 10, font });
  return { name: "final-evaluation-tumbes.pdf", mimeType: "application/pdf", buffer: Buffer.from(await doc.save()) };
}

test("a manager files an evaluation with its PDF and a survey round, finds it by a word of its abstract and one of its PDF's text, and a donor link sees it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const manager = await (await browser.newContext()).newPage();
  await logInAs(manager, "manager@example.org");
  await manager.getByRole("link", { name: "Studies", exact: true }).click();
  await manager.getByRole("link", { name: "File a study" }).click();
  await manager.getByLabel("Type").selectOption({ label: "Evaluation" });
  await manager.getByLabel("Title", { exact: true }).fill("Final evaluation of the Tumbes border response");
  await manager
    .getByLabel("Abstract", { exact: true })
    .fill("Phone surveys of migrants crossing at Zarumilla, and interviews with health workers.");
  await manager.getByRole("checkbox", { name: "PE-VEN-2021", exact: true }).check();
  await manager.getByLabel("Method").selectOption({ label: "Mixed methods" });
  await manager.getByLabel("Pages").fill("42");
  await manager.getByLabel("Who may read it").selectOption("DONORS");
  // An indicator of the study's project (earlier specs may have made the manager a manager of others).
  const indicatorChoice = manager
    .getByRole("group", { name: "Indicators" })
    .locator("label", { hasText: "PE-VEN-2021:" })
    .first();
  const indicatorLabel = ((await indicatorChoice.textContent()) ?? "").replace("PE-VEN-2021:", "").trim();
  await indicatorChoice.getByRole("checkbox").check();
  // A survey round of the same project: the study page names it.
  const roundChoice = manager
    .getByRole("group", { name: "Survey rounds" })
    .locator("label", { hasText: "PE-VEN-2021:" })
    .first();
  const roundName = ((await roundChoice.textContent()) ?? "").replace("PE-VEN-2021:", "").trim();
  await roundChoice.getByRole("checkbox").check();
  await manager.getByLabel("Document (PDF, DOCX)").setInputFiles(await report());
  await manager.getByRole("button", { name: "File the study" }).click();

  // The study's page: its metadata, document and indicator.
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Final evaluation of the Tumbes border response");
  await expect(manager.getByText("Mixed methods")).toBeVisible();
  await expect(manager.getByText("42 pages")).toBeVisible();
  await expect(manager.getByRole("link", { name: "final-evaluation-tumbes.pdf" })).toBeVisible();
  const [code] = indicatorLabel.split(" ");
  await expect(manager.getByRole("link", { name: new RegExp(`^${code} · `) })).toBeVisible();
  expect(roundName).not.toBe("");
  await expect(
    manager.locator("section", { has: manager.getByRole("heading", { name: "Survey rounds" }) }),
  ).toContainText(roundName);

  // Found by a word of its abstract, the word highlighted.
  await manager.goto("/studies?q=Zarumilla");
  await expect(manager.getByRole("link", { name: "Final evaluation of the Tumbes border response" })).toBeVisible();
  await expect(manager.locator("mark", { hasText: "Zarumilla" })).toBeVisible();
  await manager.goto("/studies?q=Zarumilla&type=baseline");
  await expect(manager.getByText("No study matches.")).toBeVisible();
  // Found by a word of its document's text only (read from the PDF when it was filed).
  await manager.goto("/studies?q=Matapalo");
  await expect(manager.getByRole("link", { name: "Final evaluation of the Tumbes border response" })).toBeVisible();
  await expect(manager.locator("mark", { hasText: "Matapalo" })).toBeVisible();

  // Shared with the project's donor links: a donor sees it on the report.
  await manager.goto("/projects");
  await manager.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await expect(manager.getByRole("region", { name: "Studies" })).toContainText(
    "Final evaluation of the Tumbes border response",
  );
  await manager.getByRole("link", { name: "Share links" }).click();
  const url = await createShareLink(manager, "Studies donor");
  const donor = await (await browser.newContext()).newPage();
  await donor.goto(url);
  const studies = donor.getByRole("region", { name: "Studies" });
  await expect(studies).toContainText("Final evaluation of the Tumbes border response");
  await expect(studies).toContainText("Zarumilla");
});
