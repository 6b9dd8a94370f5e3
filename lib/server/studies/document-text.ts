// A study document's text, read when the document is attached and kept in StudyFileText for the search
// (lib/server/studies/search.ts). Reading runs in a worker within the readers' time and memory limits and
// MAX_STUDY_TEXT_CHARS; whatever goes wrong, the document is still kept, its text marked not searchable
// (textStatus), never failing the upload.
import "server-only";
import type { DocumentTextPart } from "@/lib/formats/read/document-text";
import { textMediaTypes } from "@/lib/formats/read/document-text";
import { readOffThread } from "@/lib/formats/read/off-thread";
import type { StudyFileTextStatus } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { log } from "@/lib/platform/ops/log";

export type DocumentText = { status: StudyFileTextStatus | null; parts: DocumentTextPart[] };

/** Why a reading failed, as the status kept: limits first (the worker's and ours), anything else unreadable. */
function statusOf(error: unknown): StudyFileTextStatus {
  const { name, code } = (error ?? {}) as { name?: string; code?: string };
  if (code === "readTimedOut") return "TIMED_OUT";
  if (code === "readTooLarge" || (name === "DocumentTextRefused" && code === "tooLarge")) return "TOO_LARGE";
  return "UNREADABLE";
}

/** The text of a document of this (checked) media type; status null for kinds whose text is not read. */
export async function readStudyDocumentText(mediaType: string, bytes: Uint8Array): Promise<DocumentText> {
  if (!textMediaTypes.includes(mediaType)) return { status: null, parts: [] };
  try {
    const parts = await readOffThread("documentText", { mediaType, bytes, maxChars: env().MAX_STUDY_TEXT_CHARS });
    return { status: parts.length > 0 ? "SEARCHABLE" : "NO_TEXT", parts };
  } catch (error) {
    const status = statusOf(error);
    log.warn({ err: error, mediaType, status }, "a study document's text was not read");
    return { status, parts: [] };
  }
}

/** The languages a study's documents are searched in: those of its titles and abstracts. */
async function studyLanguages(tx: Tx, studyId: string): Promise<string[]> {
  const texts = await tx.studyText.findMany({ where: { studyId }, select: { language: true } });
  return texts.map((t) => t.language);
}

/**
 * Keeps a document's text parts (the database computes their search words, trigger study_file_text_search)
 * and returns the file's text status. A failure to store them (text PostgreSQL refuses) is rolled back to
 * a savepoint and leaves the file UNREADABLE: the study and its file are filed all the same, and nothing
 * else of the open transaction is lost.
 */
export async function keepDocumentText(
  tx: Tx,
  studyId: string,
  fileId: string,
  text: DocumentText,
): Promise<StudyFileTextStatus | null> {
  if (text.parts.length === 0) return text.status;
  const languages = await studyLanguages(tx, studyId);
  await tx.$executeRawUnsafe("SAVEPOINT study_file_text");
  try {
    await tx.studyFileText.createMany({
      data: text.parts.map((part, position) => ({
        studyId,
        fileId,
        position,
        page: part.page,
        text: part.text,
        languages,
      })),
    });
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT study_file_text");
    return text.status;
  } catch (error) {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT study_file_text");
    log.warn({ err: error, fileId }, "a study document's text was not stored");
    await tx.studyFile.update({ where: { id: fileId }, data: { textStatus: "UNREADABLE" } });
    return "UNREADABLE";
  }
}

/** After a study's languages changed: its documents' words again in the new ones. */
export async function followStudyLanguages(tx: Tx, studyId: string) {
  await tx.studyFileText.updateMany({ where: { studyId }, data: { languages: await studyLanguages(tx, studyId) } });
}
