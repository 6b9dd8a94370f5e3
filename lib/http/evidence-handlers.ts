import "server-only";
import type { Principal } from "@/lib/domain/permissions";
import { evidenceFile } from "@/lib/server/evidence/service";
import { ApiProblem } from "./problem";

/** An evidence file as a download: never run or shown inline by the browser, whatever it holds. */
export async function evidenceDownload(principal: Principal, projectId: string, evidenceId: string) {
  const file = await evidenceFile(principal, projectId, evidenceId);
  if (!file) throw new ApiProblem("notFound", "No such file, or no access to it");
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.item.mediaType,
      "content-disposition": `attachment; filename="${file.item.fileName.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.item.fileName)}`,
      "content-security-policy": "sandbox",
      "cache-control": "private, no-store",
    },
  });
}
