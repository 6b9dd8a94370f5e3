// What a project's setup shows of the indicator library (#34), for someone who may edit the project (null
// for anyone else, so the page answers 404): an indicator's current link, and the library indicators to
// link it to, those that fit first and the others with the link check's reason, each with its required
// catalogue options and the indicator's option proposed for each (the current mapping, else the option
// of the same key).
import "server-only";
import { localizeDimension } from "@/lib/domain/catalogue/names";
import type { Locale } from "@/lib/domain/i18n/config";
import { type CatalogueOptions, linkProblems, proposedMappings } from "@/lib/domain/library/link-check";
import { can, type Principal } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { usableDimensions } from "@/lib/server/catalogue/dimensions";

const nameIn = (locale: Locale, l: { nameEn: string; nameEs: string }) => (locale === "es" ? l.nameEs : l.nameEn);

/** The library's live indicators and the shared catalogue's dimensions they require, in the reader's language. */
async function libraryWithCatalogue(locale: Locale) {
  const library = await db().libraryIndicator.findMany({ where: { archivedAt: null }, orderBy: { code: "asc" } });
  const keys = [...new Set(library.flatMap((l) => l.dimensionKeys))];
  const catalogue = new Map(
    [...(await usableDimensions(db(), null, keys)).entries()].map(([key, d]) => [key, localizeDimension(d, locale)]),
  );
  return { library, catalogue };
}

/** The library as the "Add from the library" form offers it. */
export async function libraryChoices(principal: Principal, projectId: string, locale: Locale) {
  if (!can(principal, "project.edit", projectId)) return null;
  const { library } = await libraryWithCatalogue(locale);
  return library.map((l) => ({ id: l.id, code: l.code, name: nameIn(locale, l), measure: l.measure, unit: l.unit }));
}

/** One indicator's link and the choices of its link form. */
export async function indicatorLinkSetup(principal: Principal, projectId: string, indicatorId: string, locale: Locale) {
  if (!can(principal, "project.edit", projectId)) return null;
  const [indicator, { library, catalogue }] = await Promise.all([
    db().indicator.findFirst({
      where: { id: indicatorId, projectId },
      include: {
        dimensions: { include: { dimension: { include: { options: { orderBy: { sortOrder: "asc" } } } } } },
        libraryLink: { include: { libraryIndicator: true, options: true } },
      },
    }),
    libraryWithCatalogue(locale),
  ]);
  if (!indicator) return null;
  const dimensions = indicator.dimensions.map((d) => localizeDimension(d.dimension, locale));
  const options = dimensions.flatMap((d) => d.options.map((o) => ({ id: o.id, key: o.key, dimensionKey: d.key })));
  const optionName = new Map(dimensions.flatMap((d) => d.options.map((o) => [o.id, `${d.name}: ${o.name}`])));
  const link = indicator.libraryLink;
  const choices = library.map((l) => {
    const required: CatalogueOptions = Object.fromEntries(
      l.dimensionKeys.map((k) => [k, (catalogue.get(k)?.options ?? []).map((o) => o.key)]),
    );
    const proposed =
      link?.libraryIndicatorId === l.id ? link.options : proposedMappings(l.dimensionKeys, required, options);
    // The measure and unit only: the options are the form's to map.
    const problem = linkProblems(
      { measure: l.measure, unit: l.unit, dimensionKeys: [], archived: false },
      { measure: indicator.measure, unit: indicator.unit, archived: false, options: [] },
      {},
      [],
    )[0];
    return {
      id: l.id,
      code: l.code,
      name: nameIn(locale, l),
      measure: l.measure,
      unit: l.unit,
      problem: problem?.code ?? null,
      dimensions: l.dimensionKeys.map((key) => ({
        key,
        name: catalogue.get(key)?.name ?? key,
        options: (catalogue.get(key)?.options ?? []).map((o) => ({
          key: o.key,
          name: o.name,
          proposed: proposed.find((m) => m.dimensionKey === key && m.optionKey === o.key)?.projectOptionId ?? "",
        })),
      })),
    };
  });
  choices.sort((a, b) => Number(a.problem !== null) - Number(b.problem !== null) || a.code.localeCompare(b.code));
  return {
    current: link && {
      id: link.libraryIndicatorId,
      code: link.libraryIndicator.code,
      name: nameIn(locale, link.libraryIndicator),
      options: link.options.map((o) => ({
        dimensionKey: o.dimensionKey,
        optionKey: o.optionKey,
        option: optionName.get(o.projectOptionId) ?? o.projectOptionId,
      })),
    },
    choices,
    dimensions: dimensions.map((d) => ({
      key: d.key,
      name: d.name,
      options: d.options.map((o) => ({ id: o.id, name: o.name })),
    })),
  };
}

export type IndicatorLinkSetup = NonNullable<Awaited<ReturnType<typeof indicatorLinkSetup>>>;
export type LibraryChoice = NonNullable<Awaited<ReturnType<typeof libraryChoices>>>[number];
