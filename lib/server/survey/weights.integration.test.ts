// Weighted survey figures from the import to the dashboard, checked against a direct computation from
// the rows (rule 12): stored unrounded, pooled across places by their sums of weights, the interval from
// the unrounded share and Kish's effective n. (The import once rounded weighted counts "to whole people":
// a share of 34.664/56.994 was stored as 35/57 and Kish's n of 24.71 as 25.)
import { beforeAll, expect, test } from "vitest";
import { AsOf } from "@/lib/domain/as-of";
import { wilsonInterval } from "@/lib/domain/engine/confidence";
import { surveyRulesSchema } from "@/lib/domain/survey/rules";
import { bytesOf } from "@/lib/formats/read/table-rows";
import { db } from "@/lib/platform/db";
import { projectSummary } from "@/lib/server/summary/service";
import { principalFor } from "@/lib/testing/principals";
import { addMidlineSurvey, midline } from "@/lib/testing/survey-setup";
import { importSurvey, readSurvey } from "./survey-import";

type Row = { region: string; sex: "female" | "male"; accessed: boolean; score: number; weight: number };

// Weights as a survey firm computes them (post-stratified, not whole numbers), a few rows per region and sex.
const rows: Row[] = [
  ["PE-TUM", "female", true, 4, 1.73],
  ["PE-TUM", "female", false, 2, 0.412],
  ["PE-TUM", "male", true, 5, 2.955],
  ["PE-TUM", "male", true, 3, 1.08],
  ["PE-TUM", "male", false, 1, 0.7615],
  ["PE-LIM", "female", true, 5, 3.3],
  ["PE-LIM", "female", false, 3, 0.25],
  ["PE-LIM", "female", false, 2, 1.9],
  ["PE-LIM", "male", true, 4, 0.6],
  ["PE-LIM", "male", false, 4, 5.125],
  ["PE-LIM", "male", true, 2, 0.333],
].map(([region, sex, accessed, score, weight]) => ({ region, sex, accessed, score, weight }) as Row);

/** The figures straight from the rows: weighted share and mean, Kish's n, the sum of weights. */
function direct(of: Row[]) {
  const w = of.reduce((a, r) => a + r.weight, 0);
  const w2 = of.reduce((a, r) => a + r.weight ** 2, 0);
  const share = of.reduce((a, r) => a + r.weight * (r.accessed ? 1 : 0), 0) / w;
  const mean = of.reduce((a, r) => a + r.weight * r.score, 0) / w;
  const n = (w * w) / w2;
  return { w, n, share, mean, interval: wilsonInterval(share * n, n) };
}

const close = (actual: number | null | undefined, expected: number) =>
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

let peru: string;

beforeAll(async () => {
  peru = await addMidlineSurvey(db());
  // The mean's figures by sex too, as a manager would set: G.1 has them already.
  const score = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OC1.2" } });
  const sex = await db().disaggregationDimension.findFirstOrThrow({ where: { projectId: null, key: "sex" } });
  await db().indicatorDimension.create({ data: { indicatorId: score.id, dimensionId: sex.id } });
});

test("a semicolon CSV with survey weights: every stored figure, pooled figure and interval equals the direct one", async () => {
  const csv = [
    "region;resp_sex;accessed_service;integration_score;svy_weight",
    ...rows.map((r) => [r.region, r.sex, r.accessed ? "yes" : "no", r.score, r.weight].join(";")),
  ].join("\n");
  const round = await db().surveyRound.findFirstOrThrow({ where: { projectId: peru, name: midline.name } });
  const rules = surveyRulesSchema.parse({
    place: "region",
    roundId: round.id,
    weight: "svy_weight",
    statuses: ["approved", "notValidated"],
    disaggregations: [{ dimension: "sex", column: "resp_sex" }],
    indicators: [
      { indicator: "G.1", kind: "share", condition: "accessed_service = yes" },
      { indicator: "OC1.2", kind: "mean", question: "integration_score" },
    ],
  });
  const evaluator = await principalFor("evaluator@example.org");
  const file = await readSurvey("csv", bytesOf(csv));
  const outcome = await importSurvey(evaluator, peru, file, {
    fileName: "weighted.csv",
    rules,
    dryRun: false,
    submit: true,
  });
  expect(outcome.problems).toEqual([]);

  // Stored as computed, unrounded, with the sum of weights.
  const tumbes = direct(rows.filter((r) => r.region === "PE-TUM"));
  const stored = await db().result.findFirstOrThrow({
    where: { roundId: round.id, optionId: null, indicator: { code: "G.1" }, location: { isoCode: "PE-TUM" } },
  });
  close((stored.numerator ?? 0) / (stored.denominator ?? 0), tumbes.share);
  close(stored.denominator, tumbes.w);
  close(stored.weightSum, tumbes.w);
  close(stored.sampleSize, tumbes.n);
  expect(Number.isInteger(stored.sampleSize)).toBe(false);

  // Approved, they are what the dashboard shows: per place, pooled across places, and by sex.
  const manager = await principalFor("manager@example.org");
  await db().result.updateMany({
    where: { roundId: round.id, status: "SUBMITTED" },
    data: { status: "APPROVED", reviewedAt: new Date(), reviewedById: manager.userId },
  });
  const summary = await projectSummary(manager, peru, { timeId: round.id, asOf: AsOf.parse(midline.end) });
  const share = summary?.indicators.find((i) => i.indicator.code === "G.1");
  const mean = summary?.indicators.find((i) => i.indicator.code === "OC1.2");
  if (!share || !mean) throw new Error("the demo project has G.1 and OC1.2");
  const all = direct(rows);
  close(share.overall.actual, all.share * 100);
  close(share.overall.sampleSize, all.n);
  close(share.overall.confidenceInterval?.low, all.interval?.low ?? Number.NaN);
  close(share.overall.confidenceInterval?.high, all.interval?.high ?? Number.NaN);
  const tumbesFigure = share.byLocation.find((l) => l.isoCode === "PE-TUM");
  close(tumbesFigure?.actual, tumbes.share * 100);
  close(tumbesFigure?.confidenceInterval?.low, tumbes.interval?.low ?? Number.NaN);
  close(mean.overall.actual, all.mean);
  close(mean.overall.sampleSize, all.n);
  // By sex, pooled across the two regions by their sums of weights.
  for (const sex of ["female", "male"] as const) {
    const d = direct(rows.filter((r) => r.sex === sex));
    const meanOption = mean.byDimension.flatMap((x) => x.options).find((o) => o.key === sex);
    close(meanOption?.actual, d.mean);
    close(meanOption?.sampleSize, d.n);
    const shareOption = share.byDimension.flatMap((x) => x.options).find((o) => o.key === sex);
    close(shareOption?.actual, d.share * 100);
    close(shareOption?.confidenceInterval?.high, d.interval?.high ?? Number.NaN);
  }
});
