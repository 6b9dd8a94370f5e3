// How large a body each way in may send, from one place: the settings in lib/platform/env.ts. The API routes, the
// forms' server actions and the background imports check these, and next.config.ts gives Next.js the
// limits it applies before any of them (the proxy's body buffer, the server actions' body limit), so no
// layer in front cuts or refuses a body that the one behind it accepts: past a limit the answer is a 413
// problem (API) or the form's own message naming the file (actions), never a 500.
// Imported by next.config.ts: relative imports only.

import type { FileTooLarge } from "@/lib/domain/format/file-size";
import { type Env, env } from "./env";

const MB = 1024 * 1024;

/** Room for a form's other fields and the multipart framing beside its files. */
export const FORM_FIELDS_ALLOWANCE = MB;

type Limits = Pick<
  Env,
  "MAX_JSON_BYTES" | "MAX_UPLOAD_BYTES" | "MAX_EVIDENCE_BYTES" | "MAX_FORM_FILE_BYTES" | "MAX_BOUNDARY_BYTES"
>;

/** Each upload form's files (by field name) and the largest each may be. */
export function formFileCaps(config: Limits = env()) {
  return {
    /** Project settings: a GeoJSON file of outlines. */
    boundaries: { file: config.MAX_BOUNDARY_BYTES },
    /** New project from an IATI file or a logframe workbook. */
    projectImport: { file: config.MAX_FORM_FILE_BYTES },
    /** A survey export and, when given, its XLSForm. */
    survey: { file: config.MAX_FORM_FILE_BYTES, form: config.MAX_FORM_FILE_BYTES },
    /** A results table whose columns are read before it is uploaded (a CSV's first 64 KB, an XLSX whole). */
    resultsColumns: { file: config.MAX_FORM_FILE_BYTES },
    /** A catalogue of studies to file in bulk (CSV or XLSX, read off-thread with the table limits). */
    studyCatalogue: { file: config.MAX_FORM_FILE_BYTES },
    /** A study's document, filed from the library (checked as an evidence file). */
    study: { file: config.MAX_EVIDENCE_BYTES },
  } satisfies Record<string, Record<string, number>>;
}

export type UploadForm = keyof ReturnType<typeof formFileCaps>;

export type UploadLimits = {
  /** A JSON body an API route reads. */
  json: number;
  /** A table streamed to the results upload (and kept for a background import). */
  upload: number;
  /** An evidence file. */
  evidence: number;
  forms: ReturnType<typeof formFileCaps>;
  /** A server action's whole body: the largest form's files together, with its other fields. */
  action: number;
  /** What the proxy buffers of a body: the largest body any route or action accepts, with room to tell it is past. */
  proxy: number;
};

export function uploadLimits(config: Limits = env()): UploadLimits {
  const forms = formFileCaps(config);
  const action =
    Math.max(...Object.values(forms).map((files) => Object.values(files).reduce((a, b) => a + b, 0))) +
    FORM_FIELDS_ALLOWANCE;
  const api = { json: config.MAX_JSON_BYTES, upload: config.MAX_UPLOAD_BYTES, evidence: config.MAX_EVIDENCE_BYTES };
  // A body past the buffer reaches the route cut short: the extra room makes what arrives still larger
  // than the route's own limit, which then refuses it instead of reading a truncated file.
  const proxy = Math.max(action, api.json, api.upload, api.evidence) + FORM_FIELDS_ALLOWANCE;
  return { ...api, forms, action, proxy };
}

const RESULTS_UPLOAD = /^\/api\/v1\/projects\/[^/]+\/results\/upload\/?$/;
const EVIDENCE_UPLOAD = /^\/api\/v1\/projects\/[^/]+\/evidence\/?$/;

/**
 * The largest body a request may send, by where it goes: the results upload and evidence files their
 * own limits, any other API route a JSON body, a page (a server action) the action limit.
 */
export function bodyLimitOf(pathname: string, limits: UploadLimits = uploadLimits()): number {
  if (RESULTS_UPLOAD.test(pathname)) return limits.upload;
  if (EVIDENCE_UPLOAD.test(pathname)) return limits.evidence;
  if (pathname.startsWith("/api/")) return limits.json;
  return limits.action;
}

/** The first file of a form's data larger than its field's cap, or null when every one fits. */
export function oversizedFile(
  form: UploadForm,
  data: FormData,
  limits: UploadLimits = uploadLimits(),
): FileTooLarge | null {
  for (const [field, maxBytes] of Object.entries(limits.forms[form])) {
    const value = data.get(field);
    if (value instanceof File && value.size > maxBytes) return { field, maxBytes };
  }
  return null;
}
