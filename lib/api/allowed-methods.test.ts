import { expect, test } from "vitest";
import { allowedMethods, methodNotAllowed } from "./allowed-methods";

test("each API path names the methods it answers; others get a 405 problem with Allow", async () => {
  expect(allowedMethods("/api/v1/projects/p1/summary")).toEqual(["GET", "HEAD"]);
  expect(allowedMethods("/api/v1/projects/p1/members/u1")).toEqual(["DELETE", "PATCH"]);
  expect(allowedMethods("/somewhere/else")).toBeNull();
  expect(methodNotAllowed("/api/v1/projects/p1/summary", "GET")).toBeNull();
  const refused = methodNotAllowed("/api/v1/projects/p1/summary", "PUT");
  expect(refused?.status).toBe(405);
  expect(refused?.headers.get("allow")).toBe("GET, HEAD");
  expect(refused?.headers.get("content-type")).toBe("application/problem+json");
  expect(await refused?.json()).toMatchObject({ code: "methodNotAllowed", status: 405 });
});
