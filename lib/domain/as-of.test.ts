import { describe, expect, test } from "vitest";
import { AsOf, InvalidAsOf } from "./as-of";

describe("AsOf", () => {
  test("a day written YYYY-MM-DD is that day at midnight UTC, asked for", () => {
    const day = AsOf.parse("2021-06-30");
    expect(day.date.toISOString()).toBe("2021-06-30T00:00:00.000Z");
    expect(day.toKey()).toBe("2021-06-30");
    expect(day.asked).toBe(true);
    expect(day.toSearch()).toBe("?asOf=2021-06-30");
  });

  test("none given is today, taken once; links then carry no day", () => {
    const now = new Date("2026-12-07T23:59:59.999Z");
    for (const text of [undefined, null, ""]) {
      const today = AsOf.parse(text, now);
      expect(today.toKey()).toBe("2026-12-07");
      expect(today.asked).toBe(false);
      expect(today.toSearch()).toBe("");
    }
    expect(AsOf.today(now).date.toISOString()).toBe("2026-12-07T00:00:00.000Z");
  });

  test("anything else is refused with the text it was given", () => {
    for (const text of ["2021-02-30", "2021-13-01", "30/06/2021", "2021-6-30", "yesterday"]) {
      expect(() => AsOf.parse(text)).toThrow(InvalidAsOf);
      expect(() => AsOf.parse(text)).toThrow(`not "${text}"`);
      expect(AsOf.fromSearch(text)).toBeNull();
    }
    expect(AsOf.fromSearch(["2021-06-30", "2021-07-01"])).toBeNull();
    expect(AsOf.fromSearch("2021-06-30")?.toKey()).toBe("2021-06-30");
  });

  test("a date's calendar day, whatever its time", () => {
    expect(AsOf.of(new Date("2021-06-30T18:45:00Z")).toKey()).toBe("2021-06-30");
  });
});
