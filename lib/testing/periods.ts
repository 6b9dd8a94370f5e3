import { db } from "@/lib/platform/db";

/** One-day reporting periods named `labels`, from `first` on, for tests that need many fresh cells. */
export async function addDailyPeriods(projectId: string, labels: string[], first: number) {
  await db().reportingPeriod.createMany({
    data: labels.map((label, i) => ({
      projectId,
      label,
      startDate: new Date(first + i * 86_400_000),
      endDate: new Date(first + i * 86_400_000),
    })),
  });
}
