// Two app instances on one PostgreSQL database (ports 3101 and 3102, see playwright.config.ts), as a
// deployment behind a load balancer runs them: a session from one works on the other, a change made
// through one is in the next figures of the other (no stale cache), and sign-in limits are shared.
import { expect, type Page, test } from "@playwright/test";
import { logIn, logInAs } from "./fixtures";

const first = "http://localhost:3101";
const second = "http://localhost:3102";

type Summary = {
  project: { id: string };
  locations: { id: string; isoCode: string | null }[];
  times: { id: string; kind: string; endDate: string }[];
  indicators: { indicator: { id: string; code: string }; overall: { actual: number | null } }[];
};

async function summaryOn(page: Page, base: string, projectId: string): Promise<Summary> {
  const response = await page.request.get(`${base}/api/v1/projects/${projectId}/summary?asOf=2030-01-01`);
  expect(response.status()).toBe(200);
  return response.json();
}

test("a session, the figures and the sign-in limits are the same on both instances", async ({ page, browser }) => {
  // Ten refused sign-ins, each checked against a password hash: slow on a loaded 2-core machine.
  test.setTimeout(90_000);
  await logInAs(page, "manager@example.org");
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await expect(page).toHaveURL(/\/projects\/[^/?]+$/); // the project's access is checked before the page opens
  const projectId = page.url().split("/projects/")[1]?.split(/[/?]/)[0] ?? "";

  // The session cookie signed by the first instance is accepted by the second.
  await page.goto(`${second}/projects`);
  await expect(page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ })).toBeVisible();

  // The second instance computes (and caches) the figures; a change made through the first is seen.
  const before = await summaryOn(page, second, projectId);
  const legal = before.indicators.find((i) => i.indicator.code === "OP1.1.1");
  const peru = before.locations.find((l) => l.isoCode === "PE");
  let saved: { id: string; version: number } | undefined;
  for (const period of before.times.filter((t) => t.kind === "period").reverse()) {
    const response = await page.request.post(`${first}/api/v1/projects/${projectId}/results`, {
      data: {
        items: [{ indicatorId: legal?.indicator.id, periodId: period.id, locationId: peru?.id, value: 40 }],
        submit: true,
      },
    });
    if (response.ok()) {
      saved = (await response.json()).results[0];
      break;
    }
  }
  expect(saved).toBeDefined();
  expect(
    (await summaryOn(page, second, projectId)).indicators.find((i) => i.indicator.code === "OP1.1.1")?.overall,
  ).toEqual(legal?.overall); // submitted, not yet approved
  const review = await page.request.post(`${first}/api/v1/projects/${projectId}/results/review`, {
    data: { decisions: [{ resultId: saved?.id, version: saved?.version, decision: "approve" }] },
  });
  expect(review.ok()).toBe(true);
  const after = await summaryOn(page, second, projectId);
  expect(after.indicators.find((i) => i.indicator.code === "OP1.1.1")?.overall.actual).toBe(
    (legal?.overall.actual ?? 0) + 40,
  );

  // Wrong passwords tried from this client on the first instance hold its new browsers back from the
  // account on the second as well (lib/platform/auth/sign-in-limit.ts; browsers signed in before are not).
  const guesser = await (await browser.newContext({ baseURL: first })).newPage();
  for (let i = 0; i < 10; i++) {
    await logIn(guesser, "viewer@example.org", `not the password ${i}`);
    await expect(guesser.locator("p[role=alert]")).toContainText(/not correct|Too many/);
  }
  const elsewhere = await (await browser.newContext({ baseURL: second })).newPage();
  await logIn(elsewhere, "viewer@example.org");
  await expect(elsewhere.locator("p[role=alert]")).toContainText("Too many sign-in attempts");
});
