// The library's catalogue file (one row per study): its columns, written by the CSV/XLSX export and read
// back by the bulk import, so an exported file imports again. Reading a row is pure here: the names a row
// gives (type, themes, countries, places, projects) are resolved against lookups the server loads, and
// each problem names its row and column. What is accepted as people type it in a spreadsheet:
// - dates as YYYY-MM-DD (as exported, and as XLSX date cells are read) or day first, DD/MM/YYYY (also
//   with - or .), as Spanish and most European users write them; month-first US dates are not read;
// - a page count with thousands separators ("1,234", "1.234", "1 234"); a page count is whole, so a
//   decimal ("39,5", "12.5") is refused rather than guessed;
// - types and themes by key or by their English or Spanish name, method and visibility by key, any case;
// - lists separated by spaces (languages, countries, places, themes) or by ";" (projects: codes may
//   hold spaces).
import type { StudyInput } from "./input";
import { studyMethods, studyVisibilities } from "./input";

/** The columns, in the export's order: the first nine are the CSV's first version, kept as they were. */
export const catalogueColumns = [
  "id",
  "type",
  "title_en",
  "title_es",
  "languages",
  "published",
  "method",
  "countries",
  "visibility",
  "abstract_en",
  "abstract_es",
  "fieldwork_start",
  "fieldwork_end",
  "pages",
  "themes",
  "projects",
  "places",
  "authors",
  "commissioned_by",
  "instruments",
] as const;

export type CatalogueColumn = (typeof catalogueColumns)[number];

/** A problem of the file: the row (as a spreadsheet numbers it, 1 the header) and the column it is in. */
export type CatalogueProblem = { row: number; column: string; code: CatalogueProblemCode; value?: string };

export type CatalogueProblemCode =
  | "noRows"
  | "unknownColumn"
  | "missingColumn"
  | "required"
  | "tooLong"
  | "unknownType"
  | "unknownTheme"
  | "unknownCountry"
  | "unknownPlace"
  | "unknownProject"
  | "projectNotEditable"
  | "projectRequired"
  | "badDate"
  | "endBeforeStart"
  | "badPages"
  | "badMethod"
  | "badVisibility"
  | "duplicateTitle"
  | "invalid";

/** What the names of a file are looked up in (loaded by the server for the importing user). */
export type CatalogueLookups = {
  /** Type keys by their key and names, lower case. */
  types: Map<string, string>;
  themes: Map<string, string>;
  /** Location ids by ISO code (upper case): countries, and every place with a code. */
  countries: Map<string, string>;
  places: Map<string, string>;
  /** Projects by code (lower case) that the user reads, with whether the user files studies in them. */
  projects: Map<string, { id: string; editable: boolean }>;
  /** Whether a study without projects may be filed (admins). */
  mayFileWithoutProject: boolean;
};

/** A row read: the study it files (when it has no problem) and its problems. */
export type CatalogueRowResult = { row: number; title: string; study: StudyInput | null; problems: CatalogueProblem[] };

/**
 * Undoes the CSV export's defusing of formulas (lib/formats/write/csv.ts prefixes "'" to a text that
 * starts with =, +, -, @): an exported title reads back as it was filed.
 */
export function undefused(text: string): string {
  return /^'[=+\-@\t\r＝＋－＠]/.test(text) ? text.slice(1) : text;
}

/** A date as YYYY-MM-DD from ISO or day-first text; null when it is no real date. */
export function catalogueDate(text: string): string | null {
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : dayFirst
      ? [dayFirst[3], dayFirst[2], dayFirst[1]]
      : [null, null, null];
  if (!year || !month || !day) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // 31/02/2021 rolls over into March: not a real date.
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return date.toISOString().slice(0, 10);
}

/** A whole number, with or without thousands separators (comma, point, space); null otherwise. */
export function catalogueWholeNumber(text: string): number | null {
  const compact = text.replace(/[\u00a0\u202f]/g, " ");
  if (/^\d+$/.test(compact)) return Number(compact);
  if (/^\d{1,3}([,. ]\d{3})+$/.test(compact) && new Set(compact.match(/[,. ]/g)).size === 1)
    return Number(compact.replace(/[,. ]/g, ""));
  return null;
}

const listOf = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);

/** The header's problems (an unknown or a missing column), and each column's position. */
export function readCatalogueHeader(cells: string[]): {
  index: Map<string, number>;
  problems: CatalogueProblem[];
} {
  const index = new Map<string, number>();
  const problems: CatalogueProblem[] = [];
  cells.forEach((cell, i) => {
    const name = cell.trim().toLowerCase();
    if (!name) return;
    if ((catalogueColumns as readonly string[]).includes(name)) index.set(name, i);
    else problems.push({ row: 1, column: cell.trim(), code: "unknownColumn" });
  });
  if (!index.has("type")) problems.push({ row: 1, column: "type", code: "missingColumn" });
  if (!index.has("title_en") && !index.has("title_es"))
    problems.push({ row: 1, column: "title_en", code: "missingColumn" });
  return { index, problems };
}

/** One row of the file: the study it files, or its problems, each naming its column. */
export function readCatalogueRow(
  row: number,
  cells: string[],
  index: Map<string, number>,
  lookups: CatalogueLookups,
): CatalogueRowResult {
  const problems: CatalogueProblem[] = [];
  const cell = (column: CatalogueColumn) => {
    const i = index.get(column);
    return i === undefined ? "" : undefused((cells[i] ?? "").trim());
  };
  const problem = (column: CatalogueColumn, code: CatalogueProblemCode, value?: string) =>
    problems.push({ row, column, code, ...(value !== undefined ? { value } : {}) });

  const typeText = cell("type");
  const typeKey = lookups.types.get(typeText.toLowerCase()) ?? null;
  if (!typeText) problem("type", "required");
  else if (!typeKey) problem("type", "unknownType", typeText);

  const texts = (["en", "es"] as const).flatMap((language) => {
    const title = cell(`title_${language}`);
    const abstract = cell(`abstract_${language}`);
    if (!title && abstract) problem(`title_${language}`, "required");
    return title ? [{ language, title, abstract }] : [];
  });
  if (texts.length === 0 && !problems.some((p) => p.column.startsWith("title_")))
    problem(index.has("title_en") ? "title_en" : "title_es", "required");

  const date = (column: "published" | "fieldwork_start" | "fieldwork_end") => {
    const text = cell(column);
    if (!text) return null;
    const day = catalogueDate(text);
    if (!day) problem(column, "badDate", text);
    return day;
  };
  const publishedOn = date("published");
  const fieldworkStart = date("fieldwork_start");
  const fieldworkEnd = date("fieldwork_end");
  if (fieldworkStart && fieldworkEnd && fieldworkEnd < fieldworkStart)
    problem("fieldwork_end", "endBeforeStart", cell("fieldwork_end"));

  const pagesText = cell("pages");
  const pageCount = pagesText ? catalogueWholeNumber(pagesText) : null;
  if (pagesText && (pageCount === null || pageCount < 1 || pageCount > 100_000))
    problem("pages", "badPages", pagesText);

  const methodText = cell("method").toUpperCase();
  const method = (studyMethods as readonly string[]).includes(methodText)
    ? (methodText as (typeof studyMethods)[number])
    : null;
  if (methodText && !method) problem("method", "badMethod", cell("method"));

  const visibilityText = cell("visibility").toUpperCase();
  const visibility = (studyVisibilities as readonly string[]).includes(visibilityText)
    ? (visibilityText as (typeof studyVisibilities)[number])
    : visibilityText
      ? null
      : "INTERNAL";
  if (!visibility) problem("visibility", "badVisibility", cell("visibility"));

  const resolve = (
    column: CatalogueColumn,
    names: string[],
    map: Map<string, string>,
    code: CatalogueProblemCode,
    key: (s: string) => string,
  ) =>
    names.flatMap((name) => {
      const found = map.get(key(name));
      if (!found) problem(column, code, name);
      return found ? [found] : [];
    });
  const themeKeys = resolve("themes", listOf(cell("themes"), /[\s;,]+/), lookups.themes, "unknownTheme", (s) =>
    s.toLowerCase(),
  );
  const countryIds = resolve(
    "countries",
    listOf(cell("countries"), /[\s;,]+/),
    lookups.countries,
    "unknownCountry",
    (s) => s.toUpperCase(),
  );
  const placeIds = resolve("places", listOf(cell("places"), /[\s;,]+/), lookups.places, "unknownPlace", (s) =>
    s.toUpperCase(),
  );

  const projectIds = listOf(cell("projects"), /;/).flatMap((code) => {
    const project = lookups.projects.get(code.toLowerCase());
    if (!project) problem("projects", "unknownProject", code);
    else if (!project.editable) problem("projects", "projectNotEditable", code);
    return project ? [project.id] : [];
  });
  if (!cell("projects") && !lookups.mayFileWithoutProject) problem("projects", "projectRequired");

  const title = texts[0]?.title ?? "";
  if (problems.length || !typeKey || !visibility) return { row, title, study: null, problems };
  return {
    row,
    title,
    problems,
    study: {
      typeKey,
      texts,
      method,
      instruments: cell("instruments"),
      fieldworkStart,
      fieldworkEnd,
      publishedOn,
      authors: cell("authors"),
      commissionedBy: cell("commissioned_by"),
      pageCount,
      visibility,
      projectIds: [...new Set(projectIds)],
      locationIds: [...new Set([...countryIds, ...placeIds])],
      themeKeys: [...new Set(themeKeys)],
    },
  };
}

/** Titles that an earlier row of the file already has (in the same language, any case): a problem each. */
export function duplicateTitles(rows: { row: number; study: StudyInput | null }[]): CatalogueProblem[] {
  const seen = new Map<string, number>();
  const problems: CatalogueProblem[] = [];
  for (const { row, study } of rows) {
    for (const text of study?.texts ?? []) {
      const key = `${text.language}\u0000${text.title.toLowerCase().replace(/\s+/g, " ")}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, row);
      else problems.push({ row, column: `title_${text.language}`, code: "duplicateTitle", value: String(first) });
    }
  }
  return problems;
}

/** The column a problem of the schema (lib/domain/studies/input.ts) names, from its path. */
export function catalogueColumnOf(path: PropertyKey[], texts: { language: string }[]): string {
  const [field, position, part] = path;
  if (field === "texts") {
    const language = typeof position === "number" ? (texts[position]?.language ?? "en") : "en";
    return `${part === "abstract" ? "abstract" : "title"}_${language}`;
  }
  const columns: Record<string, CatalogueColumn> = {
    typeKey: "type",
    fieldworkStart: "fieldwork_start",
    fieldworkEnd: "fieldwork_end",
    publishedOn: "published",
    commissionedBy: "commissioned_by",
    pageCount: "pages",
    projectIds: "projects",
    locationIds: "places",
    themeKeys: "themes",
  };
  return columns[String(field)] ?? String(field);
}
