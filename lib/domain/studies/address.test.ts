import { describe, expect, test } from "vitest";
import { SHOWN_MAX, searchOfAddress, shownOf } from "./address";

describe("how many studies a library page lists", () => {
  test("`shown` is a step of 50, at least 50 and at most 500; anything else is 50", () => {
    expect(shownOf(undefined)).toBe(50);
    expect(shownOf("100")).toBe(100);
    expect(shownOf("120")).toBe(150);
    expect(shownOf("0")).toBe(50);
    expect(shownOf("9999")).toBe(SHOWN_MAX);
    for (const bad of ["-50", "1e3", "abc", "", "50.5"]) expect(shownOf(bad), bad).toBe(50);
    expect(shownOf(["100", "200"])).toBe(50);
  });

  test("'Show more' keeps the filters and words and raises `shown` by 50, until the cap", () => {
    const first = searchOfAddress({ q: "agua", type: "baseline" });
    expect(first.shown).toBe(50);
    expect(new URLSearchParams(first.more?.slice(1)).get("shown")).toBe("100");
    expect(first.more).toBe("?q=agua&type=baseline&shown=100");
    const second = searchOfAddress({ q: "agua", shown: "100" });
    expect(second.more).toBe("?q=agua&shown=150");
    // The downloads list the same studies whatever the page shows.
    expect(second.query).toBe("q=agua");
    const last = searchOfAddress({ shown: "500" });
    expect(last.shown).toBe(500);
    expect(last.more).toBeNull();
    // A filter the page does not offer is not carried on.
    expect(searchOfAddress({ q: "x", country: "PE" }, ["q"]).more).toBe("?q=x&shown=100");
  });
});
