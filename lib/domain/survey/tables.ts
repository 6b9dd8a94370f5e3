// A survey export (KoboToolbox, ODK) as tables: the submissions, then each repeat group's rows joined
// to the row they were answered in. In an XLSX export each repeat group is its own sheet whose rows
// point at their parent by `_parent_index` → `_index` (KoboToolbox) or `PARENT_KEY` → `KEY` (ODK); in a
// CSV export repeats are flattened into `group[n]/question` columns, which are unfolded back into rows.
// The whole file is held in memory: survey exports are thousands of rows, and MAX_SURVEY_ROWS (over all
// sheets; MAX_IMPORT_ROWS when that is lower) bounds it. The file is read in a worker thread
// (lib/formats/read/off-thread.ts), but its tables are copied back and computed on the server's event loop,
// which the cap keeps to a few hundred milliseconds.
import type { TableRow } from "@/lib/domain/imports/table-row";

/** Rows of a survey export, all its sheets together: a household survey of 20,000 households of 8 is 180,000. */
export const MAX_SURVEY_ROWS = 200_000;

export type SurveyRow = {
  /** Where the row is in the file: its sheet (the table's name) and row, and for an unfolded CSV repeat its number. */
  row: number;
  item?: number;
  values: Record<string, string>;
  parent: SurveyRow | null;
};

export type SurveyTable = { name: string; headers: string[]; rows: SurveyRow[]; parent: string | null };

/** The submissions table first, then the repeat groups. */
export type SurveyFile = { tables: SurveyTable[]; unjoined: { table: string; row: number }[] };

const repeatColumn = /^(.*?)([^/[\]]+)\[(\d+)\]\/(.+)$/;
const empty = (v: string | undefined) => v === undefined || v.trim() === "" || v.trim().toLowerCase() === "n/a";

/** Reads the rows of every sheet (or of the one CSV table) into joined tables. */
export async function readSurveyFile(rows: AsyncIterable<TableRow>): Promise<SurveyFile> {
  const sheets: { name: string; headers: string[]; rows: TableRow[] }[] = [];
  for await (const r of rows) {
    const name = r.sheet ?? "";
    const last = sheets.at(-1);
    if (!last || last.name !== name) sheets.push({ name, headers: r.cells.map((h) => h.trim()), rows: [] });
    else last.rows.push(r);
  }
  const [main, ...repeats] = sheets;
  if (!main) return { tables: [], unjoined: [] };
  const record = (headers: string[], cells: string[]) =>
    Object.fromEntries(headers.map((h, i) => [h, (cells[i] ?? "").trim()]).filter(([h]) => h !== ""));
  const submissions: SurveyTable = {
    name: main.name || "submissions",
    headers: main.headers,
    rows: main.rows.map((r) => ({ row: r.row, values: record(main.headers, r.cells), parent: null })),
    parent: null,
  };
  const tables = [submissions];
  const unjoined: SurveyFile["unjoined"] = [];
  if (repeats.length) {
    for (const sheet of repeats) {
      const rowsOf = sheet.rows.map((r) => ({ row: r.row, values: record(sheet.headers, r.cells), parent: null }));
      tables.push({ name: sheet.name, headers: sheet.headers, rows: rowsOf, parent: null });
    }
    joinSheets(tables, unjoined);
  } else unfoldRepeats(tables);
  return { tables, unjoined };
}

/** Links each repeat sheet's rows to their parent rows (another sheet, by its `_index` or `KEY`). */
function joinSheets(tables: SurveyTable[], unjoined: SurveyFile["unjoined"]) {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const keyed = new Map<SurveyTable, Map<string, SurveyRow>>();
  const indexOf = (t: SurveyTable) => {
    let index = keyed.get(t);
    if (!index) {
      index = new Map();
      for (const r of t.rows) {
        if (r.values._index) index.set(`i:${r.values._index}`, r);
        if (r.values.KEY) index.set(`k:${r.values.KEY}`, r);
      }
      keyed.set(t, index);
    }
    return index;
  };
  // A sheet's name is cut to 31 characters; the main sheet is named after the form, not its id.
  const parentTable = (name: string | undefined) =>
    (name && (byName.get(name) ?? tables.find((t) => t.name === name.slice(0, 31)))) || tables[0];
  for (const table of tables.slice(1)) {
    for (const r of table.rows) {
      const parent = parentTable(r.values._parent_table_name);
      if (!parent || parent === table) continue;
      table.parent ??= parent.name;
      const key = r.values._parent_index ? `i:${r.values._parent_index}` : `k:${r.values.PARENT_KEY ?? ""}`;
      r.parent = indexOf(parent).get(key) ?? null;
      if (!r.parent) unjoined.push({ table: table.name, row: r.row });
    }
  }
}

/** A CSV export's `group[n]/question` columns, back into one table per repeat group (nested too). */
function unfoldRepeats(tables: SurveyTable[]) {
  const byName = new Map<string, SurveyTable>();
  const unfold = (row: SurveyRow, from: string) => {
    const children = new Map<string, { table: string; prefix: string; item: number; values: Record<string, string> }>();
    for (const [header, value] of Object.entries(row.values)) {
      const match = repeatColumn.exec(header);
      if (!match) continue;
      const [, path = "", name = "", n = "", rest = ""] = match;
      const id = `${path}${name}[${n}]`;
      let child = children.get(id);
      if (!child) {
        child = { table: name, prefix: `${path}${name}/`, item: Number(n), values: {} };
        children.set(id, child);
      }
      child.values[`${child.prefix}${rest}`] = value;
      delete row.values[header];
    }
    for (const child of children.values()) {
      if (Object.values(child.values).every(empty)) continue;
      let table = byName.get(child.table);
      if (!table) {
        table = { name: child.table, headers: [], rows: [], parent: from };
        byName.set(child.table, table);
        tables.push(table);
      }
      const childRow: SurveyRow = { row: row.row, item: child.item, values: child.values, parent: row };
      unfold(childRow, child.table);
      for (const h of Object.keys(childRow.values)) if (!table.headers.includes(h)) table.headers.push(h);
      table.rows.push(childRow);
    }
  };
  const main = tables[0];
  if (!main) return;
  for (const r of main.rows) unfold(r, main.name);
  main.headers = main.headers.filter((h) => !repeatColumn.test(h));
}

/**
 * The header a rule's column names, among the table's and its ancestors' headers: the exact header, or
 * the one whose last path segment it is (`q5` for `group/q5`) when only one is. Null when none or several.
 */
export function resolveColumn(file: SurveyFile, tableName: string, column: string): string | null {
  const chain: SurveyTable[] = [];
  for (let t = file.tables.find((x) => x.name === tableName); t; ) {
    chain.push(t);
    const parentName: string | null = t.parent;
    t = parentName === null ? undefined : file.tables.find((x) => x.name === parentName);
  }
  const headers = chain.flatMap((t) => t.headers);
  if (headers.includes(column)) return column;
  const bySegment = [...new Set(headers.filter((h) => h.split("/").at(-1) === column))];
  return bySegment.length === 1 ? (bySegment[0] ?? null) : null;
}

/** A row's answer to a header: its own, or its parent's (and so on up) when the header is theirs. */
export function answerOf(row: SurveyRow, header: string): string {
  for (let r: SurveyRow | null = row; r; r = r.parent) {
    const v = r.values[header];
    if (v !== undefined) return v;
  }
  return "";
}

/** The submission a row belongs to (itself for a submission). */
export function submissionOf(row: SurveyRow): SurveyRow {
  let r = row;
  while (r.parent) r = r.parent;
  return r;
}
