// The demo's population figures (#34, reach against need). Honduras's come from the program documents
// (DOCUMENT): the context analysis of humanitarian needs under food insecurity cites UTSAN's IPC (CIF)
// analysis, "from December 2020 to March 2021 at least 2.9 million people (31% of the population
// analysed) are in crisis or worse, Phase 3 or above", and OCHA's estimate of April 2020, "at least 1.3
// million people with immediate humanitarian needs". The documents give none for the demo projects'
// places: Peru's and Bosnia and Herzegovina's are ILLUSTRATIVE (and say so in their source), Serbia,
// Montenegro, Nepal, India and Bangladesh have none, so the roll-up shows a group without a figure.
import type { Tx } from "@/lib/platform/db";

type DemoFigure = {
  place: string;
  kind: "PEOPLE_IN_NEED" | "POPULATION";
  value: number;
  sharePercent?: number;
  from: string;
  to: string;
  source: string;
  provenance: "DOCUMENT" | "ILLUSTRATIVE";
};

const illustrative = "Illustrative demo figure (not from a document)";

export const demoPopulation: DemoFigure[] = [
  {
    place: "HN",
    kind: "PEOPLE_IN_NEED",
    value: 1_300_000,
    from: "2020-04-01",
    to: "2020-04-30",
    source: "OCHA estimate of people with immediate humanitarian needs, cited in CARE's context analysis (Honduras)",
    provenance: "DOCUMENT",
  },
  {
    place: "HN",
    kind: "PEOPLE_IN_NEED",
    value: 2_900_000,
    sharePercent: 31,
    from: "2020-12-01",
    to: "2021-03-31",
    source: "UTSAN, IPC (CIF) acute food insecurity analysis, Phase 3 or worse",
    provenance: "DOCUMENT",
  },
  {
    place: "PE",
    kind: "PEOPLE_IN_NEED",
    value: 1_200_000,
    from: "2021-01-01",
    to: "2021-12-31",
    source: `${illustrative}: Venezuelan refugees and migrants in need in Peru`,
    provenance: "ILLUSTRATIVE",
  },
  ...(
    [
      ["PE-LIM", 780_000],
      ["PE-CAL", 90_000],
      ["PE-LAL", 110_000],
      ["PE-PIU", 60_000],
      ["PE-TUM", 25_000],
    ] as const
  ).map(
    ([place, value]): DemoFigure => ({
      place,
      kind: "PEOPLE_IN_NEED",
      value,
      from: "2021-01-01",
      to: "2021-12-31",
      source: `${illustrative}: Venezuelan refugees and migrants in need`,
      provenance: "ILLUSTRATIVE",
    }),
  ),
  {
    place: "BA",
    kind: "PEOPLE_IN_NEED",
    value: 76_000,
    from: "2020-01-01",
    to: "2020-12-31",
    source: `${illustrative}: Roma people in need of social inclusion services`,
    provenance: "ILLUSTRATIVE",
  },
];

/** Writes the demo's figures at their places (by ISO code), entered by no one in particular. */
export async function loadPopulation(tx: Tx) {
  for (const f of demoPopulation) {
    const place = await tx.location.findUniqueOrThrow({ where: { isoCode: f.place } });
    await tx.populationFigure.create({
      data: {
        locationId: place.id,
        kind: f.kind,
        value: f.value,
        sharePercent: f.sharePercent ?? null,
        periodStart: new Date(`${f.from}T00:00:00Z`),
        periodEnd: new Date(`${f.to}T00:00:00Z`),
        source: f.source,
      },
    });
  }
}
