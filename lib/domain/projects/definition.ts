// A whole project as data: its details, places, periods, rounds, logframe, indicators, targets and
// (optionally) results. Every way of creating a project goes through this one shape: the form and the
// JSON API, the IATI and spreadsheet imports, "copy as template" and the demo data. Cross-references
// are by code, label or key, so a definition can be written by hand and checked before anything is saved.
import { z } from "zod";
import { isRatio, measures } from "@/lib/domain/measures";
import { iatiKeptSchema } from "@/lib/domain/projects/iati-kept";
import { periodsBetween } from "@/lib/domain/schedule/periods";
import { calendarDayText } from "@/lib/domain/validation/dates";
import { LONG_TEXT_MAX } from "@/lib/domain/validation/text";

const isoDay = calendarDayText;
const number = z.number().finite();
const provenance = z.enum(["DOCUMENT", "ILLUSTRATIVE"]).default("ILLUSTRATIVE");

const figure = {
  value: number.optional(),
  numerator: number.min(0, "negative").optional(),
  denominator: number.min(0, "negative").optional(),
  sampleSize: z.number().int("wholeNumber").min(0, "negative").optional(),
  text: z.string().max(4000).optional(),
};

/** "lop" (life of project), a period label or a round key. */
export const LIFE_OF_PROJECT = "lop";

const targetSchema = z.object({
  ...figure,
  when: z.string().min(1, "required"),
  /** A location reference (ISO code or a new location's ref); none for the overall target. */
  location: z.string().min(1).optional(),
  /** "dimension:option", e.g. "sex:female". */
  option: z.string().min(1).optional(),
  provenance,
  note: z.string().max(4000).optional(),
});

const resultSchema = targetSchema.extend({
  location: z.string().min(1, "required"),
  status: z.enum(["DRAFT", "SUBMITTED", "APPROVED", "RETURNED"]).default("APPROVED"),
});

const indicatorSchema = z.object({
  code: z.string().trim().min(1, "required").max(40, "tooLong"),
  title: z.string().trim().min(1, "required").max(500, "tooLong"),
  definition: z.string().max(LONG_TEXT_MAX, "tooLong").optional(),
  unit: z.string().max(40).optional(),
  measure: z.enum(measures),
  direction: z.enum(["INCREASE", "DECREASE"]).optional(),
  timeRule: z.enum(["NON_CUMULATIVE", "CUMULATIVE"]).optional(),
  source: z.enum(["MONITORING", "SURVEY"]).optional(),
  baseline: z
    .object({ ...figure, date: isoDay.optional(), provenance, note: z.string().max(4000).optional() })
    .optional(),
  /** Dimension keys from the catalogue or the definition's own `dimensions`. */
  dimensions: z.array(z.string().min(1)).optional(),
  /** For a percentage made of another indicator's option: "INDICATOR-CODE:dimension:option". */
  composedFrom: z.string().min(1).optional(),
  meansOfVerification: z.string().max(LONG_TEXT_MAX, "tooLong").optional(),
  /** Plausible bounds of entered values, and whether they must be whole (unset: by unit). */
  validation: z
    .object({
      min: z.number().finite().optional(),
      max: z.number().finite().optional(),
      wholeNumbers: z.boolean().optional(),
    })
    .optional(),
  targets: z.array(targetSchema).default([]),
  results: z.array(resultSchema).default([]),
});

const nodeSchema = z.object({
  code: z.string().trim().min(1, "required").max(40, "tooLong"),
  level: z.enum(["IMPACT", "OUTCOME", "OUTPUT"]),
  title: z.string().trim().min(1, "required").max(500, "tooLong"),
  description: z.string().max(LONG_TEXT_MAX, "tooLong").optional(),
  /** The code of the node above (an outcome under the goal, an output under an outcome). */
  parent: z.string().min(1).optional(),
  indicators: z.array(indicatorSchema).default([]),
});

const periodSchema = z.object({
  label: z.string().trim().min(1, "required").max(40, "tooLong"),
  startDate: isoDay,
  endDate: isoDay,
  locked: z.boolean().optional(),
});

const roundSchema = z.object({
  key: z.string().trim().min(1, "required").max(40, "tooLong"),
  type: z.enum(["BASELINE", "MIDLINE", "ENDLINE", "OTHER"]),
  name: z.string().trim().min(1, "required").max(120, "tooLong"),
  startDate: isoDay,
  endDate: isoDay,
  mode: z.enum(["PHONE", "IN_PERSON", "ONLINE", "MIXED"]).default("IN_PERSON"),
  plannedSampleSize: z.number().int().min(0).optional(),
  achievedSampleSize: z.number().int().min(0).optional(),
  notes: z.string().max(4000).optional(),
});

/** A place the catalogue does not have yet; `ref` is an ISO 3166 code when there is one. */
const newLocationSchema = z.object({
  ref: z.string().trim().min(1, "required").max(60, "tooLong"),
  name: z.string().trim().min(1, "required").max(200, "tooLong"),
  level: z.enum(["COUNTRY", "ADMIN1", "ADMIN2", "SITE"]),
  /** Reference of the place it lies in. */
  parent: z.string().min(1).optional(),
});

const customDimensionSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]*$/, "key"),
  name: z.string().trim().min(1, "required").max(80, "tooLong"),
  options: z
    .array(
      z.tuple([
        z
          .string()
          .trim()
          .regex(/^[a-z0-9][a-z0-9+-]*$/, "key"),
        z.string().trim().min(1, "required"),
      ]),
    )
    .min(1, "required"),
});

export const projectCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/, "projectCode");

export const definitionObject = z.object({
  code: projectCodeSchema,
  name: z.string().trim().min(1, "required").max(200, "tooLong"),
  summary: z.string().max(LONG_TEXT_MAX, "tooLong").default(""),
  donor: z.string().max(200).default(""),
  partners: z.array(z.string().trim().min(1).max(200)).default([]),
  startDate: isoDay,
  endDate: isoDay,
  reportingFrequency: z.enum(["MONTHLY", "QUARTERLY", "SEMIANNUAL", "ANNUAL"]).default("QUARTERLY"),
  onTrackThreshold: z.number().min(0).max(2).optional(),
  atRiskThreshold: z.number().min(0).max(2).optional(),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, "language"))
    .min(1)
    .default(["en"]),
  sourceNote: z.string().max(LONG_TEXT_MAX, "tooLong").default(""),
  /** Where the project works: references of catalogue places or of `newLocations`. */
  locations: z.array(z.string().min(1)).default([]),
  newLocations: z.array(newLocationSchema).default([]),
  /** A recipient country's share of the activity (by its reference), as an IATI file gave it. */
  countryPercentages: z.record(z.string(), z.number().min(0).max(100)).default({}),
  /** An imported IATI activity's own identifier and reporting organisation, kept for the export. */
  iati: z
    .object({
      identifier: z.string().trim().min(1).max(200),
      reportingOrg: z.object({
        ref: z.string().trim().max(200),
        name: z.string().trim().max(500).default(""),
        type: z.string().trim().max(10).optional(),
      }),
      /** The activity's elements the app does not model, kept as published for the export. */
      kept: iatiKeptSchema.optional(),
    })
    .optional(),
  dimensions: z.array(customDimensionSchema).default([]),
  /** Reporting periods; when absent they are made from the dates and the reporting frequency. */
  periods: z.array(periodSchema).optional(),
  rounds: z.array(roundSchema).default([]),
  nodes: z.array(nodeSchema).default([]),
});

export const projectDefinitionSchema = definitionObject
  .transform((p) => ({ ...p, periods: p.periods ?? periodsBetween(p.startDate, p.endDate, p.reportingFrequency) }))
  .superRefine(checkReferences);

export type ProjectDefinitionInput = z.input<typeof definitionObject>;
export type ProjectDefinition = Omit<z.output<typeof definitionObject>, "periods"> & {
  periods: NonNullable<z.output<typeof definitionObject>["periods"]>;
};

type Ctx = z.RefinementCtx;

function duplicates(values: string[]): Set<number> {
  const seen = new Set<string>();
  const found = new Set<number>();
  values.forEach((v, i) => {
    if (seen.has(v)) found.add(i);
    seen.add(v);
  });
  return found;
}

function flagDuplicates(ctx: Ctx, values: string[], path: (i: number) => (string | number)[]) {
  for (const i of duplicates(values)) ctx.addIssue({ code: "custom", path: path(i), message: "duplicate" });
}

/** Flags every member of each group of equal keys, so a problem names both sides of a clash. */
function flagEachOfClashes(ctx: Ctx, keys: string[], path: (i: number) => (string | number)[], message: string) {
  const count = new Map<string, number>();
  for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
  keys.forEach((k, i) => {
    if ((count.get(k) ?? 0) > 1) ctx.addIssue({ code: "custom", path: path(i), message });
  });
}

/** Periods whose days overlap (rule 10: both ends included): their sums would count some days twice. */
function flagOverlappingPeriods(ctx: Ctx, periods: { startDate: string; endDate: string }[]) {
  const overlapping = new Set<number>();
  periods.forEach((a, i) => {
    periods.forEach((b, j) => {
      if (i < j && a.startDate <= b.endDate && b.startDate <= a.endDate) {
        overlapping.add(i);
        overlapping.add(j);
      }
    });
  });
  for (const i of overlapping) ctx.addIssue({ code: "custom", path: ["periods", i, "startDate"], message: "overlaps" });
}

/** Checks that do not need the database: unique codes, dates in order, and references inside the definition. */
function checkReferences(p: ProjectDefinition, ctx: Ctx) {
  if (p.endDate < p.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "endBeforeStart" });
  const periods = p.periods;
  periods.forEach((x, i) => {
    if (x.endDate < x.startDate)
      ctx.addIssue({ code: "custom", path: ["periods", i, "endDate"], message: "endBeforeStart" });
  });
  p.rounds.forEach((x, i) => {
    if (x.endDate < x.startDate)
      ctx.addIssue({ code: "custom", path: ["rounds", i, "endDate"], message: "endBeforeStart" });
  });
  flagDuplicates(
    ctx,
    periods.map((x) => x.label),
    (i) => ["periods", i, "label"],
  );
  flagOverlappingPeriods(ctx, periods);
  flagDuplicates(
    ctx,
    p.rounds.map((x) => x.key),
    (i) => ["rounds", i, "key"],
  );
  flagDuplicates(
    ctx,
    p.nodes.map((n) => n.code),
    (i) => ["nodes", i, "code"],
  );
  const indicators = p.nodes.flatMap((n, ni) =>
    n.indicators.map((ind, ii) => ({ ind, path: ["nodes", ni, "indicators", ii] })),
  );
  const indicatorCodes = indicators.map((x) => x.ind.code);
  for (const i of duplicates(indicatorCodes)) {
    ctx.addIssue({ code: "custom", path: [...(indicators[i]?.path ?? []), "code"], message: "duplicate" });
  }
  const nodeCodes = new Set(p.nodes.map((n) => n.code));
  p.nodes.forEach((n, i) => {
    if (n.parent && (!nodeCodes.has(n.parent) || n.parent === n.code))
      ctx.addIssue({ code: "custom", path: ["nodes", i, "parent"], message: "unknown" });
  });
  const whens = new Set([LIFE_OF_PROJECT, ...periods.map((x) => x.label), ...p.rounds.map((r) => r.key)]);
  const dimensionOptions = new Map(p.dimensions.map((d) => [d.key, new Set(d.options.map(([k]) => k))]));
  for (const { ind, path } of indicators) {
    const own = new Set(ind.dimensions ?? []);
    const checkCell = (kind: "targets" | "results", i: number, cell: { when: string; option?: string }) => {
      if (!whens.has(cell.when)) ctx.addIssue({ code: "custom", path: [...path, kind, i, "when"], message: "unknown" });
      if (cell.option) {
        const [dimension, option] = cell.option.split(":");
        const custom = dimension ? dimensionOptions.get(dimension) : undefined;
        if (!dimension || !option || !own.has(dimension) || (custom && !custom.has(option)))
          ctx.addIssue({ code: "custom", path: [...path, kind, i, "option"], message: "unknown" });
      }
    };
    ind.targets.forEach((t, i) => {
      checkCell("targets", i, t);
    });
    ind.results.forEach((r, i) => {
      checkCell("results", i, r);
      if (r.when === LIFE_OF_PROJECT)
        ctx.addIssue({ code: "custom", path: [...path, "results", i, "when"], message: "unknown" });
    });
    // One value per cell: a second one would be counted twice.
    for (const kind of ["targets", "results"] as const) {
      flagEachOfClashes(
        ctx,
        ind[kind].map((c) => JSON.stringify([c.when, c.location ?? "", c.option ?? ""])),
        (i) => [...path, kind, i],
        "duplicateCell",
      );
    }
    if (ind.composedFrom) {
      const [from] = ind.composedFrom.split(":");
      if (!from || !indicatorCodes.includes(from) || !isRatio(ind.measure))
        ctx.addIssue({ code: "custom", path: [...path, "composedFrom"], message: "unknown" });
    }
  }
}
