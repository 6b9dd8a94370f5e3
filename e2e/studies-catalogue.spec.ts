import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { logInAs } from "./fixtures";

test("a member downloads the library's catalogue as CSV with the page's filters", async ({ page }) => {
  await logInAs(page, "manager@example.org");
  await page.goto("/studies?type=rapid-gender-analysis");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download this list (CSV)" }).click();
  const csv = readFileSync((await (await download).path()) ?? "", "utf8").replace(/^\uFEFF/, "");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("id,type,title_en,title_es,languages,published,method,countries,visibility");
  expect(lines.slice(1)).toHaveLength(1);
  expect(lines[1]).toContain("rapid-gender-analysis");
  expect(lines[1]).toContain("Ciudad Juárez");
});
