import { expect, test } from "@playwright/test";

test("a method an API route does not answer gets 405 with Allow and a problem body", async ({ request }) => {
  const response = await request.put("/api/v1/projects/any/summary");
  expect(response.status()).toBe(405);
  expect(response.headers().allow).toBe("GET, HEAD");
  expect(response.headers()["content-type"]).toBe("application/problem+json");
  expect(await response.json()).toMatchObject({ code: "methodNotAllowed" });
  // The methods it does answer are untouched: without credentials, a 401 problem.
  expect((await request.get("/api/v1/projects/any/summary")).status()).toBe(401);
});
