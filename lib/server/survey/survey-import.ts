// A survey export in, indicator values out: the file is read, the project's rules applied, and the
// values checked like any import (the grid's rules, locks, values already submitted) before anything
// is written, all or nothing. The values are ordinary results, drafts or submitted for review, each
// with its provenance (file, rule, row count) in the audit trail; the rules are kept for the next round.
import "server-only";
import type { Boundary } from "@/lib/domain/maps/geometry";
import { placeLocator } from "@/lib/domain/maps/locate";
import { textMeasures } from "@/lib/domain/measures";
import { assertCan, type Principal, requireUserId } from "@/lib/domain/permissions";
import {
  computeSurvey,
  type LeftOut,
  type SurveyLookups,
  type SurveyProblem,
  type SurveyValue,
} from "@/lib/domain/survey/compute";
import { type SurveyRules, surveyRulesSchema } from "@/lib/domain/survey/rules";
import { MAX_SURVEY_ROWS, type SurveyFile } from "@/lib/domain/survey/tables";
import { readSurveyOffThread } from "@/lib/formats/read/table-off-thread";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import type { TableFormat } from "@/lib/server/results/import/file";
import {
  checkCells,
  type ImportCell,
  type ImportLookups,
  importLookups,
  importWarnings,
  unchangedCells,
  writeImport,
} from "@/lib/server/results/import/service";
import { mailSubmitted } from "@/lib/server/results/review-mail";

export type SurveyValueRow = Pick<
  SurveyValue,
  "indicator" | "value" | "numerator" | "denominator" | "sampleSize" | "rows"
> & { place: string; option: string | null; when: string };

export type SurveyPreview = {
  submissions: number;
  statuses: Record<string, number> | null;
  counted: number;
  values: SurveyValueRow[];
  leftOut: LeftOut[];
  leftOutCount: number;
  leftOutByReason: Record<string, number>;
  problems: SurveyProblem[];
  problemCount: number;
  /** Values far from the same place's figure the round or period before: said, never blocking. */
  warnings: { row: number; column: string; code: string; detail?: string }[];
  replaced: number;
  imported: boolean;
};

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function surveyLookups(look: ImportLookups, outlines: ReturnType<typeof placeLocator>): SurveyLookups {
  return {
    places: look.locations,
    placeAt: outlines.outlines ? outlines.placeAt : null,
    periods: [...look.periods.values()].map((p) => ({ id: p.id, start: isoDay(p.startDate), end: isoDay(p.endDate) })),
    rounds: [...look.rounds.values()].map((r) => ({ id: r.id, start: isoDay(r.startDate), end: isoDay(r.endDate) })),
    indicators: new Map(
      look.definitions.map((i) => [
        i.code.trim().toLowerCase(),
        {
          id: i.id,
          measure: i.measure,
          source: i.source,
          dimensions: new Map(
            i.dimensions.map(({ dimension: d }) => [
              d.key,
              new Map(
                d.options.flatMap((o) => [[o.key.toLowerCase(), o.id] as const, [o.name.toLowerCase(), o.id] as const]),
              ),
            ]),
          ),
        },
      ]),
    ),
  };
}

/** The project's place outlines, for geopoints answered in the place's column. */
async function placeOutlines(projectId: string) {
  const places = await db().projectLocation.findMany({
    where: { projectId },
    select: { locationId: true, boundary: true },
  });
  return placeLocator(places.map((p) => ({ locationId: p.locationId, boundary: p.boundary as Boundary | null })));
}

/**
 * The uploaded export as tables; every sheet is read (repeat groups are sheets of their own), in a worker
 * thread with a time and memory limit (lib/formats/read/off-thread.ts); past MAX_SURVEY_ROWS it is refused
 * ("tooManyRows").
 */
export async function readSurvey(format: TableFormat, source: AsyncIterable<Uint8Array>): Promise<SurveyFile> {
  return readSurveyOffThread(format, source, Math.min(env().MAX_IMPORT_ROWS, MAX_SURVEY_ROWS));
}

/**
 * Applies the rules to the file and, when nothing is wrong and `dryRun` is false, saves the values as
 * drafts (or submitted for review) and keeps the rules for the project's next file.
 */
export async function importSurvey(
  principal: Principal,
  projectId: string,
  file: SurveyFile,
  input: {
    fileName: string;
    rules: SurveyRules;
    dryRun: boolean;
    submit: boolean;
    /** Only the values that differ from those saved (a connection's sync): unchanged ones are left out. */
    onlyChanged?: boolean;
  },
): Promise<SurveyPreview> {
  assertCan(principal, "results.enter", projectId);
  const userId = requireUserId(principal);
  const [look, outlines] = await Promise.all([importLookups(projectId), placeOutlines(projectId)]);
  const outcome = computeSurvey(file, input.rules, surveyLookups(look, outlines));
  const problems = [...outcome.problems];
  let problemCount = outcome.problemCount;
  const leftOutByReason: Record<string, number> = {};
  for (const l of outcome.leftOut) leftOutByReason[l.reason] = (leftOutByReason[l.reason] ?? 0) + 1;
  // Rules by indicator code as matched (the typed code may differ in case), codes by indicator id.
  const ruleOf = new Map(input.rules.indicators.map((r) => [r.indicator.trim().toLowerCase(), r]));
  const codeOf = new Map(look.definitions.map((i) => [i.id, i.code]));
  const ruleFor = (indicatorId: string) => ruleOf.get(codeOf.get(indicatorId)?.trim().toLowerCase() ?? "");
  let cells: ImportCell[] = outcome.values.flatMap((v) => {
    const indicator = look.indicators.get(v.indicator.trim().toLowerCase());
    if (!indicator) return [];
    const { indicatorId, periodId, roundId, locationId, optionId, value, numerator, denominator } = v;
    const { sampleSize, weightSum } = v;
    return [
      {
        key: [indicatorId, periodId ?? "", roundId ?? "", locationId, optionId ?? ""].join("|"),
        input: {
          ...{ indicatorId, periodId, roundId, locationId, optionId },
          ...{ value, numerator, denominator, sampleSize, weightSum },
        },
        measure: indicator.measure,
        rules: indicator.rules,
        weighted: null,
        rows: [v.firstRow],
        provenance: {
          file: input.fileName,
          rule: ruleFor(indicatorId) as Prisma.InputJsonObject,
          rows: v.rows,
        },
      },
    ];
  });
  let values = outcome.values;
  if (input.onlyChanged) {
    const unchanged = await unchangedCells(cells);
    const keyOf = (v: SurveyValue) => [
      v.indicatorId,
      v.periodId ?? "",
      v.roundId ?? "",
      v.locationId,
      v.optionId ?? "",
    ];
    cells = cells.filter((c) => !unchanged.has(c.key));
    values = values.filter((v) => !unchanged.has(keyOf(v).join("|")));
  }
  let replaced = 0;
  if (!problemCount) {
    replaced = await checkCells(look, cells, input.submit, (cell, field, code) => {
      problemCount++;
      problems.push({
        indicator: codeOf.get(cell.input.indicatorId) ?? "",
        table: ruleFor(cell.input.indicatorId)?.table ?? "",
        row: cell.rows[0] ?? 0,
        column: field,
        code,
      });
    });
  }
  const warnings = await importWarnings(projectId, cells, (cell) => ({
    row: cell.rows[0] ?? 0,
    column: codeOf.get(cell.input.indicatorId) ?? "",
  }));
  const preview: SurveyPreview = {
    submissions: outcome.submissions,
    statuses: outcome.statuses,
    counted: outcome.counted,
    values: values.map(valueRows(look)),
    leftOut: outcome.leftOut,
    leftOutCount: outcome.leftOutCount,
    leftOutByReason,
    problems: problems.slice(0, 200),
    problemCount,
    warnings,
    replaced,
    imported: false,
  };
  if (problemCount || input.dryRun || cells.length === 0) return preview;
  await writeImport(projectId, userId, cells, input.submit, {
    source: "survey",
    file: input.fileName,
    rules: input.rules as unknown as Prisma.InputJsonObject,
  });
  await db().project.update({
    where: { id: projectId },
    data: { surveyRules: input.rules as unknown as Prisma.InputJsonObject },
  });
  if (input.submit)
    void mailSubmitted(
      projectId,
      userId,
      cells.map((c) => c.input.locationId),
    );
  return { ...preview, imported: true };
}

/** The preview's rows: each value with its indicator, place, option and period or round by name. */
function valueRows(look: ImportLookups): (v: SurveyValue) => SurveyValueRow {
  const codes = new Map(look.definitions.map((i) => [i.id, i.code]));
  const options = new Map(
    look.definitions.flatMap((i) =>
      i.dimensions.flatMap((d) => d.dimension.options.map((o) => [o.id, o.name] as const)),
    ),
  );
  const times = new Map([
    ...[...look.periods.values()].map((p) => [p.id, p.label] as const),
    ...[...look.rounds.values()].map((r) => [r.id, r.name] as const),
  ]);
  return (v) => ({
    indicator: codes.get(v.indicatorId) ?? v.indicator,
    place: look.placeNames.get(v.locationId) ?? v.locationId,
    option: v.optionId ? (options.get(v.optionId) ?? null) : null,
    when: times.get(v.periodId ?? v.roundId ?? "") ?? "",
    value: v.value,
    numerator: v.numerator,
    denominator: v.denominator,
    sampleSize: v.sampleSize,
    rows: v.rows,
  });
}

/** The rules this project used last, if they still read as rules. */
export async function savedSurveyRules(principal: Principal, projectId: string): Promise<SurveyRules | null> {
  assertCan(principal, "results.enter", projectId);
  const project = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { surveyRules: true } });
  const parsed = surveyRulesSchema.safeParse(project.surveyRules);
  return parsed.success ? parsed.data : null;
}

/** What the survey form offers: the project's computable indicators, dimensions, places, periods and rounds. */
export async function surveyFormContext(principal: Principal, projectId: string) {
  assertCan(principal, "results.enter", projectId);
  const project = await db().project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      periods: { select: { id: true, label: true }, orderBy: { startDate: "asc" } },
      surveyRounds: { select: { id: true, name: true }, orderBy: { startDate: "asc" } },
      locations: {
        select: { location: { select: { id: true, name: true, level: true } } },
        orderBy: [{ location: { level: "asc" } }, { location: { name: "asc" } }],
      },
      indicators: {
        where: { archivedAt: null, composedFromId: null, measure: { notIn: textMeasures } },
        orderBy: [{ resultNode: { code: "asc" } }, { sortOrder: "asc" }],
        select: {
          code: true,
          title: true,
          measure: true,
          source: true,
          dimensions: { select: { dimension: { select: { key: true, name: true, options: true } } } },
        },
      },
    },
  });
  const dimensions = new Map<string, { key: string; name: string; options: { key: string; name: string }[] }>();
  for (const i of project.indicators)
    for (const { dimension: d } of i.dimensions)
      dimensions.set(d.key, {
        key: d.key,
        name: d.name,
        options: [...d.options].sort((a, b) => a.sortOrder - b.sortOrder).map((o) => ({ key: o.key, name: o.name })),
      });
  return {
    indicators: project.indicators.map((i) => ({
      code: i.code,
      title: i.title,
      measure: i.measure,
      source: i.source,
    })),
    dimensions: [...dimensions.values()],
    places: project.locations.map(({ location: { id, name } }) => ({ id, name })),
    periods: project.periods,
    rounds: project.surveyRounds,
  };
}
export type SurveyFormContext = Awaited<ReturnType<typeof surveyFormContext>>;
