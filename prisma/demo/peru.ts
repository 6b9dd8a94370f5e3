// Venezuelan migrants and refugees in Peru. From the program documents: the five regions and the final
// evaluation by phone survey in Oct–Nov 2021. All figures are illustrative unless marked DOCUMENT.

import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import { countResults, lopTargets, percentResults, percentTargets, periods, split } from "./helpers";
import type { DemoProject } from "./types";

const quarters = periods(2020, 10, 5, 3, 2);
const q = quarters.map((p) => p.label);
// Two locked, approved quarters; the third approved; the fourth submitted for review; the fifth a draft.
const byQuarter = (i: number): ReviewStatus => (i < 3 ? "APPROVED" : i === 3 ? "SUBMITTED" : "DRAFT");

const legalOrientation = countResults(
  q,
  {
    "PE-TUM": [310, 420, 380, 360, 150],
    "PE-PIU": [180, 240, 260, 220, 90],
    "PE-LAL": [150, 210, 230, 200, 80],
    "PE-LIM": [620, 810, 760, 700, 300],
    "PE-CAL": [140, 190, 170, 160, 60],
  },
  byQuarter,
);

export const peru: DemoProject = {
  code: "PE-VEN-2021",
  name: "Protection and integration of Venezuelan migrants and refugees in Peru",
  summary:
    "Legal orientation, protection case management and integration support for Venezuelan migrants and refugees and their host communities in Tumbes, Piura, La Libertad, Lima and Callao.",
  donor: "U.S. Government / PRM",
  partners: ["Local protection networks", "Municipal ombudsman offices"],
  startDate: "2020-10-01",
  endDate: "2021-12-31",
  reportingFrequency: "QUARTERLY",
  languages: ["es", "en"],
  sourceNote:
    "Regions and the final evaluation (phone survey, October–November 2021) come from the project's program documents; all figures are illustrative.",
  locations: ["PE", "PE-TUM", "PE-PIU", "PE-LAL", "PE-LIM", "PE-CAL"],
  periods: quarters,
  rounds: [
    {
      key: "baseline",
      type: "BASELINE",
      name: "Baseline survey",
      startDate: "2020-11-02",
      endDate: "2020-11-27",
      mode: "PHONE",
      plannedSampleSize: 400,
      achievedSampleSize: 380,
      notes: "Illustrative round.",
    },
    {
      key: "endline",
      type: "ENDLINE",
      name: "Final evaluation",
      startDate: "2021-10-04",
      endDate: "2021-11-26",
      mode: "PHONE",
      plannedSampleSize: 400,
      achievedSampleSize: 372,
      notes: "Phone survey (program documents). Unanswered calls were replaced from the reserve list.",
    },
  ],
  nodes: [
    {
      code: "G",
      level: "IMPACT",
      title: "Venezuelan migrants and refugees in Peru exercise their rights and live in safety",
      indicators: [
        {
          code: "G.1",
          title: "% of surveyed people who accessed at least one protection service when they needed it",
          measure: "PERCENTAGE",
          unit: "%",
          source: "SURVEY",
          timeRule: "CUMULATIVE",
          dimensions: ["sex"],
          baseline: { numerator: 141, denominator: 380, provenance: "ILLUSTRATIVE" },
          meansOfVerification: "Baseline and final evaluation phone surveys",
          targets: percentTargets("endline", {
            "PE-TUM": [48, 80],
            "PE-PIU": [48, 80],
            "PE-LAL": [48, 80],
            "PE-LIM": [48, 80],
            "PE-CAL": [48, 80],
          }),
          results: [
            ...percentResults(
              "baseline",
              { "PE-TUM": [30, 78], "PE-PIU": [27, 75], "PE-LAL": [26, 74], "PE-LIM": [33, 79], "PE-CAL": [25, 74] },
              "APPROVED",
            ),
            ...percentResults(
              "endline",
              { "PE-TUM": [49, 76], "PE-PIU": [41, 74], "PE-LAL": [36, 73], "PE-LIM": [52, 76], "PE-CAL": [44, 73] },
              "APPROVED",
            ),
          ],
        },
      ],
    },
    {
      code: "OC1",
      level: "OUTCOME",
      parent: "G",
      title: "Improved access to legal protection and regular migratory status",
      indicators: [
        {
          code: "OC1.1",
          title: "% of surveyed people with a regular migratory status or a pending application",
          measure: "PERCENTAGE",
          unit: "%",
          source: "SURVEY",
          timeRule: "CUMULATIVE",
          baseline: { numerator: 160, denominator: 380, provenance: "ILLUSTRATIVE" },
          meansOfVerification: "Final evaluation phone survey",
          targets: percentTargets("endline", {
            "PE-TUM": [52, 80],
            "PE-PIU": [48, 80],
            "PE-LAL": [48, 80],
            "PE-LIM": [56, 80],
            "PE-CAL": [52, 80],
          }),
          results: percentResults(
            "endline",
            { "PE-TUM": [47, 76], "PE-PIU": [40, 74], "PE-LAL": [45, 73], "PE-LIM": [58, 76], "PE-CAL": [46, 73] },
            "APPROVED",
          ),
        },
        {
          code: "OC1.2",
          title: "Mean score of perceived social integration (1–5)",
          measure: "MEAN",
          unit: "score",
          source: "SURVEY",
          timeRule: "CUMULATIVE",
          baseline: { value: 2.6, sampleSize: 380, provenance: "ILLUSTRATIVE" },
          targets: [{ when: "endline", value: 3.2, provenance: "ILLUSTRATIVE" }],
          results: [
            {
              when: "endline",
              location: "PE-TUM",
              value: 3.1,
              sampleSize: 76,
              status: "APPROVED",
              provenance: "ILLUSTRATIVE",
            },
            {
              when: "endline",
              location: "PE-PIU",
              value: 2.9,
              sampleSize: 74,
              status: "APPROVED",
              provenance: "ILLUSTRATIVE",
            },
            {
              when: "endline",
              location: "PE-LAL",
              value: 2.8,
              sampleSize: 73,
              status: "APPROVED",
              provenance: "ILLUSTRATIVE",
            },
            {
              when: "endline",
              location: "PE-LIM",
              value: 3.4,
              sampleSize: 76,
              status: "APPROVED",
              provenance: "ILLUSTRATIVE",
            },
            {
              when: "endline",
              location: "PE-CAL",
              value: 3.0,
              sampleSize: 73,
              status: "SUBMITTED",
              provenance: "ILLUSTRATIVE",
            },
          ],
        },
      ],
    },
    {
      code: "OP1.1",
      level: "OUTPUT",
      parent: "OC1",
      title: "Legal orientation and protection case management provided",
      indicators: [
        {
          code: "OP1.1.1",
          title: "Number of people who received legal orientation",
          measure: "COUNT",
          unit: "people",
          source: "MONITORING",
          timeRule: "NON_CUMULATIVE",
          dimensions: ["sex", "nationality"],
          baseline: { value: 0, provenance: "ILLUSTRATIVE" },
          meansOfVerification: "Attendance lists and case files",
          targets: lopTargets({ "PE-TUM": 1800, "PE-PIU": 1100, "PE-LAL": 950, "PE-LIM": 3600, "PE-CAL": 800 }),
          results: [
            ...legalOrientation,
            ...legalOrientation
              .filter((r) => r.status === "APPROVED")
              .flatMap((r) => split(r, "sex", { female: 0.58, male: 0.42 }, r.location === "PE-LIM" ? 25 : 0)),
          ],
        },
        {
          code: "OP1.1.2",
          title: "Number of community protection networks active",
          measure: "COUNT",
          unit: "networks",
          source: "MONITORING",
          timeRule: "CUMULATIVE",
          baseline: { value: 2, provenance: "ILLUSTRATIVE" },
          targets: lopTargets({ "PE-TUM": 4, "PE-PIU": 3, "PE-LAL": 3, "PE-LIM": 6, "PE-CAL": 2 }),
          results: countResults(
            q,
            {
              "PE-TUM": [1, 2, 3, 4, 4],
              "PE-PIU": [1, 1, 2, 2, 3],
              "PE-LAL": [0, 1, 2, 2, null],
              "PE-LIM": [2, 3, 4, 5, 6],
              "PE-CAL": [0, 1, 1, 2, null],
            },
            byQuarter,
          ),
        },
        {
          code: "OP1.1.3",
          title: "Coordination with local authorities on protection referrals",
          measure: "QUALITATIVE",
          source: "MONITORING",
          targets: [
            {
              when: "lop",
              text: "Referral protocol agreed with authorities in all five regions",
              provenance: "ILLUSTRATIVE",
            },
          ],
          results: [
            {
              when: q[2] ?? "",
              location: "PE-TUM",
              text: "Referral protocol signed with the regional ombudsman office.",
              status: "APPROVED",
              provenance: "ILLUSTRATIVE",
            },
          ],
        },
      ],
    },
  ],
};
