import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { expect, test } from "vitest";
import { combine } from "@/lib/domain/engine/aggregate";
import { wilsonInterval } from "@/lib/domain/engine/confidence";
import { bytesOf, tableRows } from "@/lib/formats/read/table-rows";
import { readXlsForm } from "@/lib/formats/read/xlsform";
import { propertyRuns } from "@/lib/testing/budgets";
import { koboWorkbook } from "@/lib/testing/kobo-workbook";
import { resultPartial } from "@/lib/testing/partials";
import { computeSurvey, type SurveyLookups, type SurveyValue } from "./compute";
import { conditionHolds, parseCondition } from "./condition";
import { bandFromName, statusOf, surveyRulesSchema } from "./rules";
import { answerOf, readSurveyFile, resolveColumn, type SurveyFile } from "./tables";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../../../test/fixtures/kobo", name));
const csvFile = (data: Uint8Array | string) => readSurveyFile(tableRows("csv", bytesOf(data)));

test("conditions: equality across True/False and 1/0, numbers, select_multiple choices, and", () => {
  const answers: Record<string, string> = {
    q5: "Yes",
    ambulance: "True",
    age: "17",
    services: "legal health",
    x: "n/a",
  };
  const holds = (text: string) => {
    const parsed = parseCondition(text);
    if (!parsed.ok) throw new Error(parsed.clause);
    return conditionHolds(parsed.clauses, (c) => answers[c] ?? "");
  };
  expect(holds("q5 = yes")).toBe(true);
  expect(holds("q5 != 'yes'")).toBe(false);
  expect(holds("ambulance = 1")).toBe(true);
  expect(holds("age >= 18")).toBe(false);
  expect(holds("age < 18 and services has legal")).toBe(true);
  expect(holds("services has shelter")).toBe(false);
  expect(holds('x = ""')).toBe(true);
  expect(holds("")).toBe(true);
  expect(parseCondition("q5 yes")).toEqual({ ok: false, clause: "q5 yes" });
  expect(parseCondition("q5 =")).toEqual({ ok: false, clause: "q5 =" });
});

test("KoboToolbox's own nested-repeats CSV export unfolds into a table per repeat group, joined to its parent", async () => {
  const file = await csvFile(fixture("kobo-nested-repeats-export.csv"));
  expect(file.tables.map((t) => [t.name, t.rows.length, t.parent])).toEqual([
    ["submissions", 2, null],
    ["kids_details", 5, "submissions"],
    ["kids_immunization", 11, "kids_details"],
  ]);
  const [, kids, shots] = file.tables;
  expect(kids?.headers).toEqual(["kids/kids_details/kids_name", "kids/kids_details/kids_age"]);
  const polio2 = shots?.rows.find(
    (r) => r.values["kids/kids_details/kids_immunization/immunization_info"] === "Polio 2",
  );
  // A nested repeat's row reads its parent's and its submission's answers.
  expect(polio2 && answerOf(polio2, "kids/kids_details/kids_name")).toBe("Harry");
  expect(polio2 && answerOf(polio2, "address")).toBe("5678");
  expect(polio2?.item).toBe(1);
});

test("a repeat sheet of an XLSX export is joined by _parent_index; a row whose parent is missing is left out", async () => {
  const xlsx = await koboWorkbook([
    {
      name: "Household visit",
      rows: [
        { region: "PE-LIM", _index: 1, _validation_status: "Approved" },
        { region: "PE-CAL", _index: 2, _validation_status: "Approved" },
      ],
    },
    {
      name: "members",
      rows: [
        { "members/sex": "female", _index: 1, _parent_table_name: "Household visit", _parent_index: 1 },
        { "members/sex": "male", _index: 2, _parent_table_name: "Household visit", _parent_index: 1 },
        { "members/sex": "female", _index: 3, _parent_table_name: "Household visit", _parent_index: 2 },
        { "members/sex": "male", _index: 4, _parent_table_name: "Household visit", _parent_index: 9 },
      ],
    },
  ]);
  const file = await readSurveyFile(tableRows("xlsx", bytesOf(xlsx), 1000, true));
  expect(file.tables.map((t) => [t.name, t.rows.length])).toEqual([
    ["Household visit", 2],
    ["members", 4],
  ]);
  const outcome = computeSurvey(
    file,
    rules({ indicators: [{ indicator: "HH", kind: "count", table: "members" }], disaggregations: [sexColumn("sex")] }),
    lookups,
  );
  expect(outcome.problems).toEqual([]);
  expect(outcome.leftOut).toEqual([{ indicator: "HH", table: "members", row: 5, reason: "noParent", item: undefined }]);
  expect(figuresOf(outcome)).toEqual({
    "HH PE-LIM": { value: 2 },
    "HH PE-LIM female": { value: 1 },
    "HH PE-LIM male": { value: 1 },
    "HH PE-CAL": { value: 1 },
    "HH PE-CAL female": { value: 1 },
  });
});

const lookups: SurveyLookups = {
  places: new Map([
    ["pe-lim", "lim"],
    ["lima", "lim"],
    ["pe-cal", "cal"],
  ]),
  placeAt: null,
  periods: [{ id: "q2", start: "2021-04-01", end: "2021-06-30" }],
  rounds: [{ id: "mid", start: "2021-05-01", end: "2021-05-31" }],
  indicators: new Map(
    [
      ["HH", "COUNT", "MONITORING"],
      ["YES", "PERCENTAGE", "SURVEY"],
      ["SCORE", "MEAN", "SURVEY"],
      ["HA", "COUNT", "MONITORING"],
    ].map(([code = "", measure = "", source = ""]) => [
      code.toLowerCase(),
      {
        id: code,
        measure,
        source,
        dimensions: new Map([
          [
            "sex",
            new Map([
              ["female", "f"],
              ["male", "m"],
            ]),
          ],
          [
            "age",
            new Map([
              ["0-17", "child"],
              ["18+", "adult"],
            ]),
          ],
        ]),
      },
    ]),
  ),
};

const sexColumn = (column: string) => ({ dimension: "sex", column });
const rules = (over: Record<string, unknown>) =>
  surveyRulesSchema.parse({ place: "region", periodId: "q2", roundId: "mid", ...over });

function figuresOf(outcome: ReturnType<typeof computeSurvey>) {
  const names: Record<string, string> = {
    lim: "PE-LIM",
    cal: "PE-CAL",
    f: "female",
    m: "male",
    child: "0-17",
    adult: "18+",
  };
  return Object.fromEntries(
    outcome.values.map((v) => [
      [v.indicator, names[v.locationId], v.optionId && names[v.optionId]].filter(Boolean).join(" "),
      Object.fromEntries(
        (["value", "numerator", "denominator", "sampleSize", "weightSum"] as const).flatMap((k) =>
          v[k] === null ? [] : [[k, v[k]]],
        ),
      ),
    ]),
  );
}

const survey = (lines: string[]): Promise<SurveyFile> => csvFile(lines.join("\n"));

test("share, mean and sum per place and sex; unanswered and filtered rows are left out with their reason", async () => {
  const file = await survey([
    "region,sex,consent,q5,rating,hectares,_validation_status",
    "PE-LIM,female,yes,yes,4,1.5,Approved",
    "PE-LIM,male,yes,no,2,0.25,Approved",
    "Lima,female,yes,n/a,5,,Approved",
    "PE-CAL,female,no,yes,1,2,Approved",
    "PE-CAL,male,yes,yes,3,2,On Hold",
  ]);
  const outcome = computeSurvey(
    file,
    rules({
      indicators: [
        { indicator: "YES", kind: "share", condition: "q5 = yes", filter: "consent = yes" },
        { indicator: "SCORE", kind: "mean", question: "rating" },
        { indicator: "HA", kind: "sum", question: "hectares" },
      ],
      disaggregations: [sexColumn("sex")],
    }),
    lookups,
  );
  expect(outcome.problems).toEqual([]);
  expect(outcome.statuses).toEqual({ approved: 4, notValidated: 0, onHold: 1, notApproved: 0 });
  expect(figuresOf(outcome)).toEqual({
    "YES PE-LIM": { numerator: 1, denominator: 2, sampleSize: 2 },
    "YES PE-LIM female": { numerator: 1, denominator: 1, sampleSize: 1 },
    "YES PE-LIM male": { numerator: 0, denominator: 1, sampleSize: 1 },
    "SCORE PE-LIM": { value: 11 / 3, sampleSize: 3 },
    "SCORE PE-LIM female": { value: 4.5, sampleSize: 2 },
    "SCORE PE-LIM male": { value: 2, sampleSize: 1 },
    "SCORE PE-CAL": { value: 1, sampleSize: 1 },
    "SCORE PE-CAL female": { value: 1, sampleSize: 1 },
    "HA PE-LIM": { value: 1.75 },
    "HA PE-LIM female": { value: 1.5 },
    "HA PE-LIM male": { value: 0.25 },
    "HA PE-CAL": { value: 2 },
    "HA PE-CAL female": { value: 2 },
  });
  expect(outcome.leftOut.map((l) => `${l.indicator} ${l.row} ${l.reason}`)).toEqual([
    "YES 4 unanswered",
    "YES 5 filter",
    "YES 6 status",
    "SCORE 6 status",
    "HA 4 unanswered",
    "HA 6 status",
  ]);
});

test("weights: a weighted share and mean, with Kish's effective sample size", async () => {
  const file = await survey(["region,q5,rating,w", "PE-LIM,yes,4,1", "PE-LIM,no,2,3", "PE-LIM,yes,5,2"]);
  const outcome = computeSurvey(
    file,
    rules({
      weight: "w",
      indicators: [
        { indicator: "YES", kind: "share", condition: "q5 = yes" },
        { indicator: "SCORE", kind: "mean", question: "rating" },
      ],
    }),
    lookups,
  );
  // Σw = 6, Σw² = 14: n_eff = 36/14 ≈ 2.57, kept unrounded (rule 12), with the sum of weights.
  expect(figuresOf(outcome)).toEqual({
    "YES PE-LIM": { numerator: 3, denominator: 6, sampleSize: 36 / 14, weightSum: 6 },
    "SCORE PE-LIM": { value: (4 + 6 + 10) / 6, sampleSize: 36 / 14, weightSum: 6 },
  });
});

/** A value as lib/server/results/partials.ts sums it: weighing its sum of weights, or its n when unweighted. */
function storedPartial(v: SurveyValue) {
  const weight = v.weightSum ?? v.sampleSize;
  return resultPartial(v.locationId, v.roundId ?? "", new Date(0), {
    value: v.value,
    numerator: v.numerator,
    denominator: v.denominator,
    sampleSize: v.sampleSize,
    weightedValue: v.value === null || weight === null ? null : v.value * weight,
    weight,
    weightSquares: weight === null || !v.sampleSize ? null : (weight * weight) / v.sampleSize,
  });
}

const closeTo = (actual: number | null | undefined, expected: number) =>
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

test(
  "weighted shares, means and Kish's n equal a direct computation from the rows, per place and option and pooled; with every weight 1 they equal the unweighted figures",
  propertyRuns,
  async () => {
    const row = fc.record({
      place: fc.constantFrom("PE-LIM", "PE-CAL"),
      sex: fc.constantFrom("female", "male"),
      yes: fc.boolean(),
      rating: fc.integer({ min: 0, max: 10 }),
      w: fc.double({ min: 0.05, max: 20, noNaN: true }),
      consent: fc.boolean(),
    });
    const indicators = [
      { indicator: "YES", kind: "share", condition: "q5 = yes", filter: "consent = yes" },
      { indicator: "SCORE", kind: "mean", question: "rating", filter: "consent = yes" },
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), fc.boolean(), async (rows, unit) => {
        const weightOf = (r: (typeof rows)[number]) => (unit ? 1 : r.w);
        const file = await survey([
          "region,sex,q5,rating,w,consent",
          ...rows.map((r) =>
            [r.place, r.sex, r.yes ? "yes" : "no", r.rating, weightOf(r), r.consent ? "yes" : "no"].join(","),
          ),
        ]);
        const weighted = computeSurvey(
          file,
          rules({ weight: "w", indicators, disaggregations: [sexColumn("sex")] }),
          lookups,
        );
        expect(weighted.problems).toEqual([]);
        const direct = (of: typeof rows) => {
          const counted = of.filter((r) => r.consent);
          const w = counted.reduce((a, r) => a + weightOf(r), 0);
          const w2 = counted.reduce((a, r) => a + weightOf(r) ** 2, 0);
          const wy = counted.reduce((a, r) => a + weightOf(r) * (r.yes ? 1 : 0), 0);
          const wx = counted.reduce((a, r) => a + weightOf(r) * r.rating, 0);
          return { w, n: (w * w) / w2, share: wy / w, mean: wx / w, count: counted.length };
        };
        const placeIds: Record<string, string> = { "PE-LIM": "lim", "PE-CAL": "cal" };
        const sexIds: Record<string, string> = { female: "f", male: "m" };
        // Each place and option: the stored figures are the direct ones, unrounded.
        for (const v of weighted.values) {
          const of = rows.filter(
            (r) => placeIds[r.place] === v.locationId && (v.optionId === null || sexIds[r.sex] === v.optionId),
          );
          const d = direct(of);
          closeTo(v.sampleSize, d.n);
          closeTo(v.weightSum, d.w);
          if (v.indicator === "YES") closeTo((v.numerator ?? 0) / (v.denominator ?? 0), d.share);
          else closeTo(v.value, d.mean);
        }
        // Pooled across places by the engine: the direct figures of all the rows, and the same interval.
        for (const [code, measure] of [
          ["YES", "PERCENTAGE"],
          ["SCORE", "MEAN"],
        ] as const) {
          const totals = weighted.values.filter((v) => v.indicator === code && v.optionId === null);
          if (totals.length === 0) continue;
          const pooled = combine(measure, totals.map(storedPartial));
          const d = direct(rows);
          closeTo(pooled.sampleSize, d.n);
          if (measure === "MEAN") closeTo(pooled.value, d.mean);
          else {
            closeTo(pooled.value, d.share * 100);
            const interval = wilsonInterval(d.share * d.n, d.n);
            const engine = wilsonInterval(
              ((pooled.numerator ?? 0) / (pooled.denominator ?? 1)) * (pooled.sampleSize ?? 0),
              pooled.sampleSize ?? 0,
            );
            closeTo(engine?.low, interval?.low ?? Number.NaN);
            closeTo(engine?.high, interval?.high ?? Number.NaN);
          }
        }
        // Every weight 1: exactly the unweighted figures (whole numbers, n the count of rows).
        if (unit) {
          const plain = computeSurvey(file, rules({ indicators, disaggregations: [sexColumn("sex")] }), lookups);
          const figures = (o: typeof plain) =>
            o.values.map(({ value, numerator, denominator, sampleSize }) => ({
              value,
              numerator,
              denominator,
              sampleSize,
            }));
          expect(figures(weighted)).toEqual(figures(plain));
        }
      }),
      { numRuns: 150 },
    );
  },
);

test("one place for the whole file (a form with no place question); a place not in the project is refused", async () => {
  const file = await survey(["item,condition", "stove,good", "tank,broken", "pump,good"]);
  const inventory = (placeId: string) =>
    computeSurvey(
      file,
      rules({ place: undefined, placeId, indicators: [{ indicator: "HH", kind: "count" }] }),
      lookups,
    );
  expect(figuresOf(inventory("cal"))).toEqual({ "HH PE-CAL": { value: 3 } });
  expect(inventory("elsewhere").problems.map((p) => `${p.code} ${p.detail}`)).toEqual(["unknownPlace elsewhere"]);
  expect(
    surveyRulesSchema.safeParse({ roundId: "mid", indicators: [{ indicator: "HH", kind: "count" }] }).error?.issues,
  ).toMatchObject([{ path: ["place"], message: "required" }]);
});

test("a round chosen for the whole file wins over a date column, whose dates are then not read", async () => {
  const file = await survey(["region,today,rating", "PE-LIM,2021-07-01,4", "PE-LIM,not a date,2"]);
  const outcome = computeSurvey(
    file,
    rules({ date: "today", roundId: "mid", indicators: [{ indicator: "SCORE", kind: "mean", question: "rating" }] }),
    lookups,
  );
  expect(outcome.problems).toEqual([]);
  expect(outcome.values.map((v) => [v.roundId, v.value])).toEqual([["mid", 3]]);
});

test("the round from a date column, age bands from option names; every problem named by row and column", async () => {
  const file = await survey([
    "region,today,age,rating",
    "PE-LIM,2021-05-10,34,4",
    "PE-LIM,2021-05-11,12,2",
    "PE-XX,2021-05-11,40,3",
    "PE-CAL,2021-07-01,40,3",
    "PE-CAL,2021-05-20,forty,x",
  ]);
  const bands = ["0-17", "18+"].map((option) => ({ option, ...bandFromName(option) }));
  const outcome = computeSurvey(
    file,
    rules({
      roundId: undefined,
      date: "today",
      disaggregations: [{ dimension: "age", column: "age", bands }],
      indicators: [{ indicator: "SCORE", kind: "mean", question: "rating" }],
    }),
    lookups,
  );
  expect(outcome.problems.map((p) => `${p.row} ${p.column} ${p.code} ${p.detail}`)).toEqual([
    "4 region unknownPlace PE-XX",
    "5 today noRoundForDate 2021-07-01",
    "6 rating notANumber x",
  ]);
  expect(figuresOf(outcome)).toEqual({
    "SCORE PE-LIM": { value: 3, sampleSize: 2 },
    "SCORE PE-LIM 18+": { value: 4, sampleSize: 1 },
    "SCORE PE-LIM 0-17": { value: 2, sampleSize: 1 },
  });
});

test("validation statuses: which count is a choice; none counted is said, not zero", async () => {
  const file = await survey([
    "region,_validation_status",
    "PE-LIM,{}",
    "PE-LIM,",
    'PE-CAL,"{""uid"":""validation_status_not_approved""}"',
  ]);
  const count = [{ indicator: "HH", kind: "count" }];
  const none = computeSurvey(file, rules({ indicators: count }), lookups);
  expect(none.values).toEqual([]);
  expect(none.problems.map((p) => p.code)).toEqual(["noneCounted"]);
  expect(none.statuses).toEqual({ approved: 0, notValidated: 2, onHold: 0, notApproved: 1 });
  const all = computeSurvey(file, rules({ indicators: count, statuses: ["approved", "notValidated"] }), lookups);
  expect(figuresOf(all)).toEqual({ "HH PE-LIM": { value: 2 } });
  expect(all.leftOut.map((l) => l.reason)).toEqual(["status"]);
});

test("rules that do not fit: unknown indicator, a kind for another measure, a missing column, a broken condition", async () => {
  const file = await survey(["region,q5", "PE-LIM,yes"]);
  const outcome = computeSurvey(
    file,
    rules({
      indicators: [
        { indicator: "NOPE", kind: "count" },
        { indicator: "SCORE", kind: "count" },
        { indicator: "YES", kind: "share", condition: "q9 = yes" },
        { indicator: "HH", kind: "countWhere", condition: "q5 yes" },
      ],
    }),
    lookups,
  );
  expect(outcome.problems.map((p) => `${p.indicator} ${p.code} ${p.detail ?? ""}`.trim())).toEqual([
    "NOPE unknownIndicator NOPE",
    "SCORE kindNotForMeasure MEAN",
    "YES columnMissing q9",
    "HH badCondition q5 yes",
  ]);
  expect(statusOf("validation_status_on_hold")).toBe("onHold");
});

test("KoboToolbox's transportation export: one submission whose True/False choice columns and skipped questions read as answers", async () => {
  const file = await csvFile(fixture("kobo-transportation-export.csv"));
  expect(file.tables.map((t) => [t.name, t.rows.length])).toEqual([["submissions", 1]]);
  const [row] = file.tables[0]?.rows ?? [];
  const answer = (column: string) => (row ? answerOf(row, resolveColumn(file, "submissions", column) ?? column) : "");
  const holds = (text: string) => {
    const parsed = parseCondition(text);
    return parsed.ok && conditionHolds(parsed.clauses, answer);
  };
  // A choice column by its last path segment; False reads as 0; "n/a" (skipped) as no answer.
  expect(holds("ambulance = 0")).toBe(true);
  expect(holds("ambulance = true")).toBe(false);
  expect(answer("available_transportation_types_to_referral_facility_other")).toBe("n/a");
  expect(holds('available_transportation_types_to_referral_facility_other = ""')).toBe(true);
  expect(statusOf(answer("_validation_status"))).toBe("notValidated");
});

test("an XLSForm gives each question's type, label (its first language) and choices; groups and notes are left out", async () => {
  const book = new ExcelJS.Workbook();
  const survey = book.addWorksheet("survey");
  survey.addRow(["type", "name", "label::English (en)", "label::Español (es)"]);
  survey.addRow(["begin_group", "protection", "Protection", "Protección"]);
  survey.addRow(["select_one yes_no", "accessed_service", "Did you access a service?", "¿Accedió a un servicio?"]);
  survey.addRow(["note", "thanks", "Thank you", "Gracias"]);
  survey.addRow(["integer", "integration_score", "Integration (1-5)", "Integración (1-5)"]);
  survey.addRow(["end_group", "", "", ""]);
  const choices = book.addWorksheet("choices");
  choices.addRow(["list_name", "name", "label::English (en)"]);
  choices.addRow(["yes_no", "yes", "Yes"]);
  choices.addRow(["yes_no", "no", "No"]);
  const form = await readXlsForm(new Uint8Array(await book.xlsx.writeBuffer()));
  expect([...form.values()]).toEqual([
    {
      name: "accessed_service",
      type: "select_one",
      label: "Did you access a service?",
      choices: [
        { name: "yes", label: "Yes" },
        { name: "no", label: "No" },
      ],
    },
    { name: "integration_score", type: "integer", label: "Integration (1-5)", choices: [] },
  ]);
});

test("the place from a geopoint answer: the place whose outline holds it; a point outside every outline is named", async () => {
  const file = await survey([
    "location,_validation_status",
    "-12.0453 -77.0302 154.2 5,Approved",
    "-12.0565 -77.1181 10 4,Approved",
    "-12.0453 -77.0302,Approved",
    "PE-CAL,Approved",
    "-0.1807 -78.4678 2850 5,Approved",
    "12;5,Approved",
  ]);
  // Callao lies west of -77.1 here, Lima east of it (the outlines themselves are tested in lib/maps).
  const placeAt = ([lon, lat]: [number, number]) => (lat > -13 && lat < -11 ? (lon < -77.1 ? "cal" : "lim") : null);
  const hh = rules({ place: "location", indicators: [{ indicator: "HH", kind: "count" }] });
  const outcome = computeSurvey(file, hh, { ...lookups, placeAt });
  expect(figuresOf(outcome)).toEqual({ "HH PE-LIM": { value: 2 }, "HH PE-CAL": { value: 2 } });
  expect(outcome.problems.map((p) => `${p.row} ${p.column} ${p.code} ${p.detail}`)).toEqual([
    "6 location pointOutsidePlaces -0.1807 -78.4678 2850 5",
    "7 location unknownPlace 12;5",
  ]);
  // Without outlines a point cannot be placed, and the problem says so.
  const none = computeSurvey(file, hh, lookups);
  expect(none.problems.filter((p) => p.code === "pointWithoutOutlines").map((p) => p.row)).toEqual([2, 3, 4, 6]);
});
