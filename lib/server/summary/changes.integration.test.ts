import { expect, test } from "vitest";
import { db } from "@/lib/platform/db";
import { reviewResults } from "@/lib/server/results/entry";
import { principalFor, projectId } from "@/lib/testing/principals";
import { changesSinceLastReport } from "./changes";
import { projectSummary } from "./service";

test("what changed since the last report: values approved since the last period ended, with their effect", async () => {
  const peru = await projectId("PE-VEN-2021");
  const manager = await principalFor("manager@example.org");
  const donor = { kind: "share" as const, linkId: "x", projectId: peru };
  const figure = async () =>
    (await projectSummary(donor, peru))?.indicators.find((i) => i.indicator.code === "OP1.1.1")?.overall;

  // The demo's last quarter ended 2021-12-31; every value approved was approved before that.
  const quiet = await changesSinceLastReport(donor, peru);
  expect(quiet).toMatchObject({ periodLabel: "2021-Q4", changes: [] });
  expect(quiet?.since?.toISOString()).toBe("2022-01-01T00:00:00.000Z");

  // Two values submitted long ago, approved today: a change since the report, with its effect.
  const before = await figure();
  const submitted = await db().result.findMany({
    where: { indicator: { projectId: peru, code: "OP1.1.1" }, status: "SUBMITTED", optionId: null },
    include: { location: true, period: true },
    orderBy: { location: { name: "asc" } },
    take: 2,
  });
  expect(submitted).toHaveLength(2);
  await reviewResults(
    manager,
    peru,
    submitted.map((r) => ({ resultId: r.id, version: r.version, decision: "approve" as const })),
  );
  const now = await figure();
  const changes = await changesSinceLastReport(donor, peru);
  expect(changes?.changes).toHaveLength(1);
  const legal = changes?.changes[0];
  expect(legal).toMatchObject({
    code: "OP1.1.1",
    values: 2,
    places: submitted.map((r) => r.location.name).sort(),
    times: [...new Set(submitted.map((r) => r.period?.label))],
    before: { actual: before?.actual, status: before?.status },
    now: { actual: now?.actual, status: now?.status },
  });
  expect(now?.actual).toBe((before?.actual ?? 0) + submitted.reduce((sum, r) => sum + (r.value ?? 0), 0));

  // Nobody reads what they may not: a link of another project, a viewer of another project.
  await expect(changesSinceLastReport({ ...donor, projectId: "other" }, peru)).resolves.toBeNull();
  const viewer = await principalFor("viewer@example.org");
  await expect(changesSinceLastReport(viewer, await projectId("SA-HIV-MOB"))).resolves.toBeNull();
});
