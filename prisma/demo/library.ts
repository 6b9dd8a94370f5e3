// The demo's organisation indicator library (#34): standard indicators drawn from the demo projects,
// linked where a project reports one. No demo project counts GBV survivors referred: that library
// indicator is there for projects to link, and lists none.
import type { Tx } from "@/lib/platform/db";

type DemoLibraryIndicator = {
  code: string;
  nameEn: string;
  nameEs: string;
  definition: string;
  measure: "COUNT" | "PERCENTAGE";
  unit: string;
  dimensionKeys: string[];
  rollupRule: "SUM" | "RATIO";
  /** The project indicators that report it, by project and indicator code. */
  links: { project: string; indicator: string }[];
};

const demoLibrary: DemoLibraryIndicator[] = [
  {
    code: "ORG-REACH",
    nameEn: "People reached, by sex",
    nameEs: "Personas alcanzadas, por sexo",
    definition:
      "People who received at least one service or activity of the project in the period, counted once per period.",
    measure: "COUNT",
    unit: "people",
    dimensionKeys: ["sex"],
    rollupRule: "SUM",
    links: [
      { project: "PE-VEN-2021", indicator: "OP1.1.1" },
      { project: "WB-ROMA-W", indicator: "OC1.1" },
      { project: "SA-HIV-MOB", indicator: "OP1.1" },
    ],
  },
  {
    code: "ORG-PROTECTION",
    nameEn: "% of people accessing protection services",
    nameEs: "% de personas que acceden a servicios de protección",
    definition: "Share of surveyed people who accessed at least one protection service when they needed it.",
    measure: "PERCENTAGE",
    unit: "%",
    dimensionKeys: [],
    rollupRule: "RATIO",
    links: [{ project: "PE-VEN-2021", indicator: "G.1" }],
  },
  {
    code: "ORG-GBV-REFERRED",
    nameEn: "GBV survivors referred to services",
    nameEs: "Sobrevivientes de VBG derivadas a servicios",
    definition: "Survivors of gender-based violence referred to health, psychosocial, legal or protection services.",
    measure: "COUNT",
    unit: "people",
    dimensionKeys: ["sex"],
    rollupRule: "SUM",
    links: [],
  },
];

/** Writes the library and its links, each catalogue option mapped to the indicator's option of the same key. */
export async function loadLibrary(tx: Tx): Promise<void> {
  for (const { links, ...indicator } of demoLibrary) {
    const library = await tx.libraryIndicator.create({ data: indicator });
    for (const link of links) {
      const row = await tx.indicator.findFirstOrThrow({
        where: { code: link.indicator, project: { code: link.project } },
        include: { dimensions: { include: { dimension: { include: { options: true } } } } },
      });
      const options = indicator.dimensionKeys.flatMap((key) =>
        row.dimensions
          .filter((d) => d.dimension.key === key)
          .flatMap((d) =>
            d.dimension.options.map((o) => ({ dimensionKey: key, optionKey: o.key, projectOptionId: o.id })),
          ),
      );
      await tx.libraryLink.create({
        data: {
          indicatorId: row.id,
          projectId: row.projectId,
          libraryIndicatorId: library.id,
          options: { create: options },
        },
      });
    }
  }
}
