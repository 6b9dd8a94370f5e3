// The browser side of a results import: the chosen file is sent as the request body, so the server
// reads it as it streams in (POST /api/v1/projects/{projectId}/results/upload).
import { xlsxMediaType } from "@/lib/api/contracts/types";
import { isTableRefusal, type TableRefusal } from "@/lib/imports/table-refusals";
import type { ResultImportPreview } from "@/lib/results/import";

export type UploadOutcome = {
  preview?: ResultImportPreview;
  mappingErrors?: Record<string, string>;
  error?: "notAllowed" | "raced" | "failed" | TableRefusal;
};

export async function uploadResults(
  projectId: string,
  file: File,
  options: Record<string, string>,
): Promise<UploadOutcome> {
  const isXlsx = /\.xlsx$/i.test(file.name) || file.type === xlsxMediaType;
  const query = new URLSearchParams(Object.entries(options).filter(([, v]) => v !== ""));
  const response = await fetch(`/api/v1/projects/${projectId}/results/upload?${query}`, {
    method: "POST",
    headers: { "content-type": isXlsx ? xlsxMediaType : "text/csv", accept: "application/json" },
    body: file,
  });
  const body = await response.json().catch(() => ({}));
  if (response.ok) return { preview: body as ResultImportPreview };
  if (body.preview) return { preview: body.preview as ResultImportPreview };
  if (response.status === 403 || response.status === 401) return { error: "notAllowed" };
  if (response.status === 409) return { error: "raced" };
  const mapping = (body.errors ?? []).filter((e: { field: string }) => e.field.startsWith("query."));
  if (mapping.length)
    return {
      mappingErrors: Object.fromEntries(
        mapping.map((e: { field: string; message: string }) => [e.field.slice("query.".length), e.message]),
      ),
    };
  const refusal = (body.errors ?? []).find((e: { field: string }) => e.field === "body")?.message;
  if (isTableRefusal(refusal)) return { error: refusal };
  return { error: "failed" };
}
