import { expect, test } from "@playwright/test";

// The public library is off by default (this server runs without PUBLIC_LIBRARY): every page is a 404.
test("the public library answers 404 while it is off", async ({ browser }) => {
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  for (const path of ["/library", "/library?q=evaluation", "/library/some-study", "/library/some-study/files/x"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await visitor.close();
});
