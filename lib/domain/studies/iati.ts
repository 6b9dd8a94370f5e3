// Studies and IATI document-links, both ways (pure). DocumentCategory A07 (review of project performance
// and evaluation) for evaluations, baselines, midlines, endlines and the analyses and studies of an
// activity; A08 (results, outcomes and outputs) for conference and learning reports. Read back: A07 is an
// evaluation, A08 a learning report; a document-link of another category is not a study (kept as published).
import { type KeptXml, narrativesOf } from "@/lib/domain/projects/iati-kept";

export const studyCategory = (typeKey: string) => (typeKey === "learning-report" ? "A08" : "A07");

const typeOfCategory: Record<string, string> = { A07: "evaluation", A08: "learning-report" };

export type DocumentStudy = {
  typeKey: string;
  texts: { language: string; title: string }[];
  /** YYYY-MM-DD, or null. */
  publishedOn: string | null;
};

/** The studies a file's document-links describe: those of category A07 or A08 with a title. */
export function studiesOfDocumentLinks(elements: KeptXml[], language: string): DocumentStudy[] {
  return elements.flatMap((link) => {
    if (link.name !== "document-link") return [];
    const codes = link.children.filter((c) => c.name === "category").map((c) => c.attributes.code ?? "");
    const typeKey = codes.map((c) => typeOfCategory[c]).find(Boolean);
    const title = link.children.find((c) => c.name === "title");
    if (!typeKey || !title) return [];
    const texts = narrativesOf(title, link.attributes["xml:lang"] ?? language)
      .filter((n, i, all) => n.text && all.findIndex((m) => m.lang === n.lang) === i)
      .map((n) => ({ language: n.lang, title: n.text.slice(0, 300) }));
    if (texts.length === 0) return [];
    const date = link.children.find((c) => c.name === "document-date")?.attributes["iso-date"] ?? "";
    return [{ typeKey, texts, publishedOn: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null }];
  });
}
