// The one error model. A service refuses with a DomainError whose `code` is a row of `errorCodes`, and
// each edge maps it once, from that row: the JSON API answers problem+json (lib/http/problem.ts), a server
// action answers its form state (lib/server/action.ts), and a form shows the message the row names
// (components/ui/use-error-message.ts). Pure, so services, file readers, background jobs and pages share it.
import type { FileTooLarge } from "@/lib/domain/format/file-size";

/** The `code` an API client reads in a problem (RFC 9457), with its HTTP status and title. */
export const apiCodes = {
  unauthenticated: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Not allowed" },
  notFound: { status: 404, title: "Not found" },
  gone: { status: 410, title: "No longer available" },
  validation: { status: 400, title: "Invalid request" },
  conflict: { status: 409, title: "Conflict" },
  payloadTooLarge: { status: 413, title: "Request body too large" },
  rateLimited: { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal error" },
} as const;

export type ApiCode = keyof typeof apiCodes;

type ErrorRow = {
  /** What the API answers: its `code`, and with it the status. */
  api: ApiCode;
  /** The form's message: a key of its feature's `errors` messages (en.json, es.json); the code itself when absent. */
  messageKey?: string;
  /** The problem's `detail` when the error gives none. */
  detail?: string;
};

/** A file that may not be read as a table (broken, foreign or past a limit): 400, shown by its own code. */
const tableRefusal = (detail: string) => ({ api: "validation", detail }) as const;

/** Every refusal, by code. A new one is a row here, and its message in each language (see docs/architecture.md). */
export const errorCodes = {
  // The API's own codes, each a refusal of its own.
  unauthenticated: { api: "unauthenticated", messageKey: "notAllowed" },
  forbidden: { api: "forbidden", messageKey: "notAllowed" },
  notFound: { api: "notFound" },
  gone: { api: "gone" },
  validation: { api: "validation", messageKey: "invalid" },
  conflict: { api: "conflict", messageKey: "failed" },
  payloadTooLarge: { api: "payloadTooLarge", messageKey: "tooLarge" },
  rateLimited: { api: "rateLimited" },
  internal: { api: "internal", messageKey: "failed" },
  // Finer refusals of the services.
  /** Someone saved since it was read: nothing was overwritten. */
  stale: { api: "conflict" },
  /** A value changed between an import's check and its write: nothing was imported. */
  raced: { api: "conflict" },
  /** The period is locked. */
  locked: { api: "conflict" },
  /** It has results, which are never dropped with it. */
  hasResults: { api: "conflict" },
  /** More of something than allowed (headline indicators). */
  tooMany: { api: "validation" },
  /** A file or a project's files past their size cap. */
  tooLarge: { api: "payloadTooLarge" },
  /** An address the app sends nothing to: a private or local network (lib/platform/net/outbound.ts). */
  addressNotAllowed: { api: "validation" },
  /** An admin may not deactivate or demote their own account. */
  ownAccount: { api: "forbidden" },
  /** The instance would be left without an active admin. */
  lastAdmin: { api: "conflict" },
  // A file refused as a table.
  unreadable: tableRefusal("The file could not be read as CSV or XLSX"),
  notUtf8: tableRefusal("The CSV file is not UTF-8 (it looks like Windows-1252 / Latin-1): save it as CSV UTF-8"),
  tooManyEntries: tableRefusal("The workbook holds more files than MAX_ZIP_ENTRIES allows"),
  tooLargeUnzipped: tableRefusal("The workbook unpacks to more than MAX_UNZIPPED_BYTES allows"),
  tooManyRows: tableRefusal("The table has more rows than MAX_IMPORT_ROWS allows"),
  tooManyColumns: tableRefusal("The table has more than 16,384 columns (Excel's limit)"),
  cellTooLong: tableRefusal("A cell holds more than 32,767 characters (Excel's limit)"),
  readTimedOut: tableRefusal("Reading the file took longer than IMPORT_READ_TIMEOUT_MS allows"),
  readTooLarge: tableRefusal("Reading the file needed more memory than IMPORT_READ_MEMORY_MB allows"),
} as const satisfies Record<string, ErrorRow>;

export type ErrorCode = keyof typeof errorCodes;

const rowOf = (code: ErrorCode): ErrorRow => errorCodes[code];

/**
 * One wrong value: where it is, as an API client names it ("body.name", "items.0.value"; "body" for
 * the whole body), and what is wrong with it (a message key of the feature's `errors`).
 */
export type FieldProblem = { field: string; code: string };

export type DomainErrorOptions = {
  /** The sentence for API clients (the problem's `detail`); the code's own when absent. */
  detail?: string;
  fields?: FieldProblem[];
  /** More members of the problem, e.g. the current version of what was stale, or the preview refused. */
  extra?: Record<string, unknown>;
  /** The error's message for logs, when it should differ from the detail. */
  message?: string;
};

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly detail?: string;
  readonly fields?: FieldProblem[];
  readonly extra?: Record<string, unknown>;

  constructor(code: ErrorCode, options: DomainErrorOptions = {}) {
    const detail = options.detail ?? rowOf(code).detail;
    super(options.message ?? detail ?? apiCodes[rowOf(code).api].title);
    this.name = "DomainError";
    this.code = code;
    this.detail = detail;
    this.fields = options.fields;
    this.extra = options.extra;
  }
}

/** The API code, HTTP status and title of an error code. */
export function apiAnswerOf(code: ErrorCode) {
  const api = rowOf(code).api;
  return { code: api, ...apiCodes[api] };
}

/** The message key a form shows for the error. */
export function messageKeyOf(code: ErrorCode): string {
  return rowOf(code).messageKey ?? code;
}

/**
 * The error as an HTTP status and RFC 9457 body: what the API answers, and what a background job keeps
 * as the answer its upload would have had.
 */
export function problemDetails(error: DomainError) {
  const { code, status, title } = apiAnswerOf(error.code);
  const body = {
    type: `about:blank#${code}`,
    title,
    status,
    code,
    detail: error.detail,
    errors: error.fields?.map((f) => ({ field: f.field, message: f.code })),
    ...error.extra,
  };
  return { status, body };
}

/**
 * What every server action answers (lib/server/action.ts): done, or refused as a whole (`error`) or
 * field by field, with what was typed; a form adds its own data to it.
 */
export type ActionState = {
  done?: boolean;
  /** A refusal of the whole form: a message key of the feature's `errors` messages. */
  error?: string;
  /** Refusals of single fields: message keys by field name. */
  fieldErrors?: Record<string, string>;
  /** What was typed, shown again after a refusal. */
  values?: Record<string, string>;
  /** Fields with several values (checkboxes), shown again after a refusal. */
  lists?: Record<string, string[]>;
  /** A file past its cap (lib/platform/upload-limits.ts): its field is also in fieldErrors. */
  tooLarge?: FileTooLarge;
};

/**
 * The error as a form shows it, from the code table: a conflict is the whole page's (it is to be
 * reloaded); otherwise an error naming fields is shown on them (the API's "body.name" is the form's
 * "name"), and one naming none, or only the whole body, on the form. Values are message keys.
 */
export function formRefusalOf(error: DomainError): Pick<ActionState, "error" | "fieldErrors"> {
  const fieldErrors: Record<string, string> = {};
  for (const f of error.fields ?? []) {
    const name = f.field.replace(/^body\.?/, "");
    if (name) fieldErrors[name] ??= f.code;
  }
  if (errorCodes[error.code].api === "conflict" || !Object.keys(fieldErrors).length)
    return { error: messageKeyOf(error.code) };
  return { fieldErrors };
}
