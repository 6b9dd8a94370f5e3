import { beforeAll, describe, expect, test } from "vitest";
import { AsOf } from "@/lib/domain/as-of";
import { ForbiddenError, type UserPrincipal } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { saveIndicator } from "@/lib/server/projects/edit";
import { projectSummary } from "@/lib/server/summary/service";
import { locationId, principalFor, projectId } from "@/lib/testing/principals";
import { BatchProblems, reviewResults, saveResults, VersionConflict } from "./entry";

let evaluator: UserPrincipal;
let manager: UserPrincipal;
let peru: string;
let legal: string;
let networks: string;
let q3: string;
let q4: string;
let laLibertad: string;
let callao: string;
let q1: string;
let tumbes: string;

beforeAll(async () => {
  [evaluator, manager] = await Promise.all([
    principalFor("evaluator@example.org"),
    principalFor("manager@example.org"),
  ]);
  peru = await projectId("PE-VEN-2021");
  legal = (await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.1" } })).id;
  q1 = (await db().reportingPeriod.findFirstOrThrow({ where: { projectId: peru, label: "2021-Q1" } })).id;
  q3 = (await db().reportingPeriod.findFirstOrThrow({ where: { projectId: peru, label: "2021-Q3" } })).id;
  q4 = (await db().reportingPeriod.findFirstOrThrow({ where: { projectId: peru, label: "2021-Q4" } })).id;
  networks = (await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.2" } })).id;
  [laLibertad, callao] = await Promise.all([locationId("PE-LAL"), locationId("PE-CAL")]);
  tumbes = await locationId("PE-TUM");
});

async function actual(indicatorId: string) {
  const summary = await projectSummary(manager, peru, { asOf: AsOf.parse("2030-01-01") });
  return summary?.indicators.find((i) => i.indicator.id === indicatorId)?.overall.actual;
}

describe("entering and reviewing results", () => {
  test("a draft, then submitted, result counts in the figures only once approved", async () => {
    const key = { indicatorId: networks, periodId: q4, locationId: laLibertad, optionId: null };
    const before = await actual(networks);
    const [draft] = await saveResults(evaluator, peru, [{ ...key, value: 3 }], false);
    expect(draft).toMatchObject({ status: "DRAFT", version: 1 });
    expect(await actual(networks)).toBe(before);
    const [submitted] = await saveResults(evaluator, peru, [{ ...key, value: 3, version: 1 }], true);
    expect(submitted).toMatchObject({ status: "SUBMITTED", version: 2 });
    expect(await actual(networks)).toBe(before);
    await reviewResults(manager, peru, [{ resultId: submitted?.id ?? "", version: 2, decision: "approve" }]);
    // Cumulative: La Libertad's latest value becomes 3 instead of 2.
    expect(await actual(networks)).toBe((before ?? 0) + 1);
    const trail = await db().auditEvent.findMany({ where: { entityId: submitted?.id }, orderBy: { at: "asc" } });
    expect(trail.map((e) => e.action)).toEqual(["result.create", "result.submit", "result.approve"]);
  });

  test("a returned result needs a comment, can be corrected by its version, and resubmitted", async () => {
    const row = await db().result.findFirstOrThrow({ where: { indicatorId: legal, status: "SUBMITTED" } });
    await expect(
      reviewResults(manager, peru, [{ resultId: row.id, version: row.version, decision: "return" }]),
    ).rejects.toThrow(BatchProblems);
    await reviewResults(manager, peru, [
      { resultId: row.id, version: row.version, decision: "return", comment: "Check the attendance lists" },
    ]);
    const returned = await db().result.findUniqueOrThrow({ where: { id: row.id } });
    expect(returned).toMatchObject({
      status: "RETURNED",
      reviewComment: "Check the attendance lists",
      version: row.version + 1,
    });
    const [fixed] = await saveResults(
      evaluator,
      peru,
      [
        {
          indicatorId: legal,
          periodId: returned.periodId,
          locationId: returned.locationId,
          optionId: null,
          value: 150,
          version: returned.version,
        },
      ],
      true,
    );
    expect(fixed).toMatchObject({ status: "SUBMITTED", value: 150, version: returned.version + 1 });
  });

  test("two people editing the same value: the second save is refused with the current value", async () => {
    const key = { indicatorId: networks, periodId: q4, locationId: callao, optionId: null };
    const [first] = await saveResults(evaluator, peru, [{ ...key, value: 1 }], false);
    const read = first?.version ?? 0;
    await saveResults(evaluator, peru, [{ ...key, value: 2, version: read }], false);
    const conflict = await saveResults(manager, peru, [{ ...key, value: 3, version: read }], false).catch((e) => e);
    expect(conflict).toBeInstanceOf(VersionConflict);
    expect(conflict.current).toMatchObject({ value: 2, version: read + 1 });
    expect((await db().result.findFirstOrThrow({ where: key })).value).toBe(2);
    const withoutVersion = await saveResults(manager, peru, [{ ...key, value: 4 }], false).catch((e) => e);
    expect(withoutVersion).toBeInstanceOf(VersionConflict);
  });

  test("an invalid batch changes nothing and names every problem by item and field", async () => {
    const count = await db().result.count();
    const error = await saveResults(
      evaluator,
      peru,
      [
        { indicatorId: legal, periodId: q3, locationId: (await locationId("NP")) ?? "", optionId: null, value: 5 },
        { indicatorId: legal, periodId: q3, locationId: tumbes, optionId: null, value: -2 },
        { indicatorId: legal, periodId: q1, locationId: tumbes, optionId: null, value: 5 },
      ],
      true,
    ).catch((e) => e);
    expect(error).toBeInstanceOf(BatchProblems);
    expect(error.problems).toEqual([
      { index: 0, field: "locationId", code: "unknown" },
      { index: 1, field: "value", code: "negative" },
      { index: 2, field: "periodId", code: "locked" },
    ]);
    expect(await db().result.count()).toBe(count);
  });

  test("viewers never write; evaluators do not approve", async () => {
    const viewer = await principalFor("viewer@example.org");
    await expect(saveResults(viewer, peru, [], false)).rejects.toThrow(ForbiddenError);
    await expect(reviewResults(evaluator, peru, [])).rejects.toThrow(ForbiddenError);
  });
});

test("two first saves of the same value at once leave one result, and the other save is refused", async () => {
  const evaluatorNow = await principalFor("evaluator@example.org");
  const managerNow = await principalFor("manager@example.org");
  const project = await projectId("PE-VEN-2021");
  const indicatorId = (await db().indicator.findFirstOrThrow({ where: { projectId: project, code: "OP1.1.2" } })).id;
  const periodId = (await db().reportingPeriod.findFirstOrThrow({ where: { projectId: project, label: "2021-Q4" } }))
    .id;
  const key = { indicatorId, periodId, locationId: await locationId("PE-TUM"), optionId: null };
  await db().result.deleteMany({ where: key });
  const outcomes = await Promise.allSettled([
    saveResults(evaluatorNow, project, [{ ...key, value: 5 }], false),
    saveResults(managerNow, project, [{ ...key, value: 6 }], false),
  ]);
  expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
  expect(outcomes.find((o) => o.status === "rejected")?.reason).toBeInstanceOf(VersionConflict);
  expect(
    await db().result.count({ where: { indicatorId, periodId, locationId: key.locationId, optionId: null } }),
  ).toBe(1);
});

test("a submission may not leave a count's parts above its total; a draft may, with the saved total counted", async () => {
  const sex = await db().disaggregationOption.findMany({
    where: { dimension: { key: "sex", indicators: { some: { indicatorId: legal } } } },
    orderBy: { sortOrder: "asc" },
  });
  const [female, male] = sex;
  const period = await db().reportingPeriod.create({
    data: { projectId: peru, label: "parts-test", startDate: new Date("2031-01-01"), endDate: new Date("2031-03-31") },
  });
  const at = { indicatorId: legal, periodId: period.id, locationId: callao };
  const before = await db().result.count({ where: { indicatorId: legal } });
  // The total in its own earlier draft, the parts later: the saved total is what they are held to.
  const [total] = await saveResults(evaluator, peru, [{ ...at, optionId: null, value: 700 }], false);
  const parts = [
    { ...at, optionId: female?.id, value: 400 },
    { ...at, optionId: male?.id, value: 400 },
  ];
  const refused = await saveResults(evaluator, peru, parts, true).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(BatchProblems);
  expect((refused as BatchProblems).problems).toEqual([{ index: 0, field: "value", code: "partsOverTotal" }]);
  expect(await db().result.count({ where: { indicatorId: legal } })).toBe(before + 1);
  const drafts = await saveResults(evaluator, peru, parts, false);
  expect(drafts.map((d) => d.status)).toEqual(["DRAFT", "DRAFT"]);
  // Corrected total: 800 holds 400 + 400, and the whole sheet goes in for review.
  const submitted = await saveResults(
    evaluator,
    peru,
    [
      { ...at, optionId: null, value: 800, version: total?.version },
      ...parts.map((p, i) => ({ ...p, version: drafts[i]?.version })),
    ],
    true,
  );
  expect(submitted.map((r) => r.status)).toEqual(["SUBMITTED", "SUBMITTED", "SUBMITTED"]);
});

test("an indicator's plausible bounds, set on its form, refuse a value outside them in the grid and the API", async () => {
  const indicator = await db().indicator.findFirstOrThrow({
    where: { projectId: peru, code: "OP1.1.2" },
    include: { dimensions: { include: { dimension: true } } },
  });
  const form = {
    version: indicator.version,
    resultNodeId: indicator.resultNodeId,
    code: indicator.code,
    title: indicator.title,
    measure: indicator.measure,
    unit: indicator.unit,
    timeRule: indicator.timeRule,
    dimensionKeys: indicator.dimensions.map((d) => d.dimension.key),
  };
  await expect(
    saveIndicator(manager, peru, indicator.id, { ...form, minValue: "20", maxValue: "10" }),
  ).rejects.toThrow();
  await saveIndicator(manager, peru, indicator.id, { ...form, minValue: "0", maxValue: "1000", wholeNumbers: "yes" });
  const period = await db().reportingPeriod.create({
    data: { projectId: peru, label: "bounds-test", startDate: new Date("2036-01-01"), endDate: new Date("2036-03-31") },
  });
  const at = { indicatorId: indicator.id, periodId: period.id, locationId: tumbes };
  const refused = await saveResults(evaluator, peru, [{ ...at, value: 1500 }], false).catch((e: unknown) => e);
  expect((refused as BatchProblems).problems).toEqual([{ index: 0, field: "value", code: "aboveMax" }]);
  expect(await saveResults(evaluator, peru, [{ ...at, value: 999 }], false)).toHaveLength(1);
});
