import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { verifySignature } from "../lib/domain/webhooks/signature";
import { logInAs } from "./fixtures";

test("a manager adds a webhook, copies its secret once, a signed test delivery reaches the receiver; pauses, resumes, rotates its secret and edits its events", async ({
  page,
}) => {
  const received: { event: string; verified: boolean }[] = [];
  let secret = "";
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const header = req.headers["x-me-signature"];
      const ok = verifySignature(secret, body, typeof header === "string" ? header : null, Date.now() / 1000).ok;
      received.push({ event: String(req.headers["x-me-event"]), verified: ok });
      res.statusCode = ok ? 204 : 401;
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  try {
    await logInAs(page, "manager@example.org");
    await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

    // A refused address is named on its field and nothing is added.
    await page.getByLabel("Address (URL)").fill("ftp://example.org");
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText("Enter an address starting with https:// or http://.")).toBeVisible();
    await expect(page.getByText("No webhooks yet.")).toBeVisible();

    await page.getByLabel("Address (URL)").fill(url);
    await page.getByRole("button", { name: "Add webhook" }).click();
    secret = await page.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    const panel = page.getByRole("region", { name: url });
    await panel.getByRole("button", { name: "Send a test delivery" }).click();
    await expect(panel.getByText("Test delivery sent: see its status below.")).toBeVisible();
    await expect.poll(() => received, { timeout: 10_000 }).toEqual([{ event: "webhook.test", verified: true }]);
    await page.reload();
    await expect(page.getByRole("region", { name: url }).getByRole("cell", { name: "Delivered" })).toBeVisible();
    // The secret is never shown again.
    await expect(page.getByLabel("Signing secret")).toHaveCount(0);

    // Paused, then resumed.
    let panel2 = page.getByRole("region", { name: url });
    await panel2.getByRole("button", { name: "Pause" }).click();
    await expect(panel2.getByText(/^Paused ·/)).toBeVisible();
    await panel2.getByRole("button", { name: "Resume" }).click();
    await expect(panel2.getByRole("button", { name: "Pause" })).toBeVisible();
    await expect(panel2.getByText(/^Paused ·/)).toHaveCount(0);

    // A new secret, shown once; the next delivery is signed with it only.
    await panel2.getByRole("button", { name: "Rotate secret" }).click();
    const rotated = await panel2.getByLabel("Signing secret").inputValue();
    expect(rotated).toMatch(/^whsec_[0-9a-f]{48}$/);
    expect(rotated).not.toBe(secret);
    secret = rotated;
    await panel2.getByRole("button", { name: "Send a test delivery" }).click();
    await expect
      .poll(() => received, { timeout: 10_000 })
      .toEqual([
        { event: "webhook.test", verified: true },
        { event: "webhook.test", verified: true },
      ]);

    // Its events edited: results.approved no longer taken.
    await panel2.getByText("Edit address and events").click();
    await panel2.getByRole("checkbox", { name: /Results approved/ }).uncheck();
    await panel2.getByRole("button", { name: "Save changes" }).click();
    await expect(panel2.getByText("Changes saved.")).toBeVisible();
    await page.reload();
    panel2 = page.getByRole("region", { name: url });
    await expect(
      panel2.getByText("results.submitted, results.returned, period.locked, project.figuresChanged"),
    ).toBeVisible();
    await page.getByRole("region", { name: url }).getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText("No webhooks yet.")).toBeVisible();
  } finally {
    await new Promise((done) => server.close(done));
  }
});
