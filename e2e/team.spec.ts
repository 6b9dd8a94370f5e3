import { expect, test } from "@playwright/test";
import { logIn, logInAs } from "./fixtures";

test("a manager invites someone new, who joins through the one-time link and signs in", async ({ browser }) => {
  const manager = await (await browser.newContext()).newPage();
  await logInAs(manager, "manager@example.org");
  await manager.getByRole("link", { name: /Cross-border HIV prevention/ }).click();
  await manager.getByRole("link", { name: "Team" }).click();
  const invite = manager.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("E-mail").fill("field.officer@example.org");
  await invite.getByLabel("Role").selectOption("EVALUATOR");
  await invite.getByRole("button", { name: "Invite" }).click();
  const link = await manager.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/i_[A-Za-z0-9_-]{43}$/);
  await expect(manager.getByRole("table", { name: "Pending invitations" })).toContainText("field.officer@example.org");

  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { name: /Join Cross-border HIV prevention/ })).toBeVisible();
  await newcomer.getByLabel("Name").fill("Field Officer");
  await newcomer.getByLabel(/Password/).fill("short");
  await newcomer.getByRole("button", { name: "Join" }).click();
  await expect(newcomer.getByText("At least 10 characters.")).toBeVisible();
  await newcomer.getByLabel(/Password/).fill("a long enough password");
  await newcomer.getByRole("button", { name: "Join" }).click();
  await expect(newcomer.getByText("Welcome! Sign in with your e-mail")).toBeVisible();
  await logIn(newcomer, "field.officer@example.org", "a long enough password");
  await expect(newcomer.getByRole("link", { name: /Cross-border HIV prevention/ })).toBeVisible();

  // The link worked once.
  await newcomer.goto(link);
  await expect(newcomer.getByText("This invitation link does not work")).toBeVisible();
});
