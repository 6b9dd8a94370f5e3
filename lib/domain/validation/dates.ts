// Calendar days as typed or sent (YYYY-MM-DD): one check that the day exists, so "2021-02-30" or
// "2021-13-01" are refused instead of becoming another day, and one reading as a date at midnight UTC
// (how date columns are stored; rule 10 of docs/numbers.md reads each as the whole day).
import { z } from "zod";

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is YYYY-MM-DD naming a day that exists, in the years 1000 to 9999. */
export function isCalendarDay(text: string): boolean {
  const match = pattern.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (year < 1000) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A day as text, checked (the zod message is the translatable code "date"). */
export const calendarDayText = z.string().refine(isCalendarDay, "date");

/** A day as text, read as a Date at midnight UTC. */
export const calendarDay = calendarDayText.transform((v) => new Date(`${v}T00:00:00Z`));
