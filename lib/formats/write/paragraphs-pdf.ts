// A PDF of paragraphs (a title, then lines, some bold or indented), written by the donor report's page
// writer: the organisation's roll-up (#34) comes out this way. Pure: the text in, the file's bytes out.
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Locale } from "@/lib/domain/i18n/config";
import { drawable, Writer } from "./donor-report-pdf";

export type Paragraph = { text: string; bold?: boolean; indent?: number; grey?: boolean; size?: number; gap?: number };

export async function paragraphsPdf(title: string, locale: Locale, paragraphs: Paragraph[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(drawable(title));
  doc.setLanguage(locale);
  doc.setCreator("M&E Dashboard");
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  w.text(title, { size: 16, bold: true, gap: 6 });
  for (const { text, ...options } of paragraphs) w.text(text, options);
  return doc.save();
}
