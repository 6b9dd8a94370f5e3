import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { afterEach, expect, test } from "vitest";
import { reloadEnv } from "@/lib/platform/env";
import { config } from "@/proxy";
import { foreignAction, oversizedBody } from "./proxy-refusals";

afterEach(() => {
  delete process.env.APP_URL;
  reloadEnv();
});

test("the proxy runs on every API route (its 405s and 413s) and on pages (server actions)", () => {
  for (const url of [
    "/api/health",
    "/api/ready",
    "/api/auth/session",
    "/api/v1/projects/import",
    "/projects/p1/settings",
  ])
    expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(true);
  expect(unstable_doesMiddlewareMatch({ config, url: "/_next/static/chunks/app.js" })).toBe(false);
});

const action = (headers: Record<string, string>) =>
  new Headers({
    "next-action": "7f00",
    "content-type": "text/plain;charset=UTF-8",
    host: "localhost:3000",
    ...headers,
  });

test("a server action from another site gets a 403 problem; from the app's own host, or APP_URL's, it goes on", async () => {
  const refused = foreignAction("POST", action({ origin: "https://evil.example" }));
  expect(refused?.status).toBe(403);
  expect(refused?.headers.get("content-type")).toBe("application/problem+json");
  expect(await refused?.json()).toMatchObject({ code: "forbidden", status: 403 });
  expect(foreignAction("POST", action({ origin: "null" }))?.status).toBe(403);
  // A form posted from another site, without Next's header, is refused alike.
  const form = new Headers({
    "content-type": "multipart/form-data; boundary=x",
    host: "localhost:3000",
    origin: "https://evil.example",
  });
  expect(foreignAction("POST", form)?.status).toBe(403);

  expect(foreignAction("POST", action({ origin: "http://localhost:3000" }))).toBeNull();
  expect(
    foreignAction("POST", action({ origin: "https://me.example.org", "x-forwarded-host": "me.example.org" })),
  ).toBeNull();
  expect(foreignAction("POST", action({}))).toBeNull(); // no Origin: not a browser's cross-site call
  expect(foreignAction("GET", action({ origin: "https://evil.example" }))).toBeNull();
  // Behind a proxy that sends its own Host, the public address is the app's own.
  process.env.APP_URL = "https://me.example.org";
  reloadEnv();
  expect(foreignAction("POST", action({ origin: "https://me.example.org", host: "app:3000" }))).toBeNull();
  expect(foreignAction("POST", action({ origin: "https://evil.example", host: "app:3000" }))?.status).toBe(403);
});

test("a body declared past the limit of where it goes gets a 413 problem, before it is read", async () => {
  const MB = 1024 * 1024;
  const sized = (bytes: number) => new Headers({ "content-length": String(bytes) });
  // A 12 MB GeoJSON goes through: the action limit holds the largest form's files.
  expect(oversizedBody("/projects/p1/settings", "POST", sized(12 * MB))).toBeNull();
  expect(oversizedBody("/projects/p1/settings", "POST", sized(500 * MB))?.status).toBe(413);
  expect(oversizedBody("/api/v1/projects/p1/results/upload", "POST", sized(90 * MB))).toBeNull();
  const upload = oversizedBody("/api/v1/projects/p1/results/upload", "POST", sized(101 * MB));
  expect(upload?.status).toBe(413);
  expect(await upload?.json()).toMatchObject({
    code: "payloadTooLarge",
    errors: [{ field: "body", message: "tooLarge" }],
  });
  expect(oversizedBody("/api/v1/projects/p1/evidence", "POST", sized(11 * MB))?.status).toBe(413);
  expect(oversizedBody("/api/v1/projects", "POST", sized(26 * MB))?.status).toBe(413);
  expect(oversizedBody("/api/v1/projects", "POST", new Headers())).toBeNull(); // streamed: counted by the route
});
