// The logframe workbook (lib/formats/read/logframe-layout.ts) as a download: blank, for a new project, or
// filled with an existing project's framework (no results), to edit in Excel and import as a new one.
import ExcelJS from "exceljs";
import { measures } from "@/lib/domain/measures";
import type { ProjectDefinitionInput } from "@/lib/domain/projects/definition";
import { LIST_SEPARATOR, PROJECT_SHEET, projectFields, README_SHEET, sheets } from "@/lib/formats/read/logframe-layout";
import { csvLine } from "./csv";

type Cell = string | number | undefined;
const joined = (values: string[] | undefined) => (values ?? []).join(`${LIST_SEPARATOR} `);

const readMe = [
  ["Logframe workbook", ""],
  ["Project", "One value per field in column B. Dates as YYYY-MM-DD. Lists separated by ';'."],
  ["Results", "level: IMPACT (goal), OUTCOME or OUTPUT. parent: the code of the result above."],
  [
    "Indicators",
    `measure: ${measures.slice(0, -1).join(", ")} or ${measures.at(-1)}; direction: INCREASE or DECREASE; timeRule: NON_CUMULATIVE or CUMULATIVE; source: MONITORING or SURVEY; dimensions: keys such as sex; age; ethnicity; disability; nationality.`,
  ],
  [
    "Targets",
    "when: lop (life of project), a period label or a round key. location: an ISO 3166 code. option: dimension:option, e.g. sex:female. Percentages: numerator and denominator.",
  ],
  ["Periods", "Optional: left empty, periods are made from the dates and the reporting frequency."],
  ["Rounds", "type: BASELINE, MIDLINE, ENDLINE or OTHER; mode: PHONE, IN_PERSON, ONLINE or MIXED."],
  ["Dimensions", "Custom disaggregations: options as key=Name; key=Name."],
];

function addSheet(book: ExcelJS.Workbook, name: keyof typeof sheets, rows: Cell[][]) {
  const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = sheets[name].map((key) => ({ header: key, key, width: Math.max(12, key.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
}

/** The workbook, as an XLSX file. */
export async function logframeWorkbook(def: ProjectDefinitionInput | null): Promise<Buffer> {
  return Buffer.from(await logframeBook(def).xlsx.writeBuffer());
}

/**
 * The same sheets as one CSV file, for tools that write CSV only: each sheet a section that starts with
 * a line "#Sheet" (its header row next), sections apart by an empty line. The "Read me" sheet is left out.
 */
export function logframeCsv(def: ProjectDefinitionInput | null): string {
  const book = logframeBook(def);
  const sections = [PROJECT_SHEET, ...Object.keys(sheets)].map((name) => {
    const sheet = book.getWorksheet(name);
    const width = sheet?.columnCount ?? 1;
    // The marker line has as many separators as the section's rows, so a reader guessing the separator
    // from the first line guesses right.
    let lines = csvLine([`#${name}`, ...Array<string>(Math.max(width - 1, 1)).fill("")]);
    sheet?.eachRow((row) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1, width + 1);
      lines += csvLine(values.map((v) => (typeof v === "number" || typeof v === "string" ? v : "")));
    });
    return lines;
  });
  return `\uFEFF${sections.join("\r\n")}`;
}

function logframeBook(def: ProjectDefinitionInput | null): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  const project = book.addWorksheet(PROJECT_SHEET);
  project.columns = [
    { header: "field", width: 22 },
    { header: "value", width: 60 },
  ];
  project.getRow(1).font = { bold: true };
  const value: Record<(typeof projectFields)[number], Cell> = {
    code: def?.code,
    name: def?.name,
    summary: def?.summary,
    donor: def?.donor,
    partners: joined(def?.partners),
    startDate: def?.startDate,
    endDate: def?.endDate,
    reportingFrequency: def?.reportingFrequency ?? "QUARTERLY",
    languages: joined(def?.languages ?? ["en"]),
    locations: joined(def?.locations),
    onTrackThreshold: def?.onTrackThreshold,
    atRiskThreshold: def?.atRiskThreshold,
  };
  for (const field of projectFields) project.addRow([field, value[field]]);
  const nodes = def?.nodes ?? [];
  const indicators = nodes.flatMap((n) => (n.indicators ?? []).map((i) => ({ node: n, i })));
  addSheet(
    book,
    "Results",
    nodes.map((n) => [n.code, n.level, n.parent, n.title, n.description]),
  );
  addSheet(
    book,
    "Indicators",
    indicators.map(({ node, i }) => [
      node.code,
      i.code,
      i.title,
      i.definition,
      i.unit,
      i.measure,
      i.direction,
      i.timeRule,
      i.source,
      i.baseline?.value,
      i.baseline?.numerator,
      i.baseline?.denominator,
      i.baseline?.date,
      joined(i.dimensions),
      i.composedFrom,
      i.meansOfVerification,
    ]),
  );
  addSheet(
    book,
    "Targets",
    indicators.flatMap(({ i }) =>
      (i.targets ?? []).map((t) => [i.code, t.when, t.location, t.option, t.value, t.numerator, t.denominator, t.note]),
    ),
  );
  addSheet(
    book,
    "Periods",
    (def?.periods ?? []).map((p) => [p.label, p.startDate, p.endDate]),
  );
  addSheet(
    book,
    "Rounds",
    (def?.rounds ?? []).map((r) => [
      r.key,
      r.type,
      r.name,
      r.startDate,
      r.endDate,
      r.mode,
      r.plannedSampleSize,
      r.achievedSampleSize,
    ]),
  );
  addSheet(
    book,
    "Dimensions",
    (def?.dimensions ?? []).map((d) => [
      d.key,
      d.name,
      d.options.map(([k, n]) => `${k}=${n}`).join(`${LIST_SEPARATOR} `),
    ]),
  );
  const help = book.addWorksheet(README_SHEET);
  help.columns = [{ width: 16 }, { width: 110 }];
  for (const row of readMe) help.addRow(row);
  help.getRow(1).font = { bold: true, size: 14 };
  return book;
}
