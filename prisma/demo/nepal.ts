// Cross-border HIV and safe-mobility project in Nepal, India and Bangladesh, 2009–2014. The countries and
// the project's years come from the program documents; all figures are illustrative.
import { countResults, lopTargets, percentResults, percentTargets, periods, split } from "./helpers";
import type { DemoProject } from "./types";

const years = periods(2009, 1, 6, 12, 5);
const y = years.map((p) => p.label);
const byYear = () => "APPROVED" as const;

const reached = countResults(
  y,
  {
    NP: [2100, 4800, 5600, 6100, 5900, 5200],
    IN: [1800, 4100, 5200, 5800, 5600, 4900],
    BD: [900, 2200, 2900, 3300, 3100, 2800],
  },
  byYear,
);

export const nepal: DemoProject = {
  code: "SA-HIV-MOB",
  name: "Cross-border HIV prevention and safe mobility",
  summary:
    "HIV prevention information, testing referrals and safe-mobility help desks for migrants crossing between Nepal, India and Bangladesh.",
  donor: "Illustrative donor",
  partners: ["Migrant support organisations at border crossings"],
  startDate: "2009-01-01",
  endDate: "2014-12-31",
  reportingFrequency: "ANNUAL",
  languages: ["en"],
  sourceNote: "Countries and project years come from the program documents; all figures are illustrative.",
  locations: ["NP", "IN", "BD"],
  periods: years,
  rounds: [
    {
      key: "baseline",
      type: "BASELINE",
      name: "Baseline KAP survey",
      startDate: "2009-03-01",
      endDate: "2009-04-30",
      mode: "IN_PERSON",
      plannedSampleSize: 900,
      achievedSampleSize: 870,
    },
    {
      key: "midline",
      type: "MIDLINE",
      name: "Midline KAP survey",
      startDate: "2011-09-01",
      endDate: "2011-10-31",
      mode: "IN_PERSON",
      plannedSampleSize: 900,
      achievedSampleSize: 884,
    },
    {
      key: "endline",
      type: "ENDLINE",
      name: "Endline KAP survey",
      startDate: "2014-09-01",
      endDate: "2014-10-31",
      mode: "IN_PERSON",
      plannedSampleSize: 900,
      achievedSampleSize: 861,
    },
  ],
  nodes: [
    {
      code: "OC1",
      level: "OUTCOME",
      title: "Migrants know how to protect themselves from HIV and where to get tested",
      indicators: [
        {
          code: "OC1.1",
          title: "% of migrants who know where to get an HIV test",
          measure: "PERCENTAGE",
          unit: "%",
          source: "SURVEY",
          timeRule: "CUMULATIVE",
          baseline: { numerator: 226, denominator: 870, provenance: "ILLUSTRATIVE" },
          targets: [
            ...percentTargets("midline", { NP: [135, 300], IN: [135, 300], BD: [120, 300] }),
            ...percentTargets("endline", { NP: [180, 300], IN: [180, 300], BD: [165, 300] }),
          ],
          results: [
            ...percentResults("baseline", { NP: [84, 295], IN: [79, 290], BD: [63, 285] }, "APPROVED"),
            ...percentResults("midline", { NP: [131, 298], IN: [118, 296], BD: [97, 290] }, "APPROVED"),
            ...percentResults("endline", { NP: [186, 290], IN: [171, 287], BD: [139, 284] }, "APPROVED"),
          ],
        },
      ],
    },
    {
      code: "OP1",
      level: "OUTPUT",
      parent: "OC1",
      title: "HIV prevention information and safe-mobility services reach migrants",
      indicators: [
        {
          code: "OP1.1",
          title: "Number of migrants reached with HIV prevention information",
          measure: "COUNT",
          unit: "people",
          dimensions: ["sex"],
          targets: lopTargets({ NP: 30000, IN: 28000, BD: 16000 }),
          results: [...reached, ...reached.flatMap((r) => split(r, "sex", { female: 0.34, male: 0.66 }))],
        },
        {
          code: "OP1.2",
          title: "Number of safe-mobility help desks operating at border crossings",
          measure: "COUNT",
          unit: "help desks",
          timeRule: "CUMULATIVE",
          targets: lopTargets({ NP: 8, IN: 6, BD: 4 }),
          results: countResults(y, { NP: [2, 4, 6, 7, 8, 8], IN: [1, 3, 4, 5, 6, 6], BD: [0, 1, 2, 3, 3, 4] }, byYear),
        },
      ],
    },
  ],
};
