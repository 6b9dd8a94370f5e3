// Reporting periods made from a project's dates and reporting frequency, labelled the way M&E officers
// name them: "2021-03" (monthly), "2021-Q1", "2020-H2", "2012".
export type Frequency = "MONTHLY" | "QUARTERLY" | "SEMIANNUAL" | "ANNUAL";

export const monthsPer: Record<Frequency, 1 | 3 | 6 | 12> = { MONTHLY: 1, QUARTERLY: 3, SEMIANNUAL: 6, ANNUAL: 12 };

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The calendar period of `months` length that starts at the given month (months since year 0). */
export function periodAt(year: number, month: number, months: 1 | 3 | 6 | 12) {
  const start = new Date(Date.UTC(year, month, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 0));
  const y = start.getUTCFullYear();
  const index = Math.floor(start.getUTCMonth() / months) + 1;
  const label =
    months === 12
      ? `${y}`
      : months === 6
        ? `${y}-H${index}`
        : months === 3
          ? `${y}-Q${index}`
          : `${y}-${String(index).padStart(2, "0")}`;
  return { label, startDate: iso(start), endDate: iso(end) };
}

/** Calendar-aligned periods covering the project's dates (the first and last may be partly outside). */
export function periodsBetween(startDate: string, endDate: string, frequency: Frequency) {
  const months = monthsPer[frequency];
  const start = new Date(`${startDate}T00:00:00Z`);
  const end = new Date(`${endDate}T00:00:00Z`);
  if (!(start <= end)) return [];
  const first = Math.floor(start.getUTCMonth() / months) * months;
  const periods: ReturnType<typeof periodAt>[] = [];
  // Capped so a mistyped year cannot make thousands of periods.
  for (let i = 0; periods.length < 240; i++) {
    const period = periodAt(start.getUTCFullYear(), first + i * months, months);
    if (period.startDate > endDate) break;
    periods.push(period);
  }
  return periods;
}
