// Results from an uploaded table (CSV, XLSX, a KoboToolbox export), all or nothing. Rows stream in one
// at a time and are summed per result cell as they come (counts add up, numerators and denominators
// add up, means are weighted by sample size), so memory grows with the number of cells, not the file.
// Every problem is reported by row and column; only a table without problems is written, in one
// transaction, with the same rules as the entry grid.

import type { Measure } from "@/lib/domain/engine/types";
import { isText, measureTable } from "@/lib/domain/measures";
import type { ResultImportPreview, RowProblem } from "@/lib/domain/results/import-preview";
import "server-only";
import { DomainError } from "@/lib/domain/errors";
import type { TableRow } from "@/lib/domain/imports/table-row";
import { assertCan, type Principal, requireUserId } from "@/lib/domain/permissions";
import { type ImportMapping, isApproved, type MappedField, mappedFields } from "@/lib/domain/results/import-mapping";
import { partnerApprovalCleared } from "@/lib/domain/results/review-stage";
import { readTypedNumber } from "@/lib/domain/validation/numbers";
import { type IndicatorRules, resultProblems } from "@/lib/domain/validation/result-rules";
import type { ResultInput } from "@/lib/domain/validation/results";
import { isStorableText } from "@/lib/domain/validation/text";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/platform/db";
import { eventLoopBreaks } from "@/lib/platform/ops/yield-now";
import { recordAudit } from "@/lib/server/audit/record";
import { insertAuditEvents, insertResults } from "@/lib/server/results/bulk-insert";
import { lockProjectResultsExclusive } from "@/lib/server/results/locks";
import { outlierWarnings } from "@/lib/server/results/outlier-check";
import { partsOverTotals } from "@/lib/server/results/parts-check";
import { mailSubmitted } from "@/lib/server/results/review-mail";
import { deliverSoon } from "@/lib/server/webhooks/delivery";
import { enqueueResultsEvent } from "@/lib/server/webhooks/events";
import { noProgress, type ProgressReporter } from "./progress";

const MAX_LISTED_PROBLEMS = 200;
const CHUNK = 5000;

/** One result value an import would save, with the rows it came from. */
export type ImportCell = {
  key: string;
  input: ResultInput;
  measure: Measure;
  /** The indicator's rules, which the value the rows add up to must follow. */
  rules: IndicatorRules;
  weighted: number | null;
  rows: number[];
  /** Where the value came from, kept in its audit record (a survey file's rule and row count). */
  provenance?: Prisma.InputJsonObject;
};
type Cell = ImportCell;

const lower = (s: string) => s.trim().toLowerCase();

/** What an import matches its rows against: the project's indicators, places, periods and rounds. */
export async function importLookups(projectId: string) {
  const project = await db().project.findUniqueOrThrow({
    where: { id: projectId },
    include: {
      periods: true,
      surveyRounds: true,
      locations: { include: { location: true } },
      indicators: {
        where: { archivedAt: null, composedFromId: null },
        include: { dimensions: { include: { dimension: { include: { options: true } } } } },
      },
    },
  });
  const indicators = new Map(
    project.indicators.map((i) => {
      const options = new Map<string, string>();
      for (const d of i.dimensions)
        for (const o of d.dimension.options) {
          for (const name of [o.key, o.name, `${d.dimension.key}:${o.key}`]) options.set(lower(name), o.id);
        }
      const rules: IndicatorRules = {
        measure: i.measure,
        source: i.source,
        unit: i.unit,
        optionIds: new Set(options.values()),
        minValue: i.minValue,
        maxValue: i.maxValue,
        wholeNumbers: i.wholeNumbers,
      };
      return [lower(i.code), { id: i.id, measure: i.measure, source: i.source, options, rules }];
    }),
  );
  const locations = new Map<string, string>();
  for (const { location: l } of project.locations) {
    for (const name of [l.id, l.name, l.isoCode ?? ""]) if (name) locations.set(lower(name), l.id);
  }
  const periods = new Map(project.periods.map((p) => [lower(p.label), p]));
  const rounds = new Map(project.surveyRounds.map((r) => [lower(r.name), r]));
  return {
    indicators,
    placeNames: new Map(project.locations.map((l) => [l.locationId, l.location.name])),
    /** The indicators with their dimensions, for the parts-and-total check. */
    definitions: project.indicators,
    locations,
    periods,
    rounds,
    rules: {
      periodIds: new Set(project.periods.map((p) => p.id)),
      roundIds: new Set(project.surveyRounds.map((r) => r.id)),
      locationIds: new Set(project.locations.map((l) => l.locationId)),
    },
    locked: new Set(project.periods.filter((p) => p.lockedAt).map((p) => p.id)),
  };
}

export type ImportLookups = Awaited<ReturnType<typeof importLookups>>;

/** Adds one row's figures to its cell: the combining rules of the indicator engine. */
function addTo(cell: Cell, figures: Record<"value" | "numerator" | "denominator" | "sampleSize", number | null>) {
  const add = (a: number | null | undefined, b: number | null) => (b === null ? (a ?? null) : (a ?? 0) + b);
  const input = cell.input;
  if (measureTable[cell.measure].aggregation === "weightedMean") {
    if (figures.value !== null) cell.weighted = add(cell.weighted, figures.value * (figures.sampleSize ?? 0));
    input.sampleSize = add(input.sampleSize, figures.sampleSize);
    input.value =
      cell.rows.length === 1
        ? figures.value
        : cell.weighted !== null && input.sampleSize
          ? cell.weighted / input.sampleSize
          : null;
    return;
  }
  input.value = add(input.value, figures.value);
  input.numerator = add(input.numerator, figures.numerator);
  input.denominator = add(input.denominator, figures.denominator);
  input.sampleSize = add(input.sampleSize, figures.sampleSize);
}

/**
 * Reads the table and, when it has no problems and `dryRun` is false, saves its values as drafts (or
 * submitted for review). Existing drafts of the same cells are replaced; submitted or approved values
 * are never overwritten by an import.
 */
export async function importResults(
  principal: Principal,
  projectId: string,
  rows: AsyncIterable<TableRow>,
  mapping: ImportMapping,
  options: { dryRun: boolean; submit: boolean; progress?: ProgressReporter },
): Promise<ResultImportPreview> {
  const progress = options.progress ?? noProgress;
  assertCan(principal, "results.enter", projectId);
  const userId = requireUserId(principal);
  const look = await importLookups(projectId);
  const problems: RowProblem[] = [];
  let problemCount = 0;
  const problem = (row: number, field: MappedField | "row", code: string, detail?: string) => {
    problemCount++;
    const column = field === "row" ? "" : (mapping[field] ?? field);
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push({ row, column, code, detail });
  };
  const cells = new Map<string, Cell>();
  let columns: Partial<Record<MappedField, number>> | null = null;
  let count = 0;
  let skipped = 0;
  let blank = 0;
  const pause = eventLoopBreaks();

  for await (const { row, cells: values } of rows) {
    await pause();
    if (!columns) {
      const headers = values.map((h) => h.trim());
      if (!headers.every(isStorableText)) problem(row, "row", "invalidCharacters");
      columns = {};
      for (const field of mappedFields) {
        const header = mapping[field];
        if (typeof header !== "string") continue;
        const index = headers.indexOf(header);
        if (index < 0) problem(row, field, "columnMissing", header);
        else columns[field] = index;
      }
      if (problemCount) break;
      continue;
    }
    const get = (field: MappedField) => {
      const index = columns?.[field];
      return index === undefined ? "" : (values[index] ?? "").trim();
    };
    if (mapping.validationStatus && !mapping.includeUnapproved && !isApproved(get("validationStatus"))) {
      skipped++;
      continue;
    }
    count++;
    progress.rows(count);
    const before = problemCount;
    for (const field of mappedFields) {
      if (!isStorableText(get(field))) problem(row, field, "invalidCharacters");
    }
    if (problemCount > before) continue;
    const indicator = look.indicators.get(lower(get("indicator")));
    if (!indicator) problem(row, "indicator", get("indicator") ? "unknown" : "required", get("indicator"));
    const locationId = look.locations.get(lower(get("location")));
    if (!locationId) problem(row, "location", get("location") ? "unknown" : "required", get("location"));
    const when = lower(get("period"));
    const period = look.periods.get(when);
    const round = look.rounds.get(when);
    const survey = indicator?.source === "SURVEY";
    if (indicator && (survey ? !round : !period)) problem(row, "period", when ? "unknown" : "required", get("period"));
    let optionId: string | null = null;
    if (get("option")) {
      optionId = indicator?.options.get(lower(get("option"))) ?? null;
      if (indicator && !optionId) problem(row, "option", "unknown", get("option"));
    }
    const figures = { value: null, numerator: null, denominator: null, sampleSize: null } as Record<
      "value" | "numerator" | "denominator" | "sampleSize",
      number | null
    >;
    for (const field of ["value", "numerator", "denominator", "sampleSize"] as const) {
      const n = readTypedNumber(get(field), mapping.numbers ?? "unknown");
      if (n === "invalid") problem(row, field, "notANumber", get(field));
      else if (n === "ambiguous") problem(row, field, "ambiguous", get(field));
      else figures[field] = n;
    }
    if (!indicator || !locationId || problemCount > before) continue;
    // A row without a figure is no value, as a blank cell of the grid is: left out, never a refusal or a zero.
    const text = get("text") || get("value");
    if (isText(indicator.measure) ? !text : Object.values(figures).every((n) => n === null)) {
      blank++;
      continue;
    }
    const periodId = survey ? null : (period?.id ?? null);
    const roundId = survey ? (round?.id ?? null) : null;
    const key = [indicator.id, periodId ?? "", roundId ?? "", locationId, optionId ?? ""].join("|");
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        key,
        input: { indicatorId: indicator.id, periodId, roundId, locationId, optionId, note: get("note") || undefined },
        measure: indicator.measure,
        rules: indicator.rules,
        weighted: null,
        rows: [],
      };
      cells.set(key, cell);
    }
    cell.rows.push(row);
    if (isText(indicator.measure)) {
      if (cell.rows.length > 1) problem(row, "text", "duplicate", String(cell.rows[0]));
      cell.input.textValue = get("text") || get("value") || null;
    } else addTo(cell, figures);
  }
  if (!columns) problem(1, "row", "empty");
  await progress.phase("checking");

  // The entry grid's rules, on each value the rows add up to; named at the first row of the value.
  const fieldOf: Partial<Record<keyof ResultInput, MappedField>> = {
    value: "value",
    numerator: "numerator",
    denominator: "denominator",
    sampleSize: "sampleSize",
    textValue: "text",
    periodId: "period",
    roundId: "period",
    locationId: "location",
    optionId: "option",
  };
  const replaced = await checkCells(look, [...cells.values()], options.submit, (cell, field, code) =>
    problem(cell.rows[0] ?? 0, fieldOf[field] ?? "value", code),
  );
  problems.sort((a, b) => a.row - b.row);
  const warnings = await importWarnings(projectId, [...cells.values()], (cell) => ({
    row: cell.rows[0] ?? 0,
    column: mapping.value ?? mapping.numerator ?? "",
  }));
  const preview = {
    rows: count,
    skipped,
    blank,
    values: cells.size,
    replaced,
    problems,
    problemCount,
    warnings,
    imported: false,
  };
  if (problemCount || options.dryRun || cells.size === 0) return preview;
  await progress.phase("writing");
  await writeImport(projectId, userId, [...cells.values()], options.submit, { source: "table" }, progress.fence);
  if (options.submit)
    void mailSubmitted(
      projectId,
      userId,
      [...cells.values()].map((c) => c.input.locationId),
    );
  return { ...preview, imported: true };
}

/**
 * Checks each value to be saved as the entry grid would, and against its period's lock, the value
 * already saved in its cell (submitted or approved ones are never overwritten) and, for a submission,
 * parts above their total. Reports each problem by cell and field; answers how many drafts it replaces.
 */
export async function checkCells(
  look: ImportLookups,
  cells: Cell[],
  submit: boolean,
  report: (cell: Cell, field: keyof ResultInput, code: string) => void,
): Promise<number> {
  const pause = eventLoopBreaks();
  for (const cell of cells) {
    await pause();
    for (const p of resultProblems(cell.input, cell.rules, look.rules)) report(cell, p.field, p.code);
    if (cell.input.periodId && look.locked.has(cell.input.periodId)) report(cell, "periodId", "locked");
  }
  const existing = await existingResults(db(), cells);
  let replaced = 0;
  for (const cell of cells) {
    await pause();
    const found = existing.get(cell.key);
    if (!found) continue;
    if (found.status !== "DRAFT" && found.status !== "RETURNED") report(cell, "value", `notEditable:${found.status}`);
    else replaced++;
  }
  if (submit) {
    // Submitted values may not leave a count's parts above its total; drafts may.
    const inputs = cells.map((c) => c.input);
    for (const { index } of await partsOverTotals(db(), look.definitions, inputs)) {
      const cell = cells[index];
      if (cell) report(cell, "value", "partsOverTotal");
    }
  }
  return replaced;
}

/** The outlier warnings of the cells an import would save, each named where its rows are. */
export async function importWarnings(
  projectId: string,
  cells: Cell[],
  where: (cell: Cell) => { row: number; column: string },
): Promise<RowProblem[]> {
  const found = await outlierWarnings(
    db(),
    projectId,
    cells.map((c) => c.input),
  );
  return found.slice(0, MAX_LISTED_PROBLEMS).flatMap((w) => {
    const cell = cells[w.index];
    return cell ? [{ ...where(cell), code: `outlier:${w.direction}`, detail: String(w.previous) }] : [];
  });
}

type Existing = {
  id: string;
  status: string;
  version: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  weightSum: number | null;
};

function keyOf(r: {
  indicatorId: string;
  periodId: string | null;
  roundId: string | null;
  locationId: string;
  optionId: string | null;
}) {
  return [r.indicatorId, r.periodId ?? "", r.roundId ?? "", r.locationId, r.optionId ?? ""].join("|");
}

type Client = Pick<ReturnType<typeof db>, "result">;

/**
 * The keys of the cells whose value is saved already as it is (value, numerator, denominator, sample size
 * and weight sum, which a mean is pooled by): what a connection's sync leaves out, so that one which
 * changes nothing says so and submitted values that did not change are not refused as "not editable".
 */
export async function unchangedCells(cells: Cell[]): Promise<Set<string>> {
  const existing = await existingResults(db(), cells);
  const same = (a: number | null, b: number | null | undefined) =>
    (a === null && (b ?? null) === null) || (a !== null && b != null && Math.abs(a - b) < 1e-9);
  return new Set(
    cells
      .filter((c) => {
        const e = existing.get(c.key);
        return (
          e !== undefined &&
          same(e.value, c.input.value) &&
          same(e.numerator, c.input.numerator) &&
          same(e.denominator, c.input.denominator) &&
          same(e.sampleSize, c.input.sampleSize) &&
          same(e.weightSum, c.input.weightSum)
        );
      })
      .map((c) => c.key),
  );
}

/** The results already saved for the given cells, by cell key. */
async function existingResults(client: Client, cells: Cell[]): Promise<Map<string, Existing & { key: string }>> {
  const indicatorIds = [...new Set(cells.map((c) => c.input.indicatorId))];
  const found = new Map<string, Existing & { key: string }>();
  if (!indicatorIds.length) return found;
  const wanted = new Set(cells.map((c) => c.key));
  const rows = await client.result.findMany({
    where: { indicatorId: { in: indicatorIds } },
    select: {
      id: true,
      indicatorId: true,
      periodId: true,
      roundId: true,
      locationId: true,
      optionId: true,
      status: true,
      version: true,
      value: true,
      numerator: true,
      denominator: true,
      sampleSize: true,
      weightSum: true,
    },
  });
  const pause = eventLoopBreaks();
  for (const r of rows) {
    await pause();
    const key = keyOf(r);
    if (wanted.has(key)) found.set(key, { ...r, key });
  }
  return found;
}

/**
 * Saves the checked cells in one transaction, all or nothing; `source` says where they came from.
 * `fence` runs last in that transaction and may refuse the commit (a background import given up).
 */
export async function writeImport(
  projectId: string,
  userId: string,
  cells: Cell[],
  submit: boolean,
  source: Prisma.InputJsonObject,
  fence?: (tx: Prisma.TransactionClient) => Promise<void>,
) {
  const status: "SUBMITTED" | "DRAFT" = submit ? "SUBMITTED" : "DRAFT";
  const now = new Date();
  const written: string[] = [];
  const deliveries = await db().$transaction(
    async (tx) => {
      // An import takes the project's results for itself: no grid save or period lock runs at the
      // same time, and a period locked since the checks refuses the import here, before any write.
      await lockProjectResultsExclusive(tx, projectId);
      const periodIds = [...new Set(cells.flatMap((c) => (c.input.periodId ? [c.input.periodId] : [])))];
      if (await tx.reportingPeriod.count({ where: { id: { in: periodIds }, lockedAt: { not: null } } })) {
        throw new ImportRaced();
      }
      const existing = await existingResults(tx, cells);
      const data = (c: Cell) => ({
        value: c.input.value ?? null,
        numerator: c.input.numerator ?? null,
        denominator: c.input.denominator ?? null,
        sampleSize: c.input.sampleSize ?? null,
        weightSum: c.input.weightSum ?? null,
        textValue: c.input.textValue ?? null,
        note: c.input.note ?? "",
        status,
        submittedAt: submit ? now : null,
      });
      const fresh = cells.filter((c) => !existing.has(c.key));
      for (let i = 0; i < fresh.length; i += CHUNK) {
        const chunk = fresh.slice(i, i + CHUNK).map((c) => ({
          indicatorId: c.input.indicatorId,
          periodId: c.input.periodId ?? null,
          roundId: c.input.roundId ?? null,
          locationId: c.input.locationId,
          optionId: c.input.optionId ?? null,
          ...data(c),
          userId,
        }));
        const ids = await insertResults(tx, chunk);
        written.push(...ids);
        const provenance = fresh.slice(i, i + CHUNK).map((c) => c.provenance);
        await insertAuditEvents(
          tx,
          chunk.map((r, n) => ({
            action: "result.import",
            entityType: "Result",
            entityId: ids[n] ?? "",
            projectId,
            actorUserId: userId,
            after: {
              value: r.value,
              numerator: r.numerator,
              denominator: r.denominator,
              sampleSize: r.sampleSize,
              ...(r.weightSum !== null && { weightSum: r.weightSum }),
              textValue: r.textValue,
              status,
              ...(provenance[n] ? { provenance: provenance[n] } : {}),
            },
          })),
        );
      }
      for (const c of cells) {
        const before = existing.get(c.key);
        if (!before) continue;
        // A value submitted meanwhile is not overwritten: the whole import is refused.
        if (before.status !== "DRAFT" && before.status !== "RETURNED") throw new ImportRaced();
        const updated = await tx.result.updateMany({
          where: { id: before.id, version: before.version },
          data: { ...data(c), ...partnerApprovalCleared, updatedById: userId, version: { increment: 1 } },
        });
        if (updated.count === 0) throw new ImportRaced();
        written.push(before.id);
        await recordAudit(tx, {
          action: "result.import",
          entityType: "Result",
          entityId: before.id,
          projectId,
          actorUserId: userId,
          before: {
            value: before.value,
            numerator: before.numerator,
            denominator: before.denominator,
            status: before.status,
          },
          after: {
            value: c.input.value ?? null,
            numerator: c.input.numerator ?? null,
            denominator: c.input.denominator ?? null,
            status,
            ...(c.provenance ? { provenance: c.provenance } : {}),
          },
        });
      }
      await recordAudit(tx, {
        action: "results.import",
        entityType: "Project",
        entityId: projectId,
        projectId,
        actorUserId: userId,
        after: { values: cells.length, replaced: existing.size, status, ...source },
      });
      // "results.submitted", committed with the values (before the fence, which may still refuse it).
      const queued = submit ? await enqueueResultsEvent(tx, projectId, "results.submitted", written) : [];
      await fence?.(tx);
      return queued;
    },
    { timeout: 600_000 },
  );
  deliverSoon(deliveries);
}

/** Someone changed one of the import's values between its check and its write: nothing was saved. */
export class ImportRaced extends DomainError {
  constructor() {
    super("raced", { detail: "A value changed while the import was being saved; nothing was imported" });
    this.name = "ImportRaced";
  }
}
