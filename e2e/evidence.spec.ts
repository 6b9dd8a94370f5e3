import { expect, test } from "@playwright/test";
import { createShareLink, logInAs } from "./fixtures";

const attendance = {
  name: "attendance-callao.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\n% Attendance sheet, Callao, final evaluation\n%%EOF\n"),
};

test("a file attached to a value is seen by the manager, and by a donor link only once shared and approved", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  // The evaluator attaches an attendance sheet to Callao's submitted mean score of the final evaluation.
  const evaluator = await (await browser.newContext()).newPage();
  await logInAs(evaluator, "evaluator@example.org");
  await evaluator.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await evaluator.getByRole("link", { name: "Enter results" }).click();
  await evaluator.getByRole("link", { name: "Final evaluation", exact: true }).click();
  const attach = evaluator.getByRole("form", { name: "Attach a file" });
  await attach.getByLabel("Attach to").selectOption({ label: "OC1.2 · Callao" });
  await attach.getByLabel("File").setInputFiles(attendance);
  await attach.getByRole("button", { name: "Attach" }).click();
  await expect(attach.getByRole("status")).toHaveText("attendance-callao.pdf attached.");
  const listed = evaluator.locator('li[data-evidence="attendance-callao.pdf"]');
  await expect(listed).toContainText("OC1.2 · Callao");
  // Not a kind of file kept as evidence: refused by name.
  await attach
    .getByLabel("File")
    .setInputFiles({ name: "page.html", mimeType: "text/html", buffer: Buffer.from("<script>alert(1)</script>") });
  await attach.getByRole("button", { name: "Attach" }).click();
  await expect(attach.getByRole("alert")).toContainText("Only photos (JPEG, PNG, WebP), PDFs");

  // The manager sees it beside the value under review and downloads it.
  const manager = await (await browser.newContext()).newPage();
  await logInAs(manager, "manager@example.org");
  await manager.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await manager.getByRole("link", { name: "Review submitted results" }).click();
  const row = manager.locator('tr[data-result="OC1.2|Callao|Final evaluation"]');
  const link = row.getByRole("link", { name: "attendance-callao.pdf" });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute("href")) ?? "";
  const download = await manager.request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toContain("attachment");
  expect(await download.text()).toContain("Attendance sheet, Callao");
  const evidenceId = href.split("/").pop();

  // A donor link: the file is not listed, and its address answers as if it did not exist.
  const reviewUrl = manager.url();
  await manager.goto(reviewUrl.replace(/\/review$/, "/share"));
  const url = await createShareLink(manager, "Evidence check");
  const token = url.split("/s/")[1];
  const donor = await (await browser.newContext()).newPage();
  await donor.goto(url);
  await expect(donor.getByRole("heading", { level: 1 })).toHaveText(/Venezuelan migrants/);
  await expect(donor.getByText("attendance-callao.pdf")).toHaveCount(0);
  const shared = `/api/v1/shared/${token}/evidence/${evidenceId}`;
  expect((await donor.request.get(shared)).status()).toBe(404);

  // Shared by the manager, it still waits for its value's approval; approved, the donor may download it.
  await manager.goto(reviewUrl);
  const patched = manager.waitForResponse((r) => r.url().includes("/evidence/") && r.request().method() === "PATCH");
  await row.getByRole("checkbox", { name: "Share attendance-callao.pdf with donor links" }).check();
  expect((await patched).status()).toBe(200);
  await expect(row.getByRole("checkbox", { name: /Share attendance-callao.pdf/ })).toBeChecked();
  expect((await donor.request.get(shared)).status()).toBe(404);
  await row.getByRole("button", { name: "Approve" }).click();
  await expect(row).toHaveCount(0);
  const approved = await donor.request.get(shared);
  expect(approved.status()).toBe(200);
  expect(await approved.text()).toContain("Attendance sheet, Callao");
  await donor.reload();
  await expect(donor.getByRole("link", { name: "attendance-callao.pdf" })).toBeVisible();
});
