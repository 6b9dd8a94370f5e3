// Takes docs/dashboard.png for the README from a running app (default http://localhost:3000):
//   npm run demo   (in another terminal), then   npx tsx scripts/readme-screenshot.ts
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "@/e2e/browser";

const base = process.argv[2] ?? "http://localhost:3000";
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage({ viewport: { width: 1280, height: 1900 }, locale: "en-US" });
await page.goto(`${base}/login`);
await page.getByLabel("E-mail").fill("manager@example.org");
await page.getByLabel("Password").fill("demo-manager-pass");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(/\/projects$/);
await page.getByRole("link", { name: /Roma women and girls/ }).click();
const participants = page.locator('article[data-indicator="OC1.1"]');
await participants.getByRole("button", { name: "Show charts" }).click();
await participants.locator(".recharts-bar-rectangle").first().waitFor();
await page.locator('article[data-indicator="G.1"]').getByRole("button", { name: "Hide charts" }).click();
await page.waitForTimeout(500);
await page.screenshot({ path: "docs/dashboard.png", clip: { x: 0, y: 0, width: 1280, height: 1900 } });
await browser.close();
console.log("Wrote docs/dashboard.png");
