// The organisation's indicator library (#34): which roll-up rule fits a measure, whether two units are
// the same, and whether a project's indicator may report a library indicator (same measure, compatible
// unit, every required catalogue option mapped explicitly to one of the indicator's own options).
// Pure: the services read the rows and refuse with what this returns.

import type { Measure } from "@/lib/domain/engine/types";
import { addsUp, isRatio } from "@/lib/domain/measures";

export type RollupRule = "SUM" | "RATIO" | "NONE";

/** The rules a library indicator of this measure may have: counts add up, rates pool their counts, others stay per project. */
export function rollupRulesFor(measure: Measure): RollupRule[] {
  if (addsUp(measure)) return ["SUM", "NONE"];
  if (isRatio(measure)) return ["RATIO", "NONE"];
  return ["NONE"];
}

/** The rule a new library indicator of this measure gets unless one is chosen. */
export const defaultRollupRule = (measure: Measure): RollupRule => rollupRulesFor(measure)[0] ?? "NONE";

/** Words for one unit, each group one unit (people are persons are personas). */
const unitGroups = [
  ["people", "persons", "person", "individuals", "personas", "personas atendidas"],
  ["%", "percent", "percentage", "porcentaje", "por ciento"],
  ["households", "household", "hogares", "hogar"],
];

const normalUnit = (unit: string) =>
  unit
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim()
    .replace(/\s+/g, " ");

/**
 * Whether a project's unit says the same as the library's: equal once case, accents and spaces are set
 * aside, or words of one group; a library indicator without a unit takes any, and a rate's percent sign
 * may be left out.
 */
export function unitsCompatible(libraryUnit: string, indicatorUnit: string, measure: Measure): boolean {
  const a = normalUnit(libraryUnit);
  const b = normalUnit(indicatorUnit);
  if (a === "" || a === b) return true;
  const group = (u: string) => unitGroups.findIndex((g) => g.includes(u));
  if (group(a) >= 0 && group(a) === group(b)) return true;
  return isRatio(measure) && group(a) === 1 && b === "";
}

export type LibrarySpec = { measure: Measure; unit: string; dimensionKeys: string[]; archived: boolean };

/** The project indicator as a link sees it: its measure and unit, and the options of its dimensions (with their keys). */
export type LinkedIndicatorSpec = {
  measure: Measure;
  unit: string;
  archived: boolean;
  options: { id: string; dimensionId: string; dimensionKey: string }[];
};

/** The shared catalogue's options of each dimension key the library requires. */
export type CatalogueOptions = Record<string, string[]>;

export type OptionMapping = { dimensionKey: string; optionKey: string; projectOptionId: string };

/** A refusal of a link: the form's field and the message key (library.errors). */
export type LinkProblem = { field: string; code: string };

/**
 * Everything wrong with linking the indicator to the library indicator with these option mappings;
 * none when the link may be made. Each required catalogue option must be mapped to exactly one option
 * of the indicator, the options of one dimension key to options of one of the indicator's dimensions of
 * that key (the project's own or the catalogue's: a project's own "sex" may name its options otherwise),
 * never two to the same option; mappings of dimensions the library does not require are refused.
 */
export function linkProblems(
  library: LibrarySpec,
  indicator: LinkedIndicatorSpec,
  catalogue: CatalogueOptions,
  mappings: OptionMapping[],
): LinkProblem[] {
  const problems: LinkProblem[] = [];
  if (library.archived) problems.push({ field: "libraryIndicatorId", code: "libraryArchived" });
  if (indicator.archived) problems.push({ field: "indicatorId", code: "indicatorArchived" });
  if (library.measure !== indicator.measure) problems.push({ field: "indicatorId", code: "measureDiffers" });
  else if (!unitsCompatible(library.unit, indicator.unit, indicator.measure))
    problems.push({ field: "indicatorId", code: "unitDiffers" });
  const optionOf = new Map(indicator.options.map((o) => [o.id, o]));
  const used = new Set<string>();
  for (const m of mappings) {
    const field = `options.${m.dimensionKey}.${m.optionKey}`;
    if (!library.dimensionKeys.includes(m.dimensionKey) || !catalogue[m.dimensionKey]?.includes(m.optionKey))
      problems.push({ field, code: "optionNotRequired" });
    else if (!optionOf.has(m.projectOptionId)) problems.push({ field, code: "optionNotOfIndicator" });
    // Female mapped onto "under 18" would sum ages as sexes.
    else if (optionOf.get(m.projectOptionId)!.dimensionKey !== m.dimensionKey)
      problems.push({ field, code: "optionOfOtherDimension" });
    else if (used.has(m.projectOptionId)) problems.push({ field, code: "optionMappedTwice" });
    used.add(m.projectOptionId);
  }
  for (const key of library.dimensionKeys) {
    const dimensions = new Set<string>();
    for (const optionKey of catalogue[key] ?? []) {
      const mapped = mappings.filter((m) => m.dimensionKey === key && m.optionKey === optionKey);
      if (mapped.length !== 1) {
        problems.push({
          field: `options.${key}.${optionKey}`,
          code: mapped.length ? "optionMappedTwice" : "optionUnmapped",
        });
        continue;
      }
      const option = optionOf.get(mapped[0]!.projectOptionId);
      if (option?.dimensionKey === key) dimensions.add(option.dimensionId);
    }
    if (dimensions.size > 1) problems.push({ field: `options.${key}`, code: "optionsAcrossDimensions" });
  }
  return problems;
}

/**
 * The mappings a link proposes before anyone chooses: each required catalogue option to the indicator's
 * option of the same key in a dimension of the same key (the catalogue's own dimension, or the project's
 * of that key). What it cannot match is left for the person linking.
 */
export function proposedMappings(
  dimensionKeys: string[],
  catalogue: CatalogueOptions,
  options: { id: string; key: string; dimensionKey: string }[],
): OptionMapping[] {
  return dimensionKeys.flatMap((dimensionKey) =>
    (catalogue[dimensionKey] ?? []).flatMap((optionKey) => {
      const match = options.find((o) => o.dimensionKey === dimensionKey && o.key === optionKey);
      return match ? [{ dimensionKey, optionKey, projectOptionId: match.id }] : [];
    }),
  );
}
