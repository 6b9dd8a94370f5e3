// The public library (/library, on with PUBLIC_LIBRARY=1): what an anonymous visitor reads, through the
// same search, scope and permission rule as members (the anonymous principal sees PUBLIC studies only).
// Closed (the default), every loader answers null and the pages answer 404.
import "server-only";
import { env } from "@/lib/platform/env";
import { searchStudyPage } from "./search";
import { readStudy, studyFile, studyVocabulary } from "./service";

export function publicLibraryOpen(): boolean {
  return env().PUBLIC_LIBRARY === "1";
}

/**
 * The first `limit` public studies passing the filters (a bad filter is dropped by the caller) and how many
 * there are, with the filters' choices.
 */
export async function publicLibrary(query: unknown, limit?: number) {
  if (!publicLibraryOpen()) return null;
  const [found, vocabulary] = await Promise.all([searchStudyPage(null, query, limit), studyVocabulary()]);
  return { items: found.studies, total: found.total, ...vocabulary };
}

/** A public study's page; null when the library is closed or the study is not public. */
export async function publicStudy(studyId: string) {
  if (!publicLibraryOpen()) return null;
  return readStudy(null, studyId);
}

/** A public study's document; null when the library is closed or the study is not public. */
export async function publicStudyFile(studyId: string, fileId: string) {
  if (!publicLibraryOpen()) return null;
  return studyFile(null, studyId, fileId);
}
