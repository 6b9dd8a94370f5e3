import { expect, test } from "vitest";
import { db } from "@/lib/platform/db";
import { principalFor, projectId } from "@/lib/testing/principals";
import { entrySheet } from "./entry-sheet";

test("entry opens where work is waiting: returned values first, then the first open period without values", async () => {
  const evaluator = await principalFor("evaluator@example.org");
  const peru = await projectId("PE-VEN-2021");
  const periods = await db().reportingPeriod.findMany({ where: { projectId: peru }, orderBy: { startDate: "asc" } });
  const empty = await db().reportingPeriod.create({
    data: { projectId: peru, label: "2031-Q1", startDate: new Date("2031-01-01"), endDate: new Date("2031-03-31") },
  });
  const first = await entrySheet(evaluator, peru);
  expect(first.time?.label).toBe("2031-Q1");
  // Completeness: one total per routine indicator and working place is expected in each period.
  const routine = first.indicators.length;
  const fresh = first.times.find((x) => x.label === "2031-Q1");
  expect(fresh).toMatchObject({ entered: 0, expected: routine * first.locations.length });
  const q4 = first.times.find((x) => x.label === "2021-Q4");
  expect(q4?.entered).toBeGreaterThan(0);
  expect(q4?.entered).toBeLessThanOrEqual(q4?.expected ?? 0);

  const q3 = periods.find((p) => p.label === "2021-Q3");
  const value = await db().result.findFirstOrThrow({ where: { periodId: q3?.id } });
  await db().result.update({ where: { id: value.id }, data: { status: "RETURNED", reviewComment: "Check" } });
  const sheet = await entrySheet(evaluator, peru);
  expect(sheet.time?.label).toBe("2021-Q3");
  // The period before it, to start from.
  expect(sheet.previous?.label).toBe("2021-Q2");
  expect(sheet.previous?.values.length).toBeGreaterThan(0);
  // Asked for by name, a period opens whatever waits elsewhere.
  expect((await entrySheet(evaluator, peru, empty.id)).time?.label).toBe("2031-Q1");
});
