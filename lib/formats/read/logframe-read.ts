// Reads the logframe workbook (lib/formats/read/logframe-layout.ts) into a project definition. Each sheet's
// header row names its columns; problems name the sheet and cell, e.g. "Indicators!F4".
import ExcelJS from "exceljs";
import type { Measure } from "@/lib/domain/engine/types";
import type { ProjectDefinitionInput } from "@/lib/domain/projects/definition";
import { readTypedNumber } from "@/lib/domain/validation/numbers";
import type { ImportIssue } from "./issues";
import { LIST_SEPARATOR, PROJECT_SHEET, projectFields, type SheetName, sheets } from "./logframe-layout";
import { bytesOf, cellText, csvRows, UnreadableTable } from "./table-rows";
import { checkZip, ZipRefused, zipLimits } from "./zip-limits";

type Definition = ProjectDefinitionInput;
type Target = NonNullable<
  NonNullable<NonNullable<Definition["nodes"]>[number]["indicators"]>[number]["targets"]
>[number];
type Row = { cells: Record<string, string>; at: (column: string) => string; row: number };

function columnLetter(index: number): string {
  let n = index;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Far more than a logframe holds (goal, outcomes, outputs, indicators, their targets): a cap, not a norm. */
const LOGFRAME_MAX_ROWS = 10_000;
const LOGFRAME_MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

function readSheet(book: ExcelJS.Workbook, name: SheetName, problems: ImportIssue[]): Row[] {
  const sheet = book.getWorksheet(name);
  if (!sheet) return [];
  if (sheet.actualRowCount > LOGFRAME_MAX_ROWS) {
    problems.push({ where: name, code: "tooManyRows", detail: String(LOGFRAME_MAX_ROWS) });
    return [];
  }
  const header = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    header.set(cellText(cell.value), col);
  });
  for (const column of sheets[name]) {
    if (!header.has(column) && (name === "Results" || name === "Indicators") && column !== "parent")
      problems.push({ where: `${name}!1`, code: "columnMissing", detail: column });
  }
  const rows: Row[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells: Record<string, string> = {};
    for (const [column, col] of header) cells[column] = cellText(row.getCell(col).value);
    if (Object.values(cells).every((v) => v === "")) return;
    const at = (column: string) => `${name}!${columnLetter(header.get(column) ?? 1)}${number}`;
    rows.push({ cells, at, row: number });
  });
  return rows;
}

const list = (text: string | undefined) =>
  (text ?? "")
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
const text = (value: string | undefined) => (value ? value : undefined);
const upper = (value: string | undefined) => (value ? value.toUpperCase().replace(/[\s-]+/g, "_") : undefined);
const levelAliases: Record<string, string> = { GOAL: "IMPACT", IMPACT: "IMPACT", OUTCOME: "OUTCOME", OUTPUT: "OUTPUT" };

export type LogframeReading = {
  definition: Definition | null;
  problems: ImportIssue[];
  warnings: ImportIssue[];
  /** The sheet cell a definition path came from, e.g. "nodes.1.indicators.0.code" → "Indicators!B3". */
  locate: (path: string) => string;
};

export async function readLogframeWorkbook(bytes: Buffer): Promise<LogframeReading> {
  const none = (code: string, where = "file"): LogframeReading => ({
    definition: null,
    problems: [{ where, code }],
    warnings: [],
    locate: (path) => path,
  });
  // A CSV file holds the same sheets as sections (lib/formats/write/logframe-workbook.ts, logframeCsv).
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return readLogframeCsv(bytes);
  // The workbook is read whole, so it is checked against tighter caps than a streamed results table.
  const refusal = await checkZip(bytes, {
    maxEntries: zipLimits().maxEntries,
    maxUnzippedBytes: Math.min(zipLimits().maxUnzippedBytes, LOGFRAME_MAX_UNZIPPED_BYTES),
  }).catch((error) => (error instanceof ZipRefused ? error.code : Promise.reject(error)));
  if (refusal) return none(refusal === "unreadable" ? "notXlsx" : refusal);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return none("notXlsx");
  }
  return readLogframeBook(book);
}

/** The CSV form: "#Sheet" lines start each sheet's section, read as the workbook's sheets. */
async function readLogframeCsv(bytes: Buffer): Promise<LogframeReading> {
  const book = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  let count = 0;
  try {
    for await (const { cells } of csvRows(bytesOf(bytes))) {
      const marker = /^#\s*(.+)$/.exec(cells[0]?.trim() ?? "")?.[1]?.trim();
      if (marker && cells.slice(1).every((c) => c.trim() === "")) {
        sheet = book.getWorksheet(marker) ?? book.addWorksheet(marker);
        continue;
      }
      if (++count > LOGFRAME_MAX_ROWS)
        return { definition: null, problems: [{ where: "file", code: "tooManyRows" }], warnings: [], locate: (p) => p };
      sheet?.addRow(cells);
    }
  } catch (error) {
    const code = error instanceof UnreadableTable ? error.code : "unreadable";
    return { definition: null, problems: [{ where: "file", code }], warnings: [], locate: (p) => p };
  }
  // Text without a single section is no logframe (nor a workbook).
  if (!book.worksheets.length)
    return { definition: null, problems: [{ where: "file", code: "notXlsx" }], warnings: [], locate: (p) => p };
  return readLogframeBook(book);
}

function readLogframeBook(book: ExcelJS.Workbook): LogframeReading {
  const problems: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const origins = new Map<string, Row>();
  const locate = (path: string) => {
    const parts = path.split(".");
    for (let n = parts.length; n > 0; n--) {
      const origin = origins.get(parts.slice(0, n).join("."));
      if (origin) return origin.at(parts[n] ?? "") ?? path;
    }
    return path;
  };
  const projectSheet = book.getWorksheet(PROJECT_SHEET);
  if (!projectSheet)
    return { definition: null, problems: [{ where: PROJECT_SHEET, code: "sheetMissing" }], warnings, locate };
  const fields: Record<string, string> = {};
  projectSheet.eachRow((row) => {
    const key = cellText(row.getCell(1).value);
    if ((projectFields as readonly string[]).includes(key)) fields[key] = cellText(row.getCell(2).value);
  });
  const number = (value: string | undefined, where: string) => {
    if (!value) return undefined;
    // Numbers typed as text in a cell: what only a locale could settle ("1,200") is refused.
    const n = readTypedNumber(value, "unknown");
    if (typeof n === "number") return n;
    problems.push({ where, code: n === "ambiguous" ? "ambiguous" : "notANumber", detail: value });
    return undefined;
  };
  const rows = Object.fromEntries(
    (Object.keys(sheets) as SheetName[]).map((name) => [name, readSheet(book, name, problems)]),
  ) as Record<SheetName, Row[]>;

  const nodes = rows.Results.map((r, i) => {
    origins.set(`nodes.${i}`, r);
    const level = levelAliases[upper(r.cells.level) ?? ""];
    if (!level) problems.push({ where: r.at("level"), code: "unknownLevel", detail: r.cells.level });
    return {
      code: r.cells.code ?? "",
      level: (level ?? "OUTCOME") as "OUTCOME",
      parent: text(r.cells.parent),
      title: r.cells.title ?? "",
      description: r.cells.description ?? "",
      indicators: [] as NonNullable<NonNullable<Definition["nodes"]>[number]["indicators"]>,
    };
  });
  const indicators = new Map<string, { targets: Target[]; path: string }>();
  for (const r of rows.Indicators) {
    const nodeIndex = nodes.findIndex((n) => n.code === r.cells.result);
    const node = nodes[nodeIndex];
    if (!node) {
      problems.push({ where: r.at("result"), code: "unknown", detail: r.cells.result });
      continue;
    }
    const path = `nodes.${nodeIndex}.indicators.${node.indicators.length}`;
    origins.set(path, r);
    const baseline = number(r.cells.baseline, r.at("baseline"));
    const numerator = number(r.cells.baselineNumerator, r.at("baselineNumerator"));
    const denominator = number(r.cells.baselineDenominator, r.at("baselineDenominator"));
    const indicator = {
      code: r.cells.code ?? "",
      title: r.cells.title ?? "",
      definition: r.cells.definition ?? "",
      unit: r.cells.unit ?? "",
      // Checked against the measure table by the definition schema (z.enum(measures)), like the others.
      measure: (upper(r.cells.measure) ?? "") as Measure,
      direction: (upper(r.cells.direction) ?? "INCREASE") as "INCREASE",
      timeRule: (upper(r.cells.timeRule) ?? "NON_CUMULATIVE") as "NON_CUMULATIVE",
      source: (upper(r.cells.source) ?? "MONITORING") as "MONITORING",
      baseline:
        baseline === undefined && numerator === undefined
          ? undefined
          : {
              value: baseline,
              numerator,
              denominator,
              date: text(r.cells.baselineDate),
              provenance: "DOCUMENT" as const,
            },
      dimensions: list(r.cells.dimensions),
      composedFrom: text(r.cells.composedFrom),
      meansOfVerification: r.cells.meansOfVerification ?? "",
      targets: [] as Target[],
    };
    node.indicators.push(indicator);
    indicators.set(indicator.code, { targets: indicator.targets, path });
  }
  for (const r of rows.Targets) {
    const indicator = indicators.get(r.cells.indicator ?? "");
    if (!indicator) {
      problems.push({ where: r.at("indicator"), code: "unknown", detail: r.cells.indicator });
      continue;
    }
    origins.set(`${indicator.path}.targets.${indicator.targets.length}`, r);
    indicator.targets.push({
      when: r.cells.when || "lop",
      location: text(r.cells.location),
      option: text(r.cells.option),
      value: number(r.cells.value, r.at("value")),
      numerator: number(r.cells.numerator, r.at("numerator")),
      denominator: number(r.cells.denominator, r.at("denominator")),
      note: text(r.cells.note),
      provenance: "DOCUMENT",
    });
  }
  rows.Periods.forEach((r, i) => {
    origins.set(`periods.${i}`, r);
  });
  rows.Rounds.forEach((r, i) => {
    origins.set(`rounds.${i}`, r);
  });
  const definition: Definition = {
    code: fields.code ?? "",
    name: fields.name ?? "",
    summary: fields.summary ?? "",
    donor: fields.donor ?? "",
    partners: list(fields.partners),
    startDate: fields.startDate ?? "",
    endDate: fields.endDate ?? "",
    reportingFrequency: (upper(fields.reportingFrequency) ?? "QUARTERLY") as "QUARTERLY",
    languages: list(fields.languages).length ? list(fields.languages) : ["en"],
    locations: list(fields.locations),
    onTrackThreshold: number(fields.onTrackThreshold, `${PROJECT_SHEET}!onTrackThreshold`),
    atRiskThreshold: number(fields.atRiskThreshold, `${PROJECT_SHEET}!atRiskThreshold`),
    dimensions: rows.Dimensions.map((r) => ({
      key: r.cells.key ?? "",
      name: r.cells.name ?? "",
      options: list(r.cells.options).map((o) => {
        const [key, ...name] = o.split("=");
        return [key?.trim() ?? "", name.join("=").trim() || key?.trim() || ""] as [string, string];
      }),
    })),
    periods: rows.Periods.length
      ? rows.Periods.map((r) => ({
          label: r.cells.label ?? "",
          startDate: r.cells.startDate ?? "",
          endDate: r.cells.endDate ?? "",
        }))
      : undefined,
    rounds: rows.Rounds.map((r) => ({
      key: r.cells.key ?? "",
      type: (upper(r.cells.type) ?? "") as "BASELINE",
      name: r.cells.name ?? "",
      startDate: r.cells.startDate ?? "",
      endDate: r.cells.endDate ?? "",
      mode: (upper(r.cells.mode) ?? "IN_PERSON") as "IN_PERSON",
      plannedSampleSize: number(r.cells.plannedSampleSize, r.at("plannedSampleSize")),
      achievedSampleSize: number(r.cells.achievedSampleSize, r.at("achievedSampleSize")),
    })),
    nodes,
  };
  return { definition: problems.length ? null : definition, problems, warnings, locate };
}
