import { expect, test } from "vitest";
import { calendarDay, isCalendarDay } from "./dates";

test("only days that exist are days", () => {
  for (const ok of ["2021-01-31", "2024-02-29", "1999-12-31"]) expect(isCalendarDay(ok)).toBe(true);
  for (const bad of ["2021-13-01", "0000-01-01", "2021-02-30", "2023-02-29", "2030-02-31", "2021-1-1", "2021-00-10"]) {
    expect(isCalendarDay(bad)).toBe(false);
  }
});

test("a day reads as midnight UTC of that day", () => {
  expect(calendarDay.parse("2024-02-29").toISOString()).toBe("2024-02-29T00:00:00.000Z");
  expect(calendarDay.safeParse("2021-02-30").success).toBe(false);
});
