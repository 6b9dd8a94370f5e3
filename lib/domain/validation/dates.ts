// Calendar days as typed or sent (YYYY-MM-DD): one check that the day exists, so "2021-02-30" or
// "2021-13-01" are refused instead of becoming another day, and one reading as a date at midnight UTC
// (how date columns are stored; rule 10 of docs/numbers.md reads each as the whole day).
import { z } from "zod";
import { isCalendarDay } from "@/lib/domain/engine/days";

// Whether a text names a day lives with the other calendar-day rules (no zod there, for browser bundles).
export { isCalendarDay };

/** A day as text, checked (the zod message is the translatable code "date"). */
export const calendarDayText = z.string().refine(isCalendarDay, "date");

/** A day as text, read as a Date at midnight UTC. */
export const calendarDay = calendarDayText.transform((v) => new Date(`${v}T00:00:00Z`));
