import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { logInAs } from "./fixtures";

// Files between 10 and 20 MB go through the forms' server actions: past Next.js's default 10 MB proxy
// buffer they used to arrive cut short and the action answered 500. The limits are the settings'
// (lib/platform/upload-limits.ts): MAX_BOUNDARY_BYTES 15 MB for outlines, MAX_FORM_FILE_BYTES 20 MB for a survey export.
const MB = 1024 * 1024;
const dir = mkdtempSync(path.join(tmpdir(), "e2e-upload-limits-"));

/** A GeoJSON file of about `bytes` bytes: one point of no project's place, its size in a property. */
function geoJson(name: string, bytes: number) {
  const at = path.join(dir, name);
  const feature = {
    type: "Feature",
    properties: { name: "Atlantis", note: "x".repeat(bytes) },
    geometry: { type: "Point", coordinates: [-30, 10] },
  };
  writeFileSync(at, JSON.stringify({ type: "FeatureCollection", features: [feature] }));
  return at;
}

async function openPeru(page: Page, email: string) {
  await logInAs(page, email);
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  return page.url();
}

test("a 12 MB GeoJSON reaches the boundaries form's action; past its 15 MB cap the form names the file; another site's call is refused 403", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const settings = `${await openPeru(page, "manager@example.org")}/settings`;
  await page.goto(settings);
  const form = page.getByRole("form", { name: "Map outlines" });

  const called = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await form.getByLabel("GeoJSON file").setInputFiles(geoJson("twelve.geojson", 12 * MB));
  await form.getByRole("button", { name: "Import outlines" }).click();
  // Read whole and matched: its one feature is none of the project's places.
  await expect(form.getByRole("status")).toHaveText(/None of the file's features is one of the project's places/, {
    timeout: 60_000,
  });
  const actionId = (await called).headers()["next-action"] ?? "";
  expect(actionId).not.toBe("");

  await form.getByLabel("GeoJSON file").setInputFiles(geoJson("sixteen.geojson", 16 * MB));
  await form.getByRole("button", { name: "Import outlines" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "GeoJSON file: this file is larger than 15 MB. Simplify it first (for example with mapshaper).",
    { timeout: 60_000 },
  );

  // The same action called from another site's page, with the manager's cookie: refused, not a 500.
  const foreign = await page.request.post(settings, {
    headers: { "next-action": actionId, origin: "https://evil.example", "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
  });
  expect(foreign.status()).toBe(403);
  expect(foreign.headers()["content-type"]).toBe("application/problem+json");
  expect(await foreign.json()).toMatchObject({ code: "forbidden", status: 403 });
});

test("a 19 MB CSV survey export is read by the survey import form", async ({ page }) => {
  test.setTimeout(120_000);
  const rows = 19_000;
  const note = "n".repeat(1_040);
  const lines = ["_id,region,note", ...Array.from({ length: rows }, (_, i) => `${i + 1},PE-LIM,${note}`)];
  const at = path.join(dir, "survey-19mb.csv");
  writeFileSync(at, `${lines.join("\n")}\n`);
  expect(lines.join("\n").length).toBeGreaterThan(19 * MB);

  await page.goto(`${await openPeru(page, "evaluator@example.org")}/import/survey`);
  const form = page.getByRole("form", { name: "Compute indicators from a survey export" });
  await form.getByLabel("Survey export (XLSX or CSV)").setInputFiles(at);
  await expect(form.getByTestId("survey-file-summary")).toHaveText("19,000 submissions.", { timeout: 60_000 });
});
