import { beforeAll, expect, test } from "vitest";
import { ForbiddenError, type UserPrincipal } from "@/lib/domain/permissions";
import { surveyRulesSchema } from "@/lib/domain/survey/rules";
import { bytesOf } from "@/lib/formats/read/table-rows";
import { db } from "@/lib/platform/db";
import { type Household, householdSurvey, koboWorkbook, midlineHouseholds } from "@/lib/testing/kobo-workbook";
import { principalFor } from "@/lib/testing/principals";
import { addMidlineSurvey } from "@/lib/testing/survey-setup";
import { importSurvey, readSurvey, savedSurveyRules } from "./survey-import";

let evaluator: UserPrincipal;
let peru: string;

beforeAll(async () => {
  evaluator = await principalFor("evaluator@example.org");
  peru = await addMidlineSurvey(db());
});

const rules = surveyRulesSchema.parse({
  place: "region",
  date: "today",
  statuses: ["approved"],
  disaggregations: [{ dimension: "sex", column: "resp_sex" }],
  indicators: [
    { indicator: "OC1.3", kind: "count", table: "members" },
    { indicator: "G.1", kind: "share", condition: "accessed_service = yes" },
    { indicator: "OC1.2", kind: "mean", question: "integration_score" },
  ],
});
// The members' own sex, not the respondent's, disaggregates the count of members.
const memberRules = {
  ...rules,
  disaggregations: [{ dimension: "sex", column: "member_sex", bands: [] }],
  indicators: rules.indicators.slice(0, 1),
};

const households = midlineHouseholds;

async function survey(list: Household[]) {
  return readSurvey("xlsx", bytesOf(await koboWorkbook(householdSurvey(list))));
}

test("a Kobo export with a repeat group: counts by region from the repeat, a share and a mean by sex, left-out rows named", async () => {
  const file = await survey(households);
  const preview = await importSurvey(evaluator, peru, file, {
    fileName: "midline.xlsx",
    rules,
    dryRun: true,
    submit: false,
  });
  expect(preview.problems).toEqual([]);
  expect(preview).toMatchObject({ submissions: 4, counted: 3, statuses: { approved: 3, onHold: 1 } });
  const figures = Object.fromEntries(
    preview.values.map((v) => [
      `${v.indicator} ${v.place}${v.option ? ` ${v.option}` : ""}`,
      v.value ?? `${v.numerator}/${v.denominator} n=${v.sampleSize}`,
    ]),
  );
  expect(figures).toMatchObject({
    "OC1.3 Lima": 4,
    "OC1.3 Tumbes": 2,
    "G.1 Lima": "1/2 n=2",
    "G.1 Lima Female": "1/1 n=1",
    "G.1 Lima Male": "0/1 n=1",
    "G.1 Tumbes": "1/1 n=1",
    "OC1.2 Lima": 3.5,
    "OC1.2 Tumbes": 5,
  });
  expect(preview.values.every((v) => v.when === "Midline survey")).toBe(true);
  // The household on hold is left out of the share and the mean (it has no members to leave out).
  expect(preview.leftOutByReason).toEqual({ status: 2 });
  expect(
    await db().result.count({
      where: { roundId: { not: null }, indicator: { projectId: peru }, round: { name: "Midline survey" } },
    }),
  ).toBe(0);
});

test("saved as drafts with their provenance; the rules are kept and apply to the next file; submitted values are not overwritten", async () => {
  const run = (list: Household[], r: typeof rules, submit: boolean, fileName = "midline.xlsx") =>
    survey(list).then((file) => importSurvey(evaluator, peru, file, { fileName, rules: r, dryRun: false, submit }));
  const members = await run(households, surveyRulesSchema.parse(memberRules), false);
  expect(members.problems).toEqual([]);
  expect(members.imported).toBe(true);
  const byOption = await db().result.findMany({
    where: { indicator: { code: "OC1.3", projectId: peru } },
    include: { option: true, location: true },
  });
  expect(byOption.map((r) => `${r.location.name} ${r.option?.key ?? "total"} ${r.value} ${r.status}`).sort()).toEqual([
    "Lima female 2 DRAFT",
    "Lima male 2 DRAFT",
    "Lima total 4 DRAFT",
    "Tumbes female 2 DRAFT",
    "Tumbes total 2 DRAFT",
  ]);
  const audit = await db().auditEvent.findFirstOrThrow({
    where: { action: "result.import", entityId: byOption.find((r) => r.location.name === "Lima" && !r.option)?.id },
  });
  expect(audit.after).toMatchObject({
    provenance: { file: "midline.xlsx", rule: { kind: "count", table: "members" }, rows: 4 },
  });

  // All three rules, submitted: the five drafts of the count are replaced (now by the respondent's sex),
  // and the rules kept for next time.
  const submitted = await run(households, rules, true);
  expect(submitted.problems).toEqual([]);
  expect(submitted.replaced).toBe(5);
  expect(await savedSurveyRules(evaluator, peru)).toEqual(rules);
  const share = await db().result.findFirstOrThrow({
    where: {
      indicator: { code: "G.1", projectId: peru },
      round: { name: "Midline survey" },
      location: { isoCode: "PE-LIM" },
      optionId: null,
    },
  });
  expect(share).toMatchObject({ numerator: 1, denominator: 2, sampleSize: 2, status: "SUBMITTED" });

  // The next file with the saved rules: values already submitted are not overwritten; nothing is saved.
  const again = await run(households.slice(0, 1), rules, false, "late.xlsx");
  expect(again.imported).toBe(false);
  expect(again.problems.map((p) => `${p.indicator} ${p.code}`)).toContain("G.1 notEditable:SUBMITTED");
});

test("only members may import, and a file none of whose submissions counts says so", async () => {
  const viewer = await principalFor("viewer@example.org");
  const file = await survey(households);
  await expect(
    importSurvey(viewer, peru, file, { fileName: "x.xlsx", rules, dryRun: true, submit: false }),
  ).rejects.toThrow(ForbiddenError);
  const unvalidated = await survey(households.map((h) => ({ ...h, status: "" })));
  const preview = await importSurvey(evaluator, peru, unvalidated, {
    fileName: "x.xlsx",
    rules,
    dryRun: true,
    submit: false,
  });
  expect(preview.problems.map((p) => p.code)).toEqual(["noneCounted"]);
  expect(preview.statuses).toMatchObject({ notValidated: 4 });
});

test("a geopoint in the place's column finds the region whose outline holds it (the demo's Natural Earth outlines)", async () => {
  // Lima's Plaza Mayor, Tumbes, and Quito (outside every place of the project).
  const at = ["-12.0453 -77.0302 154.2 5", "-3.5669 -80.4515 10 5", "-0.1807 -78.4678 2850 5"];
  const file = await survey(
    midlineHouseholds.slice(0, 3).map((h, i) => ({ ...h, region: at[i] ?? "", status: "Approved" })),
  );
  const preview = await importSurvey(evaluator, peru, file, {
    fileName: "midline-gps.xlsx",
    rules: { ...rules, indicators: rules.indicators.slice(0, 1), disaggregations: [] },
    dryRun: true,
    submit: false,
  });
  // The members counted are rows of the repeat group, which take their household's place.
  expect(preview.problems.map((p) => `${p.table} ${p.row} ${p.column} ${p.code}`)).toEqual([
    "members 6 region pointOutsidePlaces",
    "members 7 region pointOutsidePlaces",
  ]);
  const fixed = await survey(
    midlineHouseholds.slice(0, 2).map((h, i) => ({ ...h, region: at[i] ?? "", status: "Approved" })),
  );
  const placed = await importSurvey(evaluator, peru, fixed, {
    fileName: "midline-gps.xlsx",
    rules: { ...rules, indicators: rules.indicators.slice(0, 1), disaggregations: [] },
    dryRun: true,
    submit: false,
  });
  // (The earlier tests submitted these cells: only where the rows were placed matters here.)
  expect(placed.problems.filter((p) => p.column === "region")).toEqual([]);
  expect(Object.fromEntries(placed.values.map((v) => [v.place, v.value]))).toEqual({ Lima: 3, Tumbes: 1 });
});
