import { expect, type Page, test } from "@playwright/test";
import { logInAs } from "./fixtures";
import { mailsTo, readable } from "./mail";

async function openPeru(page: Page, email: string, link: string) {
  await logInAs(page, email);
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await page.getByRole("link", { name: link }).click();
}

test("a value returned with a comment reaches the evaluator's inbox and mailbox; submitted ones reach the manager's", async ({
  browser,
}) => {
  const managerMails = mailsTo("manager@example.org").length;
  const evaluatorMails = mailsTo("evaluator@example.org").length;
  const evaluator = await (await browser.newContext()).newPage();
  await openPeru(evaluator, "evaluator@example.org", "Enter results");
  await evaluator.getByRole("link", { name: "2021-Q4", exact: true }).click();
  const laLibertad = evaluator.getByRole("textbox", { name: "Value: OP1.1.2, La Libertad", exact: true });
  await laLibertad.fill("3");
  await evaluator.getByRole("button", { name: "Submit for review" }).click();
  await expect(evaluator.getByText(/\d+ values? submitted for review\./)).toBeVisible();
  // The manager is told by e-mail (sent after the save, in the background).
  await expect.poll(() => mailsTo("manager@example.org").length, { timeout: 15_000 }).toBeGreaterThan(managerMails);
  expect(readable(mailsTo("manager@example.org").at(-1) ?? "")).toMatch(/to review in Protection and integration/);

  const manager = await (await browser.newContext()).newPage();
  await openPeru(manager, "manager@example.org", "Review submitted results");
  const row = manager.locator('tr[data-result="OP1.1.2|La Libertad|2021-Q4"]');
  await row.getByPlaceholder("Comment (needed to return)").fill("Only two networks met this quarter");
  await row.getByRole("button", { name: "Return" }).click();
  await expect(row).toHaveCount(0);

  // The evaluator's mailbox: the comment and a link to the period to correct.
  await expect.poll(() => mailsTo("evaluator@example.org").length, { timeout: 15_000 }).toBeGreaterThan(evaluatorMails);
  const mail = readable(mailsTo("evaluator@example.org").at(-1) ?? "");
  expect(mail).toMatch(/Subject: 1 value was returned to you in Protection and integration/);
  expect(mail).toContain("OP1.1.2, La Libertad, 2021-Q4: “Only two networks met this quarter”");
  const link = /http:\/\/localhost:3101\/projects\/\S+\/entry\?time=\S+/.exec(mail)?.[0] ?? "";
  expect(link).not.toBe("");

  // And the inbox in the header, which leads to the same period.
  await evaluator.reload();
  await evaluator.getByRole("link", { name: /^Inbox \(\d+\)$/ }).click();
  await evaluator.getByRole("link", { name: /values? to correct in .*Peru, 2021-Q4$/ }).click();
  await expect(evaluator.getByText("“Only two networks met this quarter”")).toBeVisible();
  await evaluator.goto(link);
  await expect(laLibertad).toBeEnabled();
});
