import { beforeAll, describe, expect, test } from "vitest";
import { AsOf } from "@/lib/domain/as-of";
import type { UserPrincipal } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { reviewResults, saveResults } from "@/lib/server/results/entry";
import { locationId, principalFor, projectId } from "@/lib/testing/principals";
import { projectSummary, UnknownFilterError } from "./service";

let manager: UserPrincipal;
let viewer: UserPrincipal;
let peru: string;
let roma: string;
let nepal: string;
const end = AsOf.parse("2030-01-01");

async function indicator(project: string, code: string, options: Parameters<typeof projectSummary>[2] = {}) {
  const summary = await projectSummary(manager, project, { asOf: end, ...options });
  const found = summary?.indicators.find((i) => i.indicator.code === code);
  if (!found) throw new Error(code);
  return found;
}

beforeAll(async () => {
  manager = await principalFor("manager@example.org");
  viewer = await principalFor("viewer@example.org");
  [peru, roma, nepal] = await Promise.all([projectId("PE-VEN-2021"), projectId("WB-ROMA-W"), projectId("SA-HIV-MOB")]);
});

describe("counts (rules 1, 3, 4, 5)", () => {
  test("approved results add up per region, roll up into the country, and overall", async () => {
    const s = await indicator(peru, "OP1.1.1");
    const byIso = Object.fromEntries(s.byLocation.map((l) => [l.isoCode, l]));
    expect(byIso["PE-TUM"]).toMatchObject({ target: 1800, actual: 1110 });
    expect(byIso.PE).toMatchObject({ target: 8250, actual: 5070 });
    expect(s.overall).toMatchObject({ target: 8250, actual: 5070 });
    expect(s.overall.achievement).toBeCloseTo(5070 / 8250, 12);
    expect(s.overall.explanation).toMatchObject({
      aggregation: "sum",
      time: "sumOfPeriods",
      resultCount: 15,
      target: "combinedFromLocations",
    });
    expect(s.overall.explanation.timeIds).toHaveLength(3);
  });

  test("periods by period, and the gap of a disaggregation shown as not reported (rule 8)", async () => {
    const s = await indicator(peru, "OP1.1.1");
    expect(s.byTime.map((t) => t.actual)).toEqual([1400, 1870, 1800, null, null]);
    const sex = s.byDimension.find((d) => d.key === "sex");
    // Lima's approved quarters left 25 people each without a recorded sex.
    expect(sex?.notReported).toBe(75);
    expect((sex?.options ?? []).reduce((a, o) => a + (o.actual ?? 0), 0)).toBe(5070 - 75);
    expect(s.byDimension.find((d) => d.key === "nationality")?.notReported).toBeNull();
  });

  test("status against expected-to-date, prorated without period targets (rules 6, 7)", async () => {
    const s = await indicator(peru, "OP1.1.1");
    expect(s.overall.expectedToDate).toBe(8250);
    expect(s.overall.status).toBe("offTrack");
    const early = await indicator(peru, "OP1.1.1", { asOf: AsOf.parse("2020-09-01") });
    expect(early.overall.status).toBe("notYetDue");
    expect(early.overall.actual).toBeNull();
  });

  test("cumulative counts: latest value per region, never summed over time", async () => {
    const s = await indicator(nepal, "OP1.2");
    expect(s.overall.actual).toBe(18);
    expect(s.overall.explanation.time).toBe("latestPerLocation");
    const mid = await indicator(nepal, "OP1.2", { asOf: AsOf.parse("2011-06-01") });
    expect(mid.overall.actual).toBe(6 + 4 + 2);
  });

  test("a manager's preview adds submitted values; a viewer's request for it is ignored", async () => {
    expect((await indicator(peru, "OP1.1.1", { includeSubmitted: true })).overall.actual).toBe(5070 + 1640);
    const forViewer = await projectSummary(viewer, peru, { asOf: end, includeSubmitted: true });
    expect(forViewer?.includesSubmitted).toBe(false);
    expect(forViewer?.indicators.find((i) => i.indicator.code === "OP1.1.1")?.overall.actual).toBe(5070);
  });
});

describe("survey percentages", () => {
  test("sum of numerators over sum of denominators of the latest round, against that round's target", async () => {
    const s = await indicator(peru, "G.1");
    expect(s.overall).toMatchObject({ numerator: 222, denominator: 372 });
    expect(s.overall.actual).toBeCloseTo((222 / 372) * 100, 12);
    expect(s.overall.target).toBeCloseTo(60, 12);
    expect(s.overall.baseline).toBeCloseTo((141 / 380) * 100, 12);
    expect(s.overall.explanation).toMatchObject({
      aggregation: "ratioOfSums",
      time: "singleRound",
      expected: "roundTarget",
    });
    expect(s.overall.status).toBe("onTrack");
    expect(s.overall.confidenceInterval?.low).toBeLessThan(s.overall.actual ?? 0);
    expect(s.overall.confidenceInterval?.high).toBeGreaterThan(s.overall.actual ?? 0);
  });

  test("rounds in order, with the change from baseline compared with its margin of error", async () => {
    const s = await indicator(peru, "G.1");
    expect(s.byTime.map((t) => [t.numerator, t.denominator])).toEqual([
      [141, 380],
      [222, 372],
    ]);
    expect(s.byTime[1]?.change?.exceedsMarginOfError).toBe(true);
    expect(s.byTime[0]?.change).toBeNull();
  });

  test("before the first target round has ended, a survey indicator is not yet due", async () => {
    const s = await indicator(peru, "G.1", { asOf: AsOf.parse("2021-06-01") });
    expect(s.overall.numerator).toBe(141);
    expect(s.overall.status).toBe("notYetDue");
  });

  test("means are weighted by sample size", async () => {
    const s = await indicator(roma, "OC1.4");
    expect(s.overall.actual).toBeCloseTo((5.2 * 180 + 5.8 * 230 + 4.9 * 130) / 540, 12);
    expect(s.overall.explanation.aggregation).toBe("weightedMean");
  });
});

describe("composition and consistency", () => {
  test("'% Roma' is computed from the same counts that feed the direct participants", async () => {
    const participants = await db().indicator.findFirstOrThrow({ where: { projectId: roma, code: "OC1.1" } });
    const approved = { indicatorId: participants.id, status: "APPROVED" as const };
    const roma_ = await db().result.aggregate({
      _sum: { value: true },
      where: { ...approved, option: { key: "roma" } },
    });
    const total = await db().result.aggregate({ _sum: { value: true }, where: { ...approved, optionId: null } });
    const s = await indicator(roma, "OC1.2");
    expect(s.indicator.composite).toBe(true);
    expect(s.overall).toMatchObject({ numerator: roma_._sum.value, denominator: total._sum.value });
    expect(s.overall.target).toBe(85);
    expect((await indicator(roma, "OC1.1")).overall.actual).toBe(total._sum.value);
  });

  test("regional targets that do not add up to the overall target are flagged", async () => {
    expect((await indicator(roma, "OC1.1")).warnings).toEqual([]);
    const ba = await locationId("BA");
    const target = await db().target.findFirstOrThrow({
      where: { indicator: { projectId: roma, code: "OC1.1" }, locationId: ba, periodId: null, roundId: null },
    });
    await db().target.update({ where: { id: target.id }, data: { value: 9000 } });
    try {
      expect((await indicator(roma, "OC1.1")).warnings).toEqual([
        { code: "regionalTargetsDoNotAddUp", overall: 26150, sumOfLocations: 26450 },
      ]);
    } finally {
      await db().target.update({ where: { id: target.id }, data: { value: 8700 } });
    }
  });
});

describe("scope and access", () => {
  test("a location filter summarises that location only", async () => {
    const s = await indicator(peru, "OP1.1.1", { locationId: await locationId("PE-LIM") });
    expect(s.overall.actual).toBe(2190);
    expect(s.byLocation.map((l) => l.isoCode)).toEqual(["PE-LIM"]);
    await expect(projectSummary(manager, peru, { locationId: await locationId("NP") })).rejects.toThrow(
      UnknownFilterError,
    );
  });

  test("someone outside the project gets nothing", async () => {
    expect(await projectSummary(viewer, nepal)).toBeNull();
  });
});

test("one indicator's summary alone is the same as within the whole project, composed indicators included", async () => {
  for (const code of ["OC1.1", "OC1.2"]) {
    const id = (await db().indicator.findFirstOrThrow({ where: { projectId: roma, code } })).id;
    const alone = await projectSummary(manager, roma, { asOf: end, indicatorId: id });
    expect(alone?.indicators.map((i) => i.indicator.code)).toEqual([code]);
    expect(alone?.indicators[0]).toEqual(await indicator(roma, code));
  }
});

test("a value entered at Peru beside its regions counts in Peru and overall, and shows as its own row (rule 11)", async () => {
  const evaluator = await principalFor("evaluator@example.org");
  const legal = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.1" } });
  const period = await db().reportingPeriod.findFirstOrThrow({
    where: { projectId: peru, lockedAt: null },
    orderBy: { endDate: "asc" },
  });
  const country = await locationId("PE");
  const before = await indicator(peru, "OP1.1.1");
  const [saved] = await saveResults(
    evaluator,
    peru,
    [{ indicatorId: legal.id, periodId: period.id, locationId: country, value: 40 }],
    true,
  );
  await reviewResults(manager, peru, [
    { resultId: saved?.id ?? "", version: saved?.version ?? 0, decision: "approve" },
  ]);
  const after = await indicator(peru, "OP1.1.1");
  expect(after.overall.actual).toBe((before.overall.actual ?? 0) + 40);
  const peruRow = after.byLocation.find((l) => l.isoCode === "PE");
  expect(peruRow?.actual).toBe((before.byLocation.find((l) => l.isoCode === "PE")?.actual ?? 0) + 40);
  expect(peruRow?.unassigned?.actual).toBe(40);
  expect(after.byLocation.find((l) => l.isoCode === "PE-LIM")?.actual).toBe(
    before.byLocation.find((l) => l.isoCode === "PE-LIM")?.actual,
  );
});

test("a qualitative indicator shows its approved narrative with its period and place, and its target's text", async () => {
  const s = await indicator(peru, "OP1.1.3");
  expect(s.targetText).toBe("Referral protocol agreed with authorities in all five regions");
  expect(s.narratives).toEqual([
    expect.objectContaining({
      text: "Referral protocol signed with the regional ombudsman office.",
      locationId: await locationId("PE-TUM"),
      label: expect.stringMatching(/^20\d\d-Q\d$/),
    }),
  ]);
  // Nothing yet before its period started.
  expect((await indicator(peru, "OP1.1.3", { asOf: AsOf.parse("2020-01-01") })).narratives).toEqual([]);
});
