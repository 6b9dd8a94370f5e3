// Submissions read from a server's API (KoboToolbox's JSON, ODK Central's OData) as the same tables a
// survey export is read into (./tables.ts), so the project's saved survey rules apply to them alike.
// Groups are paths ("location/region"); a list of objects is a repeat group, its rows joined to the
// row they were answered in; KoboToolbox's metadata lists (attachments, notes) are not repeat groups.
// Pure: no I/O.
import { parseCondition } from "./condition";
import type { SurveyRules } from "./rules";
import type { SurveyFile, SurveyRow, SurveyTable } from "./tables";

export type SubmissionRecord = Record<string, unknown>;

/** Lists that are the server's metadata, not answers. */
const metadataLists = new Set(["_attachments", "_notes", "_tags", "_supplementalDetails", "_geolocation"]);

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(text).join(" ");
  // KoboToolbox's validation status: { uid: "validation_status_approved", label: "Approved", … }.
  const o = value as Record<string, unknown>;
  if (typeof o.uid === "string") return o.uid;
  return "";
}

const isRecordList = (v: unknown): v is SubmissionRecord[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "object" && x !== null && !Array.isArray(x));
const isGroup = (v: unknown): v is SubmissionRecord => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The submissions (oldest first) as tables: the submissions, then each repeat group (named by its last
 * path segment, as an export names its sheet). A submission's row number is its place in the list.
 */
export function surveyFileOfSubmissions(records: SubmissionRecord[], name = "submissions"): SurveyFile {
  const main: SurveyTable = { name, headers: [], rows: [], parent: null };
  const tables = new Map<string, SurveyTable>();
  const headerSets = new Map<SurveyTable, Set<string>>();
  const addHeader = (table: SurveyTable, h: string) => {
    let set = headerSets.get(table);
    if (!set) {
      set = new Set(table.headers);
      headerSets.set(table, set);
    }
    if (!set.has(h)) {
      set.add(h);
      table.headers.push(h);
    }
  };
  const fill = (table: SurveyTable, row: SurveyRow, record: SubmissionRecord, prefix: string) => {
    for (const [key, value] of Object.entries(record)) {
      // KoboToolbox writes a repeat's questions with their full path; ODK Central relative to the repeat.
      const path = prefix && !key.startsWith(prefix) ? `${prefix}${key}` : key;
      if (isRecordList(value) && !metadataLists.has(key)) {
        const repeatName = path.split("/").at(-1) ?? path;
        let child = tables.get(repeatName);
        if (!child) {
          child = { name: repeatName, headers: [], rows: [], parent: table.name };
          tables.set(repeatName, child);
        }
        value.forEach((item, i) => {
          const childRow: SurveyRow = { row: row.row, item: i + 1, values: {}, parent: row };
          fill(child, childRow, item, `${path}/`);
          child.rows.push(childRow);
        });
      } else if (isGroup(value) && key !== "_validation_status") {
        fill(table, row, value, `${path}/`);
      } else if (!(Array.isArray(value) && metadataLists.has(key) && key !== "_geolocation")) {
        row.values[path] = text(value);
        addHeader(table, path);
      }
    }
  };
  records.forEach((record, i) => {
    const row: SurveyRow = { row: i + 1, values: {}, parent: null };
    fill(main, row, record, "");
    main.rows.push(row);
  });
  return { tables: [main, ...tables.values()], unjoined: [] };
}

/**
 * The columns a form version lacks that other versions have, among those the rules name: a question
 * renamed (or dropped) between versions, reported rather than guessed.
 */
export function versionDrift(
  submissions: { version: string | null; record: SubmissionRecord }[],
  columns: string[],
): { column: string; missingIn: string[]; presentIn: string[] }[] {
  if (!columns.length) return [];
  const byVersion = new Map<string, Set<string>>();
  const collect = (set: Set<string>, record: SubmissionRecord, prefix: string) => {
    for (const [key, value] of Object.entries(record)) {
      const path = prefix && !key.startsWith(prefix) ? `${prefix}${key}` : key;
      set.add(path);
      if (isRecordList(value)) for (const item of value) collect(set, item, `${path}/`);
      else if (isGroup(value)) collect(set, value, `${path}/`);
    }
  };
  for (const s of submissions) {
    const version = s.version ?? "";
    let set = byVersion.get(version);
    if (!set) {
      set = new Set();
      byVersion.set(version, set);
    }
    collect(set, s.record, "");
  }
  if (byVersion.size < 2) return [];
  const has = (set: Set<string>, column: string) =>
    set.has(column) || [...set].some((h) => h.split("/").at(-1) === column);
  const drift = [];
  for (const column of new Set(columns)) {
    const presentIn = [...byVersion].filter(([, set]) => has(set, column)).map(([v]) => v);
    const missingIn = [...byVersion].filter(([, set]) => !has(set, column)).map(([v]) => v);
    if (presentIn.length && missingIn.length) drift.push({ column, missingIn, presentIn });
  }
  return drift;
}

/** Every column the rules read: the place, date and weight, the disaggregations, questions and conditions. */
export function ruleColumns(rules: SurveyRules): string[] {
  const columns = [rules.place, rules.date, rules.weight, ...rules.disaggregations.map((d) => d.column)];
  for (const rule of rules.indicators) {
    columns.push(rule.question);
    for (const condition of [rule.condition, rule.filter]) {
      const parsed = condition ? parseCondition(condition) : null;
      if (parsed?.ok) columns.push(...parsed.clauses.map((c) => c.column));
    }
  }
  return columns.filter((c): c is string => !!c);
}
