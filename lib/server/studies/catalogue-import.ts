// The bulk import of a catalogue file (CSV or XLSX in the export's columns, lib/domain/studies/catalogue.ts):
// read through the table readers in a worker thread with their limits, every row checked against the
// library's vocabulary and the importer's projects, each problem named by row and column; then, only when
// there is none and the import is confirmed, every study filed in one transaction (all or nothing), each
// audited as filed one by one, and the import itself audited.
import "server-only";
import { randomUUID } from "node:crypto";
import { can, ForbiddenError, type Principal, readableProjects, requireUserId } from "@/lib/domain/permissions";
import {
  type CatalogueLookups,
  type CatalogueProblem,
  type CatalogueRowResult,
  catalogueColumnOf,
  duplicateTitles,
  readCatalogueHeader,
  readCatalogueRow,
} from "@/lib/domain/studies/catalogue";
import { studyInput } from "@/lib/domain/studies/input";
import { tableRowsOffThread } from "@/lib/formats/read/table-off-thread";
import { db } from "@/lib/platform/db";
import { recordAudit } from "@/lib/server/audit/record";
import { CATALOGUE_LIMIT } from "./catalogue";
import { insertStudy } from "./service";

/** What a catalogue file would file: each row's first title, and every problem (none: it may be imported). */
export type CataloguePreview = {
  rows: { row: number; title: string }[];
  problems: CatalogueProblem[];
  /** The studies filed, once imported. */
  created?: number;
};

/** Whether the user may file studies at all: an admin, or a manager of some project. */
export function mayImportCatalogue(principal: Principal): boolean {
  if (principal.kind !== "user") return false;
  return principal.isAdmin || Object.keys(principal.roles).some((id) => can(principal, "studies.edit", id));
}

async function lookupsFor(principal: Principal): Promise<CatalogueLookups> {
  const readable = readableProjects(principal);
  const [types, themes, locations, projects] = await Promise.all([
    db().studyType.findMany({ select: { key: true, nameEn: true, nameEs: true } }),
    db().studyTheme.findMany({ select: { key: true, nameEn: true, nameEs: true } }),
    db().location.findMany({ where: { isoCode: { not: null } }, select: { id: true, isoCode: true, level: true } }),
    db().project.findMany({
      where: readable === "all" ? {} : { id: { in: readable } },
      select: { id: true, code: true },
    }),
  ]);
  const named = (rows: { key: string; nameEn: string; nameEs: string }[]) =>
    new Map(rows.flatMap((r) => [r.key, r.nameEn, r.nameEs].map((n) => [n.toLowerCase(), r.key] as const)));
  const coded = (rows: typeof locations) => new Map(rows.map((l) => [(l.isoCode ?? "").toUpperCase(), l.id]));
  return {
    types: named(types),
    themes: named(themes),
    countries: coded(locations.filter((l) => l.level === "COUNTRY")),
    places: coded(locations),
    projects: new Map(
      projects.map((p) => [p.code.toLowerCase(), { id: p.id, editable: can(principal, "studies.edit", p.id) }]),
    ),
    mayFileWithoutProject: principal.kind === "user" && principal.isAdmin,
  };
}

/** The file's rows read and checked: what each files, and every problem. */
async function readCatalogue(principal: Principal, format: "csv" | "xlsx", source: AsyncIterable<Uint8Array>) {
  const lookups = await lookupsFor(principal);
  let header: ReturnType<typeof readCatalogueHeader> | null = null;
  const rows: CatalogueRowResult[] = [];
  // The header and at most CATALOGUE_LIMIT studies: a longer file is refused as too many rows.
  for await (const { row, cells } of tableRowsOffThread(format, source, CATALOGUE_LIMIT + 1)) {
    if (!header) {
      header = readCatalogueHeader(cells);
      continue;
    }
    const read = readCatalogueRow(row, cells, header.index, lookups);
    // The rest of the schema's checks (lengths, counts), each named by its column.
    if (read.study) {
      const parsed = studyInput.safeParse(read.study);
      if (!parsed.success) {
        read.problems = parsed.error.issues.map((issue) => ({
          row,
          column: catalogueColumnOf(issue.path, read.study?.texts ?? []),
          code: issue.code === "too_big" ? "tooLong" : "invalid",
        }));
        read.study = null;
      }
    }
    rows.push(read);
  }
  const problems = [...(header?.problems ?? []), ...rows.flatMap((r) => r.problems), ...duplicateTitles(rows)];
  if (rows.length === 0) problems.push({ row: 2, column: "", code: "noRows" });
  problems.sort((a, b) => a.row - b.row);
  return { rows, problems };
}

/**
 * Previews a catalogue file, or with `confirm` imports it: nothing is filed unless the file has no
 * problem at all, and then every study is, in one transaction.
 */
export async function importCatalogue(
  principal: Principal,
  file: { format: "csv" | "xlsx"; source: AsyncIterable<Uint8Array>; name?: string },
  options: { confirm: boolean },
): Promise<CataloguePreview> {
  if (!mayImportCatalogue(principal)) throw new ForbiddenError("studies.edit");
  const { rows, problems } = await readCatalogue(principal, file.format, file.source);
  const preview: CataloguePreview = { rows: rows.map((r) => ({ row: r.row, title: r.title })), problems };
  if (!options.confirm || problems.length > 0) return preview;
  const userId = requireUserId(principal);
  const ids = await db().$transaction(
    async (tx) => {
      const ids: string[] = [];
      for (const { study } of rows) if (study) ids.push(await insertStudy(tx, userId, studyInput.parse(study)));
      await recordAudit(tx, {
        action: "study.catalogue.import",
        entityType: "StudyCatalogueImport",
        entityId: randomUUID(),
        actorUserId: userId,
        after: { file: file.name ?? null, format: file.format, studies: ids },
      });
      return ids;
    },
    // Thousands of studies take longer than a form's single one.
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { ...preview, created: ids.length };
}
