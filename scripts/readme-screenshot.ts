// Takes the README's screenshots from a running app (default http://localhost:3000): docs/dashboard.png
// (a project dashboard) and docs/library.png (the evaluations library, /studies):
//   npm run demo   (in another terminal), then   npx tsx scripts/readme-screenshot.ts [url] [dashboard|library]
import { chromium, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "@/e2e/browser";

const base = process.argv[2] ?? "http://localhost:3000";
const only = process.argv[3];
const browser = await chromium.launch(chromiumLaunchOptions);

async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: "en-US" });
  await page.goto(`${base}/login`);
  await page.getByLabel("E-mail").fill("manager@example.org");
  await page.getByLabel("Password").fill("demo-manager-pass");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/projects$/);
  return page;
}

if (!only || only === "dashboard") {
  const page = await signedIn({ width: 1280, height: 1900 });
  await page.getByRole("link", { name: /Roma women and girls/ }).click();
  const participants = page.locator('article[data-indicator="OC1.1"]');
  await participants.getByRole("button", { name: "Show charts" }).click();
  await participants.locator(".recharts-bar-rectangle").first().waitFor();
  await page.locator('article[data-indicator="G.1"]').getByRole("button", { name: "Hide charts" }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: "docs/dashboard.png", clip: { x: 0, y: 0, width: 1280, height: 1900 } });
  console.log("Wrote docs/dashboard.png");
}

if (!only || only === "library") {
  // A search in Spanish over the demo's studies: stems and accents ignored, the words found highlighted.
  const page = await signedIn({ width: 1280, height: 1250 });
  await page.goto(`${base}/studies?q=${encodeURIComponent("migrantes")}`);
  await page.locator(".study-list li").first().waitFor();
  await page.screenshot({ path: "docs/library.png", clip: { x: 0, y: 0, width: 1280, height: 1250 } });
  console.log("Wrote docs/library.png");
}
await browser.close();
