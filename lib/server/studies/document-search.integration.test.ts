// The library searches its documents' text (PDF page by page, DOCX), read in a worker when a document is
// attached; a document whose text cannot be read is kept all the same, marked not searchable. Also: a
// Spanish word typed without its accent finds its other forms, and the search's scope (SQL) names the
// same studies as the where term the other lists use.
import { readFileSync } from "node:fs";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterEach, describe, expect, test } from "vitest";
import type { Principal } from "@/lib/domain/permissions";
import { canReadStudy, type StudyVisibility } from "@/lib/domain/permissions/studies";
import type { StudyInput } from "@/lib/domain/studies/input";
import { db } from "@/lib/platform/db";
import { reloadEnv } from "@/lib/platform/env";
import { principalFor, projectId } from "@/lib/testing/principals";
import { keepDocumentText } from "./document-text";
import { readableStudiesWhere } from "./scope";
import { searchStudies } from "./search";
import { attachStudyFiles, createStudy, readStudy, studyFile } from "./service";

const study = (over: Partial<StudyInput>): StudyInput => ({
  typeKey: "evaluation",
  texts: [{ language: "es", title: "Un estudio", abstract: "" }],
  ...over,
});

/** A PDF with one page per text (pdf-lib, standard fonts: accents are drawn as they are typed). */
async function pdfOf(pages: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) {
    const page = doc.addPage([500, 400]);
    for (const [i, line] of text.split("\n").entries()) page.drawText(line, { x: 20, y: 370 - i * 14, size: 10, font });
  }
  return doc.save();
}

const hits = (parts: { text: string; hit: boolean }[] | null | undefined) =>
  (parts ?? []).filter((p) => p.hit).map((p) => p.text);

afterEach(() => {
  delete process.env.MAX_STUDY_TEXT_CHARS;
  reloadEnv();
});

describe("searching the documents' text", () => {
  test("a word only in a PDF's body finds the study, with a snippet from its page", async () => {
    const admin = await principalFor("admin@example.org");
    const bytes = await pdfOf([
      "Evaluación final\nResumen ejecutivo del informe.",
      "Metodología",
      "Las familias entrevistadas en Zarumilla describieron\nla resiliencia comunitaria frente a las inundaciones.",
    ]);
    const made = await createStudy(
      admin,
      study({ texts: [{ language: "es", title: "Evaluación final Tumbes", abstract: "Encuestas telefónicas." }] }),
      [{ name: "informe.pdf", bytes }],
    );
    expect(made.files).toMatchObject([{ fileName: "informe.pdf", textStatus: "SEARCHABLE" }]);
    const pages = await db().studyFileText.findMany({ where: { studyId: made.id }, orderBy: { position: "asc" } });
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    const [found, ...others] = await searchStudies(admin, { q: "resiliencia Zarumilla" });
    expect(others).toEqual([]);
    expect(found?.id).toBe(made.id);
    expect(hits(found?.snippet)).toEqual(["Zarumilla", "resiliencia"]);
    expect(found?.snippetFile).toEqual({ id: made.files[0]?.id, fileName: "informe.pdf", page: 3 });
    // Stems and accents as in titles: "inundación" (singular, accented) finds "inundaciones".
    expect((await searchStudies(admin, { q: "inundación Zarumilla" })).map((s) => s.id)).toEqual([made.id]);
    // A word of the title still comes from the title, ranked first, without a file.
    const [byTitle] = await searchStudies(admin, { q: "Tumbes telefónicas" });
    expect(byTitle?.snippetFile).toBeNull();
  });

  test("a DOCX written by Word is searchable too, documents attached later as well", async () => {
    const admin = await principalFor("admin@example.org");
    const made = await createStudy(admin, study({ texts: [{ language: "en", title: "Quokkaford learning note" }] }));
    // "Paragraph" is split over two runs of the file; the study is English.
    const docx = readFileSync("test/fixtures/docx/par-known-paragraphs.docx");
    const attached = await attachStudyFiles(admin, made.id, [{ name: "note.docx", bytes: docx }]);
    expect(attached?.files).toMatchObject([{ fileName: "note.docx", textStatus: "SEARCHABLE" }]);
    const [hit] = await searchStudies(admin, { q: "normal paragraphs" });
    expect(hit?.id).toBe(made.id);
    expect(hit?.snippetFile).toMatchObject({ fileName: "note.docx", page: null });
    expect(hits(hit?.snippet)).toEqual(["Paragraph", "Normal", "paragraph"]);
  });

  test("a broken or oversized document is kept, marked not searchable, and the upload succeeds", async () => {
    const admin = await principalFor("admin@example.org");
    const broken = new TextEncoder().encode("%PDF-1.7\nnot really a PDF: Wallaroo\n%%EOF\n");
    const long = await pdfOf([`Wallaroo appears only in this long document.\n${"filler text ".repeat(30)}`]);
    process.env.MAX_STUDY_TEXT_CHARS = "100";
    reloadEnv();
    const made = await createStudy(admin, study({ texts: [{ language: "en", title: "Numbat review" }] }), [
      { name: "broken.pdf", bytes: broken },
      { name: "long.pdf", bytes: long },
    ]);
    expect(made.files.map((f) => [f.fileName, f.textStatus])).toEqual([
      ["broken.pdf", "UNREADABLE"],
      ["long.pdf", "TOO_LARGE"],
    ]);
    expect(await db().studyFileText.count({ where: { studyId: made.id } })).toBe(0);
    expect((await studyFile(admin, made.id, made.files[0]?.id ?? ""))?.bytes).toEqual(broken);
    expect(await searchStudies(admin, { q: "Wallaroo" })).toEqual([]);
    expect((await searchStudies(admin, { q: "Numbat" })).map((s) => s.id)).toEqual([made.id]);
  });

  test("text the database refuses (U+0000) leaves the file UNREADABLE; the study and the transaction go on", async () => {
    const admin = await principalFor("admin@example.org");
    const made = await createStudy(admin, study({ texts: [{ language: "en", title: "Quoll report" }] }));
    const status = await db().$transaction(async (tx) => {
      const file = await tx.studyFile.create({
        data: {
          studyId: made.id,
          fileName: "nul.pdf",
          mediaType: "application/pdf",
          size: 1,
          sha256: "0",
          storageKey: `t/${made.id}`,
        },
      });
      const kept = await keepDocumentText(tx, made.id, file.id, {
        status: "SEARCHABLE",
        parts: [{ page: 1, text: "Dunnart\u0000 page" }],
      });
      // The transaction is still usable after the refused insert (rolled back to its savepoint only).
      await tx.study.update({ where: { id: made.id }, data: { pageCount: 7 } });
      return kept;
    });
    expect(status).toBe("UNREADABLE");
    const files = await db().studyFile.findMany({ where: { studyId: made.id } });
    expect(files.map((f) => f.textStatus)).toEqual(["UNREADABLE"]);
    expect(await db().studyFileText.count({ where: { studyId: made.id } })).toBe(0);
    expect((await db().study.findUniqueOrThrow({ where: { id: made.id } })).pageCount).toBe(7);
  });

  test("a document's words are found only by those who may read its study", async () => {
    const peru = await projectId("PE-VEN-2021");
    const admin = await principalFor("admin@example.org");
    const bytes = await pdfOf(["Un hallazgo sobre Bandicootia, solo en el documento."]);
    const internal = await createStudy(admin, study({ projectIds: [peru], visibility: "INTERNAL" }), [
      { name: "interno.pdf", bytes },
    ]);
    expect(
      (await searchStudies(await principalFor("viewer@example.org"), { q: "Bandicootia" })).map((s) => s.id),
    ).toEqual([internal.id]);
    expect(await searchStudies(null, { q: "Bandicootia" })).toEqual([]);
    expect(await searchStudies({ kind: "share", linkId: "l", projectId: peru }, { q: "Bandicootia" })).toEqual([]);
  });
});

describe("accents", () => {
  test("'evaluacion' typed without its accent finds 'evaluaciones' and 'evaluación', and the reverse", async () => {
    const admin = await principalFor("admin@example.org");
    const plural = await createStudy(
      admin,
      study({ texts: [{ language: "es", title: "Síntesis de evaluaciones Kowari" }] }),
    );
    const accented = await createStudy(admin, study({ texts: [{ language: "es", title: "La evaluación Kowari" }] }));
    const bare = await createStudy(
      admin,
      study({ texts: [{ language: "es", title: "Una evaluacion sin tilde Kowari" }] }),
    );
    const ids = async (q: string) => (await searchStudies(admin, { q })).map((s) => s.id).sort();
    const all = [plural.id, accented.id, bare.id].sort();
    for (const q of ["evaluacion Kowari", "evaluación Kowari", "evaluaciones Kowari", "EVALUACION kowari"]) {
      expect(await ids(q), q).toEqual(all);
    }
    // Document text the same way.
    const doc = await createStudy(admin, study({}), [
      { name: "d.pdf", bytes: await pdfOf(["Participacion de Kowari"]) },
    ]);
    expect(await ids("participaciones Kowari")).toEqual([doc.id]);
  });
});

describe("the search's scope", () => {
  test("the SQL scope of the search and the where term of the lists name the same studies, for every caller", async () => {
    const peru = await projectId("PE-VEN-2021");
    const hiv = await projectId("SA-HIV-MOB");
    const admin = await principalFor("admin@example.org");
    const made: { id: string; visibility: StudyVisibility; projectIds: string[] }[] = [];
    for (const visibility of ["INTERNAL", "DONORS", "PUBLIC"] as const)
      for (const projectIds of [[peru], [hiv], [peru, hiv], []]) {
        const { id } = await createStudy(
          admin,
          study({ texts: [{ language: "en", title: "Potoroo scope" }], visibility, projectIds }),
        );
        made.push({ id, visibility, projectIds });
      }
    const callers: Principal[] = [
      admin,
      await principalFor("viewer@example.org"),
      await principalFor("manager@example.org"),
      { kind: "share", linkId: "l", projectId: peru },
      { kind: "share", linkId: "l", projectId: hiv },
    ];
    for (const principal of [...callers, null]) {
      const searched = (await searchStudies(principal, { q: "Potoroo" }, 100)).map((s) => s.id).sort();
      const listed = await db().study.findMany({
        where: { AND: [readableStudiesWhere(principal), { texts: { some: { title: "Potoroo scope" } } }] },
        select: { id: true },
      });
      expect(searched, JSON.stringify(principal)).toEqual(listed.map((s) => s.id).sort());
      // Both derived forms against the domain rule itself, so a mistake in the shared scope cannot pass both.
      const expected = made.filter((m) => canReadStudy(principal, m)).map((m) => m.id);
      expect(searched, JSON.stringify(principal)).toEqual(expected.sort());
      for (const id of searched) expect(await readStudy(principal, id)).not.toBeNull();
    }
    // And by count: an admin reads all 12, a Peru donor link the 2 Peru studies shared with donors and the 4
    // public ones, an anonymous visitor the 4 public ones.
    const count = async (principal: Principal | null) => (await searchStudies(principal, { q: "Potoroo" }, 100)).length;
    expect(await count(admin)).toBe(12);
    expect(await count({ kind: "share", linkId: "l", projectId: peru })).toBe(6);
    expect(await count(null)).toBe(4);
  });
});
