// The organisation's roll-up of one library indicator (#34) as files: CSV and XLSX (one row per
// project's part of each group's figure, lib/formats/write/rollup-rows.ts) and a PDF (each group's
// figure, then the projects and values it is made of). All three come from libraryRollup, the page's
// own loader, for the caller's projects only, with the filters written into the file.
import "server-only";
import { createFormatter } from "use-intl/core";
import { exportFileName } from "@/lib/domain/format/export-file-name";
import { formatCounts, formatFigure } from "@/lib/domain/format/figure-format";
import type { Locale } from "@/lib/domain/i18n/config";
import type { Principal } from "@/lib/domain/permissions";
import type { RolledFigure } from "@/lib/domain/rollup";
import { toCsv } from "@/lib/formats/write/csv";
import { type Paragraph, paragraphsPdf } from "@/lib/formats/write/paragraphs-pdf";
import { rollupColumns, rollupRows } from "@/lib/formats/write/rollup-rows";
import { tableXlsx } from "@/lib/formats/write/table-xlsx";
import { translator } from "@/lib/platform/i18n/translator";
import { libraryRollup, type RollupOptions, rollupGroupName } from "@/lib/server/library/rollup";

export type RollupExportOptions = RollupOptions & { locale: Locale };

const headerKeys = {
  by: "organisation.by",
  year: "organisation.year",
  as_of: "organisation.export.asOf",
  group_key: "organisation.export.groupKey",
  group: "organisation.export.group",
  target: "organisation.export.target",
  achieved: "organisation.export.achieved",
  numerator: "organisation.export.numerator",
  denominator: "organisation.export.denominator",
  project: "organisation.export.project",
  project_achieved: "organisation.export.projectAchieved",
  project_target: "organisation.export.projectTarget",
  places: "organisation.export.places",
  periods: "organisation.export.periods",
  note: "organisation.export.note",
} as const satisfies Record<(typeof rollupColumns)[number], string>;

async function load(principal: Principal, libraryId: string, options: RollupExportOptions) {
  const rolled = await libraryRollup(principal, libraryId, options);
  if (!rolled) return null;
  const { locale } = options;
  const t = translator(locale);
  const format = createFormatter({ locale, timeZone: "UTC" });
  const { library } = rolled;
  const fig = (v: number | null) => formatFigure(format, library.measure, v, "–");
  const coverageNotes = (need: NonNullable<typeof rolled.coverage>[string] | undefined) => {
    if (!need) return [];
    if (need.missing.length) return [t("population.noNeed", { places: need.missing.join(", ") })];
    if (need.coverage === null) return [];
    const share = format.number(need.coverage / 100, { style: "percent", maximumFractionDigits: 2 });
    const text = `${t("population.coverage")}: ${t("population.coverageOf", { coverage: share })}`;
    return [need.uncertain ? `${text}, ${t("population.coverageUncertain")}` : text];
  };
  const codeOf = (figure: RolledFigure, id: string) => figure.contributions.find((c) => c.projectId === id)?.code ?? id;
  const notes = (figure: RolledFigure) => [
    ...(figure.targetBasis === "equalWeights" ? [t("organisation.export.equalWeights")] : []),
    ...(figure.targetMissing.length
      ? [
          t("organisation.targetMissing", {
            covered: figure.contributions.length - figure.targetMissing.length,
            total: figure.contributions.length,
            projects: figure.targetMissing.map((c) => c.code).join(", "),
            missing: figure.targetMissing.length,
          }),
        ]
      : []),
    // What the page says beside the figure: periods counted whole past the window, and the coverage.
    ...figure.contributions
      .filter((c) => c.straddling > 0)
      .map((c) => `${c.code}: ${t("organisation.straddling", { count: c.straddling })}`),
    ...coverageNotes(rolled.coverage?.[figure.key]),
    ...(figure.overlap
      ? [
          t("organisation.export.overlapNote", {
            projects: figure.overlap.groups
              .map((g) => g.projectIds.map((id) => codeOf(figure, id)).join(" + "))
              .join("; "),
            sum: fig(figure.overlap.sum),
            max: fig(figure.overlap.max),
          }),
        ]
      : []),
  ];
  const labels = {
    noRegion: t("organisation.noRegion"),
    allProjects: t("organisation.allProjects"),
    noTheme: t("organisation.noTheme"),
  };
  const groups = rolled.figures.map((figure) => ({
    name: rollupGroupName(rolled, options.by, figure.key, locale, labels),
    figure,
  }));
  const asOf = rolled.asOf.date.toISOString().slice(0, 10);
  const name = locale === "es" ? library.nameEs : library.nameEn;
  const title = t("organisation.export.title", { indicator: `${library.code}: ${name}` });
  const filterText = t("organisation.export.filters", {
    by: t(`organisation.groupings.${options.by}`),
    year: options.year === null ? t("organisation.export.allYears") : String(options.year),
    asOf,
  });
  const what = `rollup-by-${options.by}${options.year === null ? "" : `-${options.year}`}`;
  const fileName = (ext: string) => exportFileName(library.code, what, ext, false);
  return { rolled, t, fig, notes, groups, asOf, title, filterText, fileName, format };
}

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

const rowsOf = (data: Loaded, options: RollupExportOptions) =>
  rollupRows({
    filters: { by: options.by, year: options.year, asOf: data.asOf },
    groups: data.groups,
    notes: data.notes,
  });

/** The roll-up as CSV: stable column names, the filters in every row. */
export async function rollupCsv(principal: Principal, libraryId: string, options: RollupExportOptions) {
  const data = await load(principal, libraryId, options);
  if (!data) return null;
  return { body: toCsv([...rollupColumns], rowsOf(data, options)), filename: data.fileName("csv") };
}

/** The roll-up as an XLSX sheet: the same rows, headed in the reader's language. */
export async function rollupXlsx(principal: Principal, libraryId: string, options: RollupExportOptions) {
  const data = await load(principal, libraryId, options);
  if (!data) return null;
  const header = rollupColumns.map((c) => data.t(headerKeys[c]));
  const body = await tableXlsx(data.rolled.library.code, header, rowsOf(data, options));
  return { body: new Uint8Array(body), filename: data.fileName("xlsx") };
}

/** The roll-up as a PDF: the filters, then each group's target and achieved with the projects it is made of. */
export async function rollupPdf(principal: Principal, libraryId: string, options: RollupExportOptions) {
  const data = await load(principal, libraryId, options);
  if (!data) return null;
  const { t, fig, format, groups, rolled } = data;
  const paragraphs: Paragraph[] = [{ text: data.filterText, grey: true, gap: 10 }];
  if (rolled.library.rollupRule === "NONE") paragraphs.push({ text: t("organisation.notRolledUp") });
  if (!groups.length) paragraphs.push({ text: t("organisation.noFigures") });
  for (const { name, figure } of groups) {
    const counts =
      figure.rule === "RATIO" && figure.actual.value !== null
        ? ` (${formatCounts(format, figure.actual.numerator, figure.actual.denominator)})`
        : "";
    paragraphs.push({
      text: `${name}: ${t("organisation.target")} ${fig(figure.target?.value ?? null)}, ${t("organisation.achieved")} ${fig(figure.actual.value)}${counts}`,
      bold: true,
      gap: 2,
    });
    for (const c of figure.contributions)
      paragraphs.push({
        text: t("organisation.contribution", {
          project: `${c.code} ${c.name}`,
          value: fig(c.actual.value),
          target: fig(c.target?.value ?? null),
          places: c.placeIds.length,
          periods: c.periodCount,
        }),
        indent: 12,
        gap: 1,
      });
    for (const note of data.notes(figure)) paragraphs.push({ text: note, indent: 12, grey: true, gap: 1 });
    paragraphs.push({ text: "", gap: 4 });
  }
  const body = await paragraphsPdf(data.title, options.locale, paragraphs);
  return { body: new Uint8Array(body), filename: data.fileName("pdf") };
}
