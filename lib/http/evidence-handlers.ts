import "server-only";
import type { Principal } from "@/lib/domain/permissions";
import { evidenceFile } from "@/lib/server/evidence/service";
import { ApiProblem } from "./problem";

/** An evidence file as a download: never run or shown inline by the browser, whatever it holds. */
export async function evidenceDownload(principal: Principal, projectId: string, evidenceId: string) {
  const file = await evidenceFile(principal, projectId, evidenceId);
  if (!file) throw new ApiProblem("notFound", "No such file, or no access to it");
  return keptFileResponse(file.item.fileName, file.item.mediaType, file.bytes);
}

/** A kept file (evidence, a study's document) as an attachment, sandboxed, never cached by others. */
export function keptFileResponse(fileName: string, mediaType: string, bytes: Uint8Array): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": mediaType,
      "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "content-security-policy": "sandbox",
      "cache-control": "private, no-store",
    },
  });
}
