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

test("every API route answers a method it does not take with a 405 problem: static paths beside {projectId}, and outside /api/v1", async ({
  request,
}) => {
  for (const [method, url, allow] of [
    ["GET", "/api/v1/projects/import", "POST"],
    ["PATCH", "/api/v1/projects/import", "POST"],
    ["PATCH", "/api/v1/projects/logframe-template.xlsx", "GET, HEAD"],
    ["PATCH", "/api/v1/projects/logframe-template.csv", "GET, HEAD"],
    ["POST", "/api/health", "GET, HEAD"],
    ["DELETE", "/api/auth/session", "GET, HEAD, POST"],
  ] as const) {
    const response = await request.fetch(url, { method });
    expect(response.status(), `${method} ${url}`).toBe(405);
    expect(response.headers().allow, `${method} ${url}`).toBe(allow);
    expect(response.headers()["content-type"]).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ code: "methodNotAllowed", status: 405 });
  }
});

test("a body declared past the limit of where it goes is refused with a 413 problem before it is read", async ({
  request,
}) => {
  // An evidence file past MAX_EVIDENCE_BYTES (10 MB).
  const response = await request.post("/api/v1/projects/any/evidence?name=big.pdf", {
    headers: { "content-type": "application/octet-stream" },
    data: Buffer.alloc(11 * 1024 * 1024),
  });
  expect(response.status()).toBe(413);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
  expect(await response.json()).toMatchObject({
    code: "payloadTooLarge",
    errors: [{ field: "body", message: "tooLarge" }],
  });
});
