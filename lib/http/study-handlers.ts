import "server-only";
import type { Principal } from "@/lib/domain/permissions";
import { publicStudyFile } from "@/lib/server/studies/public-library";
import { studyFile } from "@/lib/server/studies/service";
import { keptFileResponse } from "./evidence-handlers";
import { ApiProblem } from "./problem";

/** A study's document as a download, for whoever may read the study (null: an anonymous visitor). */
export async function studyFileDownload(principal: Principal | null, studyId: string, fileId: string) {
  const file = await studyFile(principal, studyId, fileId);
  if (!file) throw new ApiProblem("notFound", "No such file, or no access to it");
  return keptFileResponse(file.fileName, file.mediaType, file.bytes);
}

/** A public study's document from the public library (a plain 404 when it is closed or the study is not public). */
export async function publicStudyFileDownload(studyId: string, fileId: string): Promise<Response> {
  const file = await publicStudyFile(studyId, fileId);
  if (!file) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  return keptFileResponse(file.fileName, file.mediaType, file.bytes);
}
