import { expect, test } from "vitest";
import { ForbiddenError } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { locationId, principalFor, projectId } from "@/lib/testing/principals";
import { reviewResults, saveResults } from "./entry";
import { reviewQueue } from "./review-queue";

test("each value waiting for review comes with its target, the previous approved value, the change, who and earlier returns", async () => {
  const [manager, evaluator, viewer] = await Promise.all([
    principalFor("manager@example.org"),
    principalFor("evaluator@example.org"),
    principalFor("viewer@example.org"),
  ]);
  const peru = await projectId("PE-VEN-2021");
  await expect(reviewQueue(viewer, peru)).rejects.toBeInstanceOf(ForbiddenError);
  const networks = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.2" } });
  const periods = await db().reportingPeriod.findMany({ where: { projectId: peru }, orderBy: { startDate: "asc" } });
  const later = await db().reportingPeriod.create({
    data: { projectId: peru, label: "queue-test", startDate: new Date("2034-01-01"), endDate: new Date("2034-03-31") },
  });
  const last = periods.at(-1);
  const tumbes = await locationId("PE-TUM");
  const previousCell = { indicatorId: networks.id, periodId: last?.id ?? "", locationId: tumbes, optionId: null };
  await db().result.deleteMany({ where: previousCell });
  const approvedBefore = await db().result.create({ data: { ...previousCell, value: 5, status: "APPROVED" } });
  const at = { indicatorId: networks.id, periodId: later.id, locationId: tumbes };
  const [first] = await saveResults(evaluator, peru, [{ ...at, value: 9 }], true);
  await reviewResults(manager, peru, [
    { resultId: first?.id ?? "", version: first?.version ?? 0, decision: "return", comment: "Count again" },
  ]);
  await saveResults(evaluator, peru, [{ ...at, value: 7, version: (first?.version ?? 0) + 1 }], true);

  const queue = await reviewQueue(manager, peru, { time: later.id });
  expect(queue.items).toHaveLength(1);
  const [item] = queue.items;
  expect(item).toMatchObject({ figure: 7, updatedBy: { name: expect.any(String) } });
  expect(item?.earlierReturns.map((e) => e.comment)).toEqual(["Count again"]);
  // "queue-test" follows the project's last period: the value approved there is the previous one.
  expect(item?.previous).toBe(approvedBefore.value);
  expect(item?.change).toBe(2);
  expect(queue.choices.times.map((t) => t.id)).toContain(later.id);
  expect((await reviewQueue(manager, peru, { time: later.id, submitter: "nobody" })).items).toHaveLength(0);
});
