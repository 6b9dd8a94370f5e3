// An existing user invited to another project joins it with one click while signed in: no password form.
import { expect, test } from "@playwright/test";
import { logInAs } from "./fixtures";

test("a signed-in user opens an invitation to their address and joins with one click", async ({ browser }) => {
  const manager = await (await browser.newContext()).newPage();
  await logInAs(manager, "manager@example.org");
  await manager.getByRole("link", { name: /Cross-border HIV prevention/ }).click();
  await manager.getByRole("link", { name: "Team" }).click();
  const invite = manager.getByRole("form", { name: "Invite someone" });
  // The demo program manager belongs to no project yet.
  await invite.getByLabel("E-mail").fill("programs@example.org");
  await invite.getByLabel("Role").selectOption("VIEWER");
  await invite.getByRole("button", { name: "Invite" }).click();
  const link = await manager.getByLabel("Invitation link").inputValue();

  const invited = await (await browser.newContext()).newPage();
  await logInAs(invited, "programs@example.org");
  await expect(invited.getByRole("link", { name: /Cross-border HIV prevention/ })).toHaveCount(0);
  await invited.goto(link);
  await expect(invited.getByRole("heading", { name: /Join Cross-border HIV prevention/ })).toBeVisible();
  await expect(invited.getByText("the account you are signed in with")).toBeVisible();
  await expect(invited.getByLabel(/Password/)).toHaveCount(0);
  await invited.getByRole("button", { name: "Join" }).click();
  await expect(invited).toHaveURL(/\/projects\/[^/?]+$/, { timeout: 20_000 });
  await expect(invited.getByRole("heading", { name: /Cross-border HIV prevention/ })).toBeVisible();

  await invited.goto("/projects");
  await expect(invited.getByRole("link", { name: /Cross-border HIV prevention/ })).toBeVisible();
  // The link worked once.
  await invited.goto(link);
  await expect(invited.getByText("This invitation link does not work")).toBeVisible();
});
