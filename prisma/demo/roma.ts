// Roma women's inclusion in Bosnia and Herzegovina, Serbia and Montenegro. From the program documents:
// 26,150 direct participants (85% Roma, over 60% women and girls), 20,000 people reached through
// promotional activities, about 78,000 final beneficiaries, four outputs, disaggregation by sex, age and
// ethnicity. Those targets are marked DOCUMENT; country splits, dates and achieved figures are illustrative.

import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import { countResults, lopTargets, periods, split } from "./helpers";
import type { DemoProject, DemoResult } from "./types";

const halves = periods(2020, 1, 6, 6, 2);
const h = halves.map((p) => p.label);
const byHalf = (i: number): ReviewStatus => (i < 4 ? "APPROVED" : i === 4 ? "SUBMITTED" : "DRAFT");

const participants = countResults(
  h,
  {
    BA: [1150, 1620, 1480, 1390, 1210, 600],
    RS: [1540, 2110, 1960, 1830, 1500, 700],
    ME: [790, 1100, 1030, 980, 820, 400],
  },
  byHalf,
);

/** Approved totals split by sex, age and ethnicity; a few participants' ethnicity was not recorded. */
const participantsByOption: DemoResult[] = participants
  .filter((r) => r.status === "APPROVED")
  .flatMap((r) => [
    ...split(r, "sex", { female: 0.63, male: 0.37 }),
    ...split(r, "age", { "0-17": 0.31, "18-59": 0.61, "60+": 0.08 }),
    ...split(r, "ethnicity", { roma: 0.86, "non-roma": 0.14 }, r.location === "RS" ? 40 : 0),
  ]);

export const roma: DemoProject = {
  code: "WB-ROMA-W",
  name: "Inclusion of Roma women and girls in the Western Balkans",
  summary:
    "Education, employment, health and participation support for Roma women and girls and their communities in Bosnia and Herzegovina, Serbia and Montenegro.",
  donor: "European Union",
  partners: ["Roma women's organisations in the three countries"],
  startDate: "2020-01-01",
  endDate: "2022-12-31",
  reportingFrequency: "SEMIANNUAL",
  languages: ["en"],
  sourceNote:
    "Targets of 26,150 direct participants (85% Roma, over 60% women and girls), 20,000 reached through promotional activities and about 78,000 final beneficiaries come from the program documents; everything else is illustrative.",
  locations: ["BA", "RS", "ME"],
  periods: halves,
  rounds: [
    {
      key: "baseline",
      type: "BASELINE",
      name: "Baseline survey of participating women",
      startDate: "2020-02-03",
      endDate: "2020-03-13",
      mode: "IN_PERSON",
      plannedSampleSize: 600,
      achievedSampleSize: 588,
    },
    {
      key: "midline",
      type: "MIDLINE",
      name: "Midline survey",
      startDate: "2021-05-03",
      endDate: "2021-06-11",
      mode: "MIXED",
      plannedSampleSize: 600,
      achievedSampleSize: 540,
      notes: "Part of the fieldwork moved to phone interviews because of COVID-19 restrictions.",
    },
  ],
  nodes: [
    {
      code: "G",
      level: "IMPACT",
      title: "Roma women and girls are included in the social and economic life of their communities",
      indicators: [
        {
          code: "G.1",
          title: "Number of final beneficiaries",
          measure: "COUNT",
          unit: "people",
          timeRule: "CUMULATIVE",
          definition: "Family and community members who benefit indirectly from the project's activities.",
          targets: [{ when: "lop", value: 78000, provenance: "DOCUMENT", note: "About 78,000 final beneficiaries" }],
          results: countResults(
            h,
            {
              BA: [4200, 9800, 15100, 20300, null, null],
              RS: [5600, 13200, 20400, 27500, null, null],
              ME: [2900, 6700, 10300, 13900, null, null],
            },
            byHalf,
          ),
        },
      ],
    },
    {
      code: "OC1",
      level: "OUTCOME",
      parent: "G",
      title: "Roma women and girls take part in education, employment, health and community life",
      indicators: [
        {
          code: "OC1.1",
          title: "Number of direct participants",
          measure: "COUNT",
          unit: "people",
          timeRule: "NON_CUMULATIVE",
          dimensions: ["sex", "age", "ethnicity"],
          baseline: { value: 0, provenance: "ILLUSTRATIVE" },
          meansOfVerification: "Participant registers",
          targets: [
            { when: "lop", value: 26150, provenance: "DOCUMENT", note: "26,150 direct participants" },
            ...lopTargets({ BA: 8700, RS: 11450, ME: 6000 }),
          ],
          results: [...participants, ...participantsByOption],
        },
        {
          code: "OC1.2",
          title: "% of direct participants who are Roma",
          measure: "PERCENTAGE",
          unit: "%",
          composedFrom: "OC1.1:ethnicity:roma",
          targets: [{ when: "lop", value: 85, provenance: "DOCUMENT", note: "85% Roma" }],
          results: [],
        },
        {
          code: "OC1.3",
          title: "% of direct participants who are women and girls",
          measure: "PERCENTAGE",
          unit: "%",
          composedFrom: "OC1.1:sex:female",
          targets: [{ when: "lop", value: 60, provenance: "DOCUMENT", note: "Over 60% women and girls" }],
          results: [],
        },
        {
          code: "OC1.4",
          title: "Mean self-reported confidence score of participating women (1–10)",
          measure: "MEAN",
          unit: "score",
          source: "SURVEY",
          timeRule: "CUMULATIVE",
          baseline: { value: 4.1, sampleSize: 588, provenance: "ILLUSTRATIVE" },
          targets: [{ when: "midline", value: 5.5, provenance: "ILLUSTRATIVE" }],
          results: [
            {
              when: "midline",
              location: "BA",
              value: 5.2,
              sampleSize: 180,
              status: "APPROVED",
              provenance: "ILLUSTRATIVE",
            },
            {
              when: "midline",
              location: "RS",
              value: 5.8,
              sampleSize: 230,
              status: "APPROVED",
              provenance: "ILLUSTRATIVE",
            },
            {
              when: "midline",
              location: "ME",
              value: 4.9,
              sampleSize: 130,
              status: "APPROVED",
              provenance: "ILLUSTRATIVE",
            },
          ],
        },
      ],
    },
    {
      code: "OP1",
      level: "OUTPUT",
      parent: "OC1",
      title: "Output 1: access to education and employment",
      indicators: [
        {
          code: "OP1.1",
          title: "Number of women and girls enrolled in education or vocational training",
          measure: "COUNT",
          unit: "people",
          dimensions: ["age"],
          targets: lopTargets({ BA: 900, RS: 1200, ME: 600 }),
          results: countResults(
            h,
            {
              BA: [80, 190, 210, 180, 150, null],
              RS: [120, 260, 280, 240, 200, null],
              ME: [40, 110, 120, 100, null, null],
            },
            byHalf,
          ),
        },
      ],
    },
    {
      code: "OP2",
      level: "OUTPUT",
      parent: "OC1",
      title: "Output 2: access to health and social services",
      indicators: [
        {
          code: "OP2.1",
          title: "Number of women referred to health or social services",
          measure: "COUNT",
          unit: "people",
          targets: lopTargets({ BA: 1500, RS: 2000, ME: 900 }),
          results: countResults(
            h,
            {
              BA: [150, 260, 300, 280, null, null],
              RS: [210, 390, 420, 360, null, null],
              ME: [60, 140, 150, 160, null, null],
            },
            byHalf,
          ),
        },
      ],
    },
    {
      code: "OP3",
      level: "OUTPUT",
      parent: "OC1",
      title: "Output 3: participation in local decision-making",
      indicators: [
        {
          code: "OP3.1",
          title: "Local action plans for Roma inclusion adopted with participation of Roma women",
          measure: "QUALITATIVE",
          targets: [
            { when: "lop", text: "One action plan adopted per participating municipality", provenance: "ILLUSTRATIVE" },
          ],
          results: [
            {
              when: h[3] ?? "",
              location: "ME",
              text: "Action plans adopted in two municipalities.",
              status: "APPROVED",
              provenance: "ILLUSTRATIVE",
            },
          ],
        },
      ],
    },
    {
      code: "OP4",
      level: "OUTPUT",
      parent: "OC1",
      title: "Output 4: promotion and awareness",
      indicators: [
        {
          code: "OP4.1",
          title: "Number of people reached through promotional activities",
          measure: "COUNT",
          unit: "people",
          targets: [
            {
              when: "lop",
              value: 20000,
              provenance: "DOCUMENT",
              note: "20,000 reached through promotional activities",
            },
            ...lopTargets({ BA: 6500, RS: 9000, ME: 4500 }),
          ],
          results: countResults(
            h,
            {
              BA: [700, 1400, 1650, 1500, null, null],
              RS: [1000, 2100, 2300, 2050, null, null],
              ME: [420, 900, 1000, 950, null, null],
            },
            byHalf,
          ),
        },
      ],
    },
  ],
};
