import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { logInAs } from "./fixtures";

test("a user creates an API token, another system uses it, and revoking it locks that system out", async ({
  page,
  playwright,
  baseURL,
}) => {
  await logInAs(page, "manager@example.org");
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await page.waitForURL(/\/projects\/[^/?]+$/);
  const projectId = new URL(page.url()).pathname.split("/").pop();

  await page.getByRole("link", { name: "API tokens" }).click();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Reporting integration");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("New API token").inputValue();
  expect(token).toMatch(/^med_/);

  // Another system, with no cookies: only the bearer token.
  const system = await playwright.request.newContext({ baseURL });
  const headers = { authorization: `Bearer ${token}` };
  const ok = await system.get(`/api/v1/projects/${projectId}/summary`, { headers });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).project.code).toBe("PE-VEN-2021");
  expect((await system.get(`/api/v1/projects/${projectId}/summary`)).status()).toBe(401);

  await page.reload();
  const row = page.locator('tr[data-token="Reporting integration"]');
  await expect(row.locator("td").nth(2)).not.toHaveText("–"); // last used
  await row.getByRole("button", { name: "Revoke Reporting integration" }).click();
  await expect(row.locator('[data-col="state"]')).toHaveText("Revoked");
  const refused = await system.get(`/api/v1/projects/${projectId}/summary`, { headers });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
  await system.dispose();

  await page.getByRole("link", { name: "API documentation" }).click();
  await expect(
    page.getByRole("heading", { name: "GET /api/v1/projects/{projectId}/summary", exact: true }),
  ).toBeVisible();
});

test("a manager downloads the tracking table (XLSX and CSV), the IATI file and the PDF report from the project page", async ({
  page,
}) => {
  await logInAs(page, "manager@example.org");
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  const reports = page.getByRole("navigation", { name: "Reports" });
  const files: Record<string, Buffer> = {};
  for (const [label, name] of [
    ["Indicator tracking table (XLSX)", "PE-VEN-2021-tracking-table.xlsx"],
    ["Indicator tracking table (CSV)", "PE-VEN-2021-tracking-table.csv"],
    ["IATI 2.03 XML", "PE-VEN-2021-iati-activity.xml"],
    ["Donor report (PDF, approved figures)", /^PE-VEN-2021-report-\d{4}-\d{2}-\d{2}\.pdf$/],
  ] as const) {
    const download = page.waitForEvent("download");
    await reports.getByRole("link", { name: label, exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(name);
    files[typeof name === "string" ? name : "report.pdf"] = readFileSync((await file.path()) ?? "");
  }
  expect(files["PE-VEN-2021-tracking-table.xlsx"]?.subarray(0, 2).toString()).toBe("PK");
  expect(files["PE-VEN-2021-tracking-table.csv"]?.toString()).toContain(",OP1.1.1,");
  expect(files["PE-VEN-2021-iati-activity.xml"]?.toString()).toContain('<iati-activities version="2.03"');
  expect(files["report.pdf"]?.subarray(0, 5).toString()).toBe("%PDF-");
});
