// The donor report as a PDF, made on the server from the same summary the donor page shows: the key
// results, the first headline's map of status by place, what changed since the last report, the
// indicators' status counts, every indicator's target, achieved figure, achievement and status, the
// managers' progress notes, when the figures last changed and where they come from. Numbers are formatted by the same
// functions as the page, in the reader's language. Pure: the summary in, the file's bytes out.
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import { createFormatter } from "use-intl/core";
import { countStatuses } from "@/lib/domain/engine/schedule";
import { formatFigure, formatShare } from "@/lib/domain/format/figure-format";
import { BENEATH_FILL, statusFillColour } from "@/lib/domain/format/map-colours";
import { mapFigures } from "@/lib/domain/format/map-figures";
import type { Locale } from "@/lib/domain/i18n/config";
import type { PlaceMap } from "@/lib/domain/maps/shapes";
import { isPercent, isText } from "@/lib/domain/measures";
import type { ChangesSinceReport, ProjectSummary } from "@/lib/domain/summary/types";
import { translator } from "@/lib/platform/i18n/translator";

export type DonorReportInput = {
  summary: ProjectSummary;
  projectSummaryText: string;
  headlines: string[];
  lastUpdated: Date | null;
  sourceNote: string;
  locale: Locale;
  map: PlaceMap | null;
  changes: ChangesSinceReport | null;
  notes: { label: string; startDate: Date; endDate: Date; progressNote: string | null }[];
};

/** A colour of the page's map ("#rrggbb") for pdf-lib. */
const pdfColour = (hex: string) =>
  rgb(
    Number.parseInt(hex.slice(1, 3), 16) / 255,
    Number.parseInt(hex.slice(3, 5), 16) / 255,
    Number.parseInt(hex.slice(5, 7), 16) / 255,
  );

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;

/** Text the standard PDF fonts can draw (Windows-1252): other characters become their nearest or "?". */
export function drawable(text: string): string {
  return text
    .replace(/[\u00a0\u2009\u202f]/g, " ")
    .replace(/[●◐○◌]/g, "")
    .replace(/→/g, "->")
    .replace(/[^\u0020-\u007e\u00a1-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\n]/g, "?");
}

/** Writes wrapped paragraphs and maps onto A4 pages (also the roll-up's PDF, rollup-pdf.ts). */
export class Writer {
  private page: PDFPage;
  private y: number;
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  /** Writes a paragraph, wrapped to the page's width, on a new page when this one is full. */
  text(
    content: string,
    options: { size?: number; bold?: boolean; indent?: number; gap?: number; grey?: boolean } = {},
  ) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    const width = A4.width - 2 * MARGIN - (options.indent ?? 0);
    for (const line of this.wrap(drawable(content), font, size, width)) {
      if (this.y - size < MARGIN) {
        this.page = this.doc.addPage([A4.width, A4.height]);
        this.y = A4.height - MARGIN;
      }
      this.y -= size * 1.3;
      this.page.drawText(line, {
        x: MARGIN + (options.indent ?? 0),
        y: this.y,
        size,
        font,
        color: options.grey ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0),
      });
    }
    this.y -= options.gap ?? 4;
  }

  /** Draws the places' outlines (SVG paths in the map's frame) at `scale`, on a new page when needed. */
  map(map: PlaceMap, fillOf: (locationId: string) => string | null, scale: number) {
    const height = map.height * scale;
    if (this.y - height < MARGIN) {
      this.page = this.doc.addPage([A4.width, A4.height]);
      this.y = A4.height - MARGIN;
    }
    // Places without a figure (a country over its regions) first: beneath the others.
    const shapes = [...map.shapes].sort(
      (a, b) => Number(fillOf(a.locationId) !== null) - Number(fillOf(b.locationId) !== null),
    );
    for (const shape of shapes) {
      const fill = fillOf(shape.locationId);
      const at = { x: MARGIN, y: this.y, scale, borderColor: rgb(0.34, 0.38, 0.42), borderWidth: 0.5 };
      if (shape.d) this.page.drawSvgPath(shape.d, { ...at, color: pdfColour(fill ?? BENEATH_FILL) });
      else if (fill)
        this.page.drawCircle({
          x: MARGIN + shape.x * scale,
          y: this.y - shape.y * scale,
          size: 4,
          color: pdfColour(fill),
        });
    }
    this.y -= height + 6;
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split("\n")) {
      let line = "";
      for (const word of paragraph.split(" ")) {
        const next = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) > width && line) {
          lines.push(line);
          line = word;
        } else line = next;
      }
      lines.push(line);
    }
    return lines;
  }
}

export async function donorReportPdf(input: DonorReportInput): Promise<Uint8Array> {
  const { summary, locale } = input;
  const t = translator(locale);
  const format = createFormatter({ locale, timeZone: "UTC" });
  const doc = await PDFDocument.create();
  doc.setTitle(drawable(`${summary.project.name} — ${t("shared.report.title")}`));
  doc.setLanguage(locale);
  doc.setCreator("M&E Dashboard");
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const fig = (measure: Parameters<typeof formatFigure>[1], v: number | null) => formatFigure(format, measure, v, "–");

  w.text(summary.project.name, { size: 18, bold: true, gap: 6 });
  w.text(t("shared.report.asOf", { date: date(summary.asOf) }), { grey: true });
  if (input.projectSummaryText) w.text(input.projectSummaryText, { gap: 10 });

  w.text(t("shared.report.title"), { size: 14, bold: true, gap: 6 });
  for (const id of input.headlines) {
    const i = summary.indicators.find((x) => x.indicator.id === id);
    if (!i) continue;
    const { code, title, measure, unit } = i.indicator;
    const against = isPercent(measure)
      ? t("shared.report.against", { target: fig(measure, i.overall.target) })
      : t("shared.report.of", { target: fig(measure, i.overall.target), unit: unit ?? "" });
    w.text(`${fig(measure, i.overall.actual)} ${against}`, { size: 13, bold: true, gap: 0 });
    w.text(`${code} ${title}`, { gap: 0 });
    w.text(
      `${t("shared.report.achievement", { share: formatShare(format, i.overall.achievement) })} ${t(`status.${i.overall.status}`)}`,
      { grey: true, gap: 8 },
    );
  }
  const counts = countStatuses(summary.indicators.map((i) => i.overall.status));
  w.text(
    (["onTrack", "atRisk", "offTrack", "noData"] as const).map((s) => `${t(`status.${s}`)}: ${counts[s]}`).join(" · "),
    { gap: 10 },
  );
  const first = summary.indicators.find((i) => i.indicator.id === input.headlines[0]);
  if (input.map && first) {
    const { figures, offMap } = mapFigures(first, input.map, format);
    if (figures.length > offMap.length) {
      const statusOf = new Map(figures.map((f) => [f.locationId, f.status]));
      w.text(t("maps.keyTitle", { indicator: `${first.indicator.code} ${first.indicator.title}` }), { bold: true });
      w.map(
        input.map,
        (id) => {
          const status = statusOf.get(id);
          return status ? statusFillColour(status) : null;
        },
        0.6,
      );
      const names = new Map(input.map.shapes.map((p) => [p.locationId, p.name]));
      const placeName = (id: string) => names.get(id) ?? summary.locations.find((l) => l.id === id)?.name ?? "";
      w.text(figures.map((f) => `${placeName(f.locationId)}: ${f.label} ${t(`status.${f.status}`)}`).join(" · "), {
        grey: true,
        gap: 10,
      });
    }
  }
  if (input.changes?.since && input.changes.periodLabel) {
    const lastDay = new Date(input.changes.since.getTime() - 1);
    w.text(t("changes.title"), { size: 14, bold: true, gap: 2 });
    w.text(t("changes.since", { period: input.changes.periodLabel, date: date(lastDay) }), { grey: true });
    if (input.changes.changes.length === 0) w.text(t("changes.none"), { gap: 10 });
    for (const c of input.changes.changes) {
      const status =
        c.before.status === c.now.status
          ? `${t("changes.statusUnchanged")} ${t(`status.${c.now.status}`)}`
          : t.markup("changes.statusChange", {
              before: () => t(`status.${c.before.status}`),
              now: () => t(`status.${c.now.status}`),
            });
      w.text(`${c.code} ${c.title}`, { bold: true, gap: 0 });
      w.text(
        [
          `${t("changes.values", { count: c.values })} (${[c.places.join(", "), c.times.join(", ")].filter(Boolean).join(" · ")})`,
          `${fig(c.measure, c.before.actual)} → ${fig(c.measure, c.now.actual)}`,
          status,
        ].join(" · "),
        { indent: 12, gap: 6 },
      );
    }
  }

  w.text(t("shared.report.indicators"), { size: 14, bold: true, gap: 6 });
  for (const i of summary.indicators) {
    const { code, title, measure } = i.indicator;
    w.text(`${code} ${title}`, { bold: true, gap: 0 });
    const line = isText(measure)
      ? (i.narratives[0]?.text ?? t("dashboard.noData"))
      : [
          `${t("dashboard.target")}: ${fig(measure, i.overall.target)}`,
          `${t("dashboard.actual")}: ${fig(measure, i.overall.actual)}`,
          `${t("dashboard.achievement")}: ${formatShare(format, i.overall.achievement)}`,
          t(`status.${i.overall.status}`),
        ].join(" · ");
    w.text(line, { indent: 12, gap: 6 });
  }

  if (input.notes.length) {
    w.text(t("shared.report.progressNotes"), { size: 14, bold: true, gap: 6 });
    const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
    for (const n of input.notes) {
      w.text(t("shared.report.noteWritten", { period: n.label, start: day(n.startDate), end: day(n.endDate) }), {
        bold: true,
        gap: 0,
      });
      w.text(n.progressNote ?? "", { gap: 8 });
    }
  }
  w.text(
    input.lastUpdated
      ? t("shared.report.lastUpdated", { date: date(input.lastUpdated) })
      : t("shared.report.noApprovals"),
    { grey: true, gap: 2 },
  );
  if (input.sourceNote) w.text(t("shared.report.sources", { note: input.sourceNote }), { grey: true });
  return doc.save();
}
