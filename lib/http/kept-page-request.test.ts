import { describe, expect, it } from "vitest";
import { isKeepableDonorPageRequest, keptDonorPageRewrite } from "./kept-page-request";

const browser = (extra: Record<string, string> = {}) => new Headers({ accept: "text/html", ...extra });

describe("which donor page requests are answered from the kept page", () => {
  it("a browser opening the page, with no query or a day", () => {
    expect(isKeepableDonorPageRequest("GET", browser(), "")).toBe(true);
    expect(isKeepableDonorPageRequest("HEAD", browser(), "?asOf=2021-06-30")).toBe(true);
    expect(isKeepableDonorPageRequest("GET", browser({ cookie: "NEXT_LOCALE=es" }), "")).toBe(true);
  });

  it("not other methods or other queries", () => {
    expect(isKeepableDonorPageRequest("POST", browser(), "")).toBe(false);
    expect(isKeepableDonorPageRequest("GET", browser(), "?asOf=2021-06-30&x=1")).toBe(false);
    expect(isKeepableDonorPageRequest("GET", browser(), "?asOf=yesterday")).toBe(false);
  });

  it("not for someone signed in, who sees what they just changed", () => {
    for (const cookie of [
      "next-auth.session-token=abc",
      "NEXT_LOCALE=en; __Secure-next-auth.session-token=abc",
      "a=b;next-auth.session-token.0=abc",
    ]) {
      expect(isKeepableDonorPageRequest("GET", browser({ cookie }), ""), cookie).toBe(false);
    }
    expect(isKeepableDonorPageRequest("GET", browser({ cookie: "my-next-auth.session-token-x=1" }), "")).toBe(true);
  });

  it("is rewritten only when the proxy marked it and it is not one of Next.js's own requests", () => {
    expect(keptDonorPageRewrite.has).toEqual([{ type: "header", key: "x-kept-page" }]);
    expect(keptDonorPageRewrite.missing.map((m) => m.key)).toEqual(["rsc", "next-router-prefetch", "_rsc"]);
  });
});
