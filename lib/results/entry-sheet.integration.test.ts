import { expect, test } from "vitest";
import { db } from "@/lib/db";
import { principalFor, projectId } from "@/lib/testing/principals";
import { entrySheet } from "./entry-sheet";

test("entry opens where work is waiting: returned values first, then the first open period without values", async () => {
  const evaluator = await principalFor("evaluator@example.org");
  const peru = await projectId("PE-VEN-2021");
  const periods = await db().reportingPeriod.findMany({ where: { projectId: peru }, orderBy: { startDate: "asc" } });
  const empty = await db().reportingPeriod.create({
    data: { projectId: peru, label: "2031-Q1", startDate: new Date("2031-01-01"), endDate: new Date("2031-03-31") },
  });
  expect((await entrySheet(evaluator, peru)).time?.label).toBe("2031-Q1");

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
