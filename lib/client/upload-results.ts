// The browser side of a results import: the chosen file is sent as the request body, so the server
// reads it as it streams in (POST /api/v1/projects/{projectId}/results/upload), and how far the server
// has come is asked for while it works (GET …/results/upload/{progressId}), for a progress bar. Where
// the server has a job queue (PostgreSQL) the import runs as a background job: the upload answers 202
// at once and the import's answer comes with its progress.

import { isTableRefusal, type TableRefusal } from "@/lib/domain/imports/table-refusals";
import type { ResultImportPreview } from "@/lib/domain/results/import-preview";
import { xlsxMediaType } from "@/lib/http/contracts/types";

export type UploadOutcome = {
  preview?: ResultImportPreview;
  mappingErrors?: Record<string, string>;
  /** interrupted: a background import whose server stopped mid-way (nothing was saved). */
  error?: "notAllowed" | "raced" | "failed" | "interrupted" | TableRefusal;
};

export type UploadProgress = {
  phase: "sending" | "queued" | "reading" | "checking" | "writing" | "done" | "failed";
  /** Share of the file read by the server, 0 to 1; null before it says. */
  read: number | null;
  rows: number;
};

const POLL_MS = 700;

/** A version 4 UUID; crypto.randomUUID exists only on HTTPS pages, and field offices may serve HTTP. */
function randomUuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

type Answer = { status: number; body: Record<string, unknown> & { errors?: { field: string; message: string }[] } };

/**
 * Asks the server how far the import has come until `done` settles (or, for a background import, until
 * the server has its answer), telling `onProgress` each time.
 */
async function followProgress(
  url: string,
  done: Promise<unknown>,
  onProgress: (p: UploadProgress) => void,
): Promise<Answer | null> {
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  while (!finished) {
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, POLL_MS))]).catch(() => undefined);
    if (finished) return null;
    const response = await fetch(url, { headers: { accept: "application/json" } }).catch(() => null);
    if (!response?.ok || finished) continue;
    const p = await response.json();
    onProgress({ phase: p.phase, read: p.bytesTotal ? Math.min(1, p.bytesRead / p.bytesTotal) : null, rows: p.rows });
    if (p.outcome) return p.outcome as Answer;
  }
  return null;
}

export async function uploadResults(
  projectId: string,
  file: File,
  options: Record<string, string>,
  onProgress: (progress: UploadProgress) => void = () => {},
): Promise<UploadOutcome> {
  const isXlsx = /\.xlsx$/i.test(file.name) || file.type === xlsxMediaType;
  const progressId = randomUuid();
  const query = new URLSearchParams(Object.entries(options).filter(([, v]) => v !== ""));
  query.set("progress", progressId);
  query.set("background", "true");
  onProgress({ phase: "sending", read: null, rows: 0 });
  const sent = fetch(`/api/v1/projects/${projectId}/results/upload?${query}`, {
    method: "POST",
    headers: { "content-type": isXlsx ? xlsxMediaType : "text/csv", accept: "application/json" },
    body: file,
  });
  const progressUrl = `/api/v1/projects/${projectId}/results/upload/${progressId}`;
  await followProgress(progressUrl, sent, onProgress);
  const response = await sent;
  const body = await response.json().catch(() => ({}));
  if (response.status === 202) {
    const answer = await followProgress(progressUrl, new Promise(() => {}), onProgress);
    return answer ? outcomeOf(answer) : { error: "failed" };
  }
  return outcomeOf({ status: response.status, body });
}

/** What the page shows for the import's answer, whether the upload gave it or its background job. */
export function outcomeOf({ status, body }: Answer): UploadOutcome {
  if (status === 200) return { preview: body as unknown as ResultImportPreview };
  if (body.preview) return { preview: body.preview as ResultImportPreview };
  if (status === 403 || status === 401) return { error: "notAllowed" };
  if (status === 409) return { error: "raced" };
  if ((body.errors ?? []).some((e) => e.field === "job" && e.message === "interrupted"))
    return { error: "interrupted" };
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
