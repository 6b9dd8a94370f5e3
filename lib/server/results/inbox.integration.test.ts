import { expect, test } from "vitest";
import { db } from "@/lib/platform/db";
import { locationId, principalFor, projectId } from "@/lib/testing/principals";
import { reviewResults, saveResults } from "./entry";
import { inbox, inboxCount } from "./inbox";

test("values returned to an evaluator and values waiting for a manager's review, by project and period", async () => {
  const [manager, evaluator, viewer, admin] = await Promise.all([
    principalFor("manager@example.org"),
    principalFor("evaluator@example.org"),
    principalFor("viewer@example.org"),
    principalFor("admin@example.org"),
  ]);
  const peru = await projectId("PE-VEN-2021");
  const period = await db().reportingPeriod.create({
    data: { projectId: peru, label: "inbox-test", startDate: new Date("2035-01-01"), endDate: new Date("2035-03-31") },
  });
  const networks = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.2" } });
  const at = { indicatorId: networks.id, periodId: period.id };
  const saved = await saveResults(
    evaluator,
    peru,
    [
      { ...at, locationId: await locationId("PE-TUM"), value: 2 },
      { ...at, locationId: await locationId("PE-PIU"), value: 3 },
    ],
    true,
  );
  const waiting = (await inbox(manager)).find((i) => i.kind === "toReview" && i.timeId === period.id);
  expect(waiting).toMatchObject({ project: expect.stringContaining("Peru"), time: "inbox-test", count: 2 });
  expect(await inbox(evaluator)).not.toContainEqual(expect.objectContaining({ kind: "toReview" }));

  await reviewResults(
    manager,
    peru,
    saved.map((r) => ({ resultId: r.id, version: r.version, decision: "return" as const, comment: "Check" })),
  );
  expect(await inbox(evaluator)).toContainEqual({
    kind: "returned",
    projectId: peru,
    project: expect.any(String),
    timeId: period.id,
    time: "inbox-test",
    count: 2,
  });
  expect(await inboxCount(evaluator)).toBeGreaterThanOrEqual(2);
  // Viewers have nothing to do; an admin who is in no team reviews nothing.
  expect(await inbox(viewer)).toEqual([]);
  expect(await inbox(admin)).toEqual([]);
});
