import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { AsOf } from "@/lib/domain/as-of";
import { exportFileName } from "@/lib/domain/format/export-file-name";
import type { Locale } from "@/lib/domain/i18n/config";
import type { Principal } from "@/lib/domain/permissions";
import { csvLine } from "@/lib/formats/write/csv";
import { type TrackingColumn, trackingColumns, trackingRows } from "@/lib/formats/write/tracking-rows";
import { translator } from "@/lib/platform/i18n/translator";
import { getProject } from "@/lib/server/projects/service";
import { exportSummaries } from "@/lib/server/summary/service";

type ExportOptions = { draft?: boolean; asOf?: AsOf; locale: Locale };

async function load(principal: Principal, projectId: string, options: ExportOptions) {
  const [project, summaries] = await Promise.all([
    getProject(principal, projectId),
    exportSummaries(principal, projectId, options),
  ]);
  if (!project || !summaries) return null;
  const t = translator(options.locale);
  const nodes = project.resultNodes.map(({ id, code, title, level }) => ({ id, code, title, level }));
  const rows = trackingRows(nodes, summaries.overall, summaries.byTime, {
    lifeOfProject: t("tracking.lifeOfProject"),
    overall: t("tracking.allLocations"),
    notByRegion: (place) => t("chart.notByRegion", { place }),
    status: (code) => t(`status.${code}`),
  });
  return { project, nodes, rows, t, draft: summaries.draft, asOf: summaries.overall.asOf };
}

/** The tracking table as CSV, written row by row into the response (UTF-8, stable column names). */
export async function trackingCsv(principal: Principal, projectId: string, options: ExportOptions) {
  const data = await load(principal, projectId, options);
  if (!data) return null;
  const { rows, draft } = data;
  const encoder = new TextEncoder();
  const lines = (function* () {
    yield encoder.encode(`\uFEFF${csvLine([...trackingColumns, "draft"])}`);
    for (const row of rows)
      yield encoder.encode(csvLine([...trackingColumns.map((c) => row[c]), draft ? "draft" : ""]));
  })();
  const body = Readable.toWeb(Readable.from(lines)) as ReadableStream;
  return { body, filename: exportFileName(data.project.code, "tracking-table", "csv", draft) };
}

const numberColumns: TrackingColumn[] = [
  "baseline",
  "target",
  "actual",
  "numerator",
  "denominator",
  "expected_to_date",
];

/** A result's sheet: frozen, filterable header in the user's language, number formats per column. */
function startSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, t: ReturnType<typeof translator>) {
  const sheet = workbook.addWorksheet(name.trim().slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = trackingColumns.map((c) => ({
    key: c,
    width: c === "indicator" || c === "result" ? 48 : 16,
    style: numberColumns.includes(c) ? { numFmt: "#,##0.##" } : c === "achievement" ? { numFmt: "0%" } : {},
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: trackingColumns.length } };
  const header = sheet.addRow(trackingColumns.map((c) => t(`tracking.columns.${c}`)));
  header.font = { bold: true };
  header.commit();
  return sheet;
}

/**
 * The tracking table as a formatted XLSX workbook, streamed: a cover sheet, then one sheet per outcome or
 * output with a frozen, filterable header in the user's language and number formats per column.
 */
export async function trackingXlsx(principal: Principal, projectId: string, options: ExportOptions) {
  const data = await load(principal, projectId, options);
  if (!data) return null;
  const { project, nodes, rows, t, draft, asOf } = data;
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const write = async () => {
    const cover = workbook.addWorksheet(t("tracking.cover"));
    cover.columns = [{ width: 28 }, { width: 90 }];
    cover.addRow([t("tracking.project"), `${project.code} ${project.name}`]).commit();
    cover.addRow([t("tracking.asOf"), asOf.toISOString().slice(0, 10)]).commit();
    cover.addRow([t("tracking.figures"), draft ? t("tracking.draft") : t("tracking.approvedOnly")]).commit();
    if (project.sourceNote) cover.addRow([t("tracking.sources"), project.sourceNote]).commit();
    await cover.commit();
    // Rows arrive in logframe order: a new result starts a new sheet.
    let sheet: ExcelJS.Worksheet | null = null;
    let sheetNode: string | null = null;
    for (const row of rows) {
      if (row.resultNodeId !== sheetNode) {
        if (sheet) await sheet.commit();
        const node = nodes.find((n) => n.id === row.resultNodeId);
        sheet = startSheet(workbook, `${node ? t(`project.levels.${node.level}`) : ""} ${node?.code ?? ""}`, t);
        sheetNode = row.resultNodeId;
      }
      sheet?.addRow(trackingColumns.map((c) => row[c] ?? null)).commit();
    }
    if (sheet) await sheet.commit();
    await workbook.commit();
  };
  write().catch((error) => output.destroy(error));
  return {
    body: Readable.toWeb(output) as ReadableStream,
    filename: exportFileName(project.code, "tracking-table", "xlsx", draft),
  };
}
