import { expect, test } from "vitest";
import { loggablePath, requestIdOf } from "./log";

test("tokens never reach a log line", () => {
  expect(loggablePath("/api/v1/shared/s_abcDEF123/summary")).toBe("/api/v1/shared/[token]/summary");
  expect(loggablePath("/s/s_abcDEF123")).toBe("/s/[token]");
  expect(loggablePath("/invite/xyz")).toBe("/invite/[token]");
  expect(loggablePath("/reset/r_abc123")).toBe("/reset/[token]");
  expect(loggablePath("/api/v1/connections/c1/kobo-submissions/k_secret9")).toBe(
    "/api/v1/connections/c1/kobo-submissions/[secret]",
  );
  expect(loggablePath("/api/v1/connections/c1/kobo-submissions")).toBe("/api/v1/connections/c1/kobo-submissions");
  expect(loggablePath("/api/v1/projects/p1/summary")).toBe("/api/v1/projects/p1/summary");
});

test("a proxy's request id is kept when it is a plain one; otherwise a new one is made", () => {
  const withId = (id: string) => new Request("http://x/", { headers: { "x-request-id": id } });
  expect(requestIdOf(withId("req-12345678"))).toBe("req-12345678");
  expect(requestIdOf(withId("<script>"))).toMatch(/^[0-9a-f-]{36}$/);
  expect(requestIdOf(new Request("http://x/"))).toMatch(/^[0-9a-f-]{36}$/);
});
