// "As of D": figures at the end of calendar day D (UTC), rule 10 of docs/numbers.md. Read once where a
// request comes in (`?asOf=YYYY-MM-DD`, or today when none is given) and handed on as this value, so the
// figures, their cache keys and the links of one view all name the same day, even across midnight.
import { isCalendarDay, isoDay, startOfDay } from "./engine/days";

/** An `asOf` that is not a day written YYYY-MM-DD (or names no day, like 2021-02-30). */
export class InvalidAsOf extends Error {
  constructor(readonly text: string) {
    super(`asOf must be a calendar day written YYYY-MM-DD (UTC), not "${text}"`);
    this.name = "InvalidAsOf";
  }
}

export class AsOf {
  /** The day at midnight UTC (how date columns are stored). */
  readonly date: Date;

  private constructor(
    day: Date,
    /** Whether the reader named the day (`?asOf=`); false for the default, today. */
    readonly asked: boolean,
  ) {
    this.date = startOfDay(day);
  }

  /** Today (UTC): the default, taken once per request. */
  static today(now: Date = new Date()): AsOf {
    return new AsOf(now, false);
  }

  /** The calendar day of a date. */
  static of(date: Date): AsOf {
    return new AsOf(date, true);
  }

  /** `?asOf=` as given: absent or empty is today; anything but a day written YYYY-MM-DD throws InvalidAsOf. */
  static parse(text: string | null | undefined, now?: Date): AsOf {
    if (text === undefined || text === null || text === "") return AsOf.today(now);
    if (!isCalendarDay(text)) throw new InvalidAsOf(text);
    return new AsOf(new Date(`${text}T00:00:00Z`), true);
  }

  /** A page's `?asOf=` (text, repeated, or none): as `parse`, but null where it would throw. */
  static fromSearch(value: string | string[] | undefined, now?: Date): AsOf | null {
    if (Array.isArray(value)) return null;
    try {
      return AsOf.parse(value, now);
    } catch (error) {
      if (error instanceof InvalidAsOf) return null;
      throw error;
    }
  }

  /** YYYY-MM-DD: the day in cache keys, ETags and file names. */
  toKey(): string {
    return isoDay(this.date);
  }

  /** What a link adds to keep the day asked (`?asOf=YYYY-MM-DD`); nothing for the default, today. */
  toSearch(): string {
    return this.asked ? `?asOf=${this.toKey()}` : "";
  }

  toString(): string {
    return this.toKey();
  }
}
