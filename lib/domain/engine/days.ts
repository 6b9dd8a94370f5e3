// Rule 10 of docs/numbers.md: days are whole and inclusive. Dates are calendar days (UTC): "as of D"
// means at the end of day D; a period, round or project runs through the end of its end date, so it
// has started once D >= its start date and ended once D >= its end date.

const msPerDay = 86_400_000;

/** The calendar day of a date, as a whole number of days since 1970-01-01 (UTC). */
export function dayNumber(date: Date): number {
  return Math.floor(date.getTime() / msPerDay);
}

/** The calendar day of a date, as a Date at midnight UTC (how date columns are stored). */
export function startOfDay(date: Date): Date {
  return new Date(dayNumber(date) * msPerDay);
}

/** YYYY-MM-DD of a calendar day. */
export function isoDay(date: Date): string {
  return startOfDay(date).toISOString().slice(0, 10);
}

/** Whether something starting on `start` has begun by the end of day `asOf`. */
export function hasStarted(start: Date, asOf: Date): boolean {
  return dayNumber(start) <= dayNumber(asOf);
}

/** Whether something ending on `end` has ended by the end of day `asOf` (it runs through its end date). */
export function hasEnded(end: Date, asOf: Date): boolean {
  return dayNumber(end) <= dayNumber(asOf);
}

/** The earlier of two days. */
export function earlierDay(a: Date, b: Date): Date {
  return dayNumber(a) <= dayNumber(b) ? a : b;
}

/**
 * Share of a span elapsed by the end of day `asOf`, from 0 to 1: the days from the start through
 * `asOf`, both included, over the days of the span, both included.
 */
export function elapsedShare(start: Date, end: Date, asOf: Date): number {
  const days = dayNumber(end) - dayNumber(start) + 1;
  if (days <= 0) return hasEnded(end, asOf) ? 1 : 0;
  return Math.min(1, Math.max(0, (dayNumber(asOf) - dayNumber(start) + 1) / days));
}

const calendarDayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is YYYY-MM-DD naming a day that exists, in the years 1000 to 9999. */
export function isCalendarDay(text: string): boolean {
  const match = calendarDayPattern.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (year < 1000) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
