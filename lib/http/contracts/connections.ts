// A project's connections to KoboToolbox and ODK Central (lib/server/connections/): listed, synced and
// their history read by the project's managers and evaluators; push in from KoboToolbox's REST Services
// (lib/http/connection-push.ts).
import { z } from "zod";
import { pageQuery } from "./read";
import { summaryParams } from "./summary";
import type { RouteContract } from "./types";

export const projectConnectionParams = summaryParams.extend({
  connectionId: z.string().min(1).describe("The connection's id"),
});
export const syncHistoryQuery = pageQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe("Syncs per page, newest first (at most 100)"),
});

export const connection = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["KOBO", "ODK_CENTRAL"]),
  serverUrl: z.string(),
  assetUid: z.string().nullable().describe("KoboToolbox: the asset's uid"),
  odkProject: z.number().int().nullable().describe("ODK Central: the project id"),
  odkForm: z.string().nullable().describe("ODK Central: the form's xmlFormId"),
  submit: z.boolean().describe("Values are submitted for review (else saved as drafts); never approved"),
  scheduled: z.boolean().describe("Also synced every hour"),
  status: z.enum(["OK", "BROKEN"]).describe("BROKEN: its credentials were refused; a manager must fix them"),
  brokenReason: z.string().nullable(),
  lastSeenAt: z.string().nullable().describe("The latest submission time seen: the next sync asks after it"),
  pushOn: z.boolean().describe("KoboToolbox posts its new submissions here (REST Service)"),
  version: z.number().int(),
  createdAt: z.string(),
});
const syncValue = z.object({
  indicator: z.string(),
  place: z.string(),
  option: z.string().nullable(),
  when: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  rows: z.number().int().describe("Submission rows behind the value"),
});
const sync = z.object({
  id: z.string(),
  trigger: z.enum(["manual", "schedule", "push"]),
  status: z.enum(["RUNNING", "DONE", "FAILED"]),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  read: z.number().int().describe("New or edited submissions read"),
  changed: z.number().int().describe("Values that differ from those saved"),
  applied: z.boolean().describe("Whether the changed values were saved"),
  submitted: z.boolean(),
  submissions: z.number().int().nullable(),
  values: z.array(syncValue).describe("The changed values (at most 200)"),
  problems: z.array(
    z.object({
      code: z.string(),
      indicator: z.string().optional(),
      row: z.number().int().optional(),
      column: z.string().optional(),
      detail: z.string().optional(),
    }),
  ),
  error: z
    .string()
    .nullable()
    .describe("Why it failed: unauthorized, forbidden, notFound, unreachable, busy, badResponse, interrupted, failed"),
});

const listDescription =
  "The project's managers and evaluators (connections.sync). Credentials are never part of an answer.";

export const listConnectionsContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects/{projectId}/connections",
  operationId: "listConnections",
  summary: "The project's connections to KoboToolbox and ODK Central",
  description: listDescription,
  tag: "Connections",
  auth: "session",
  params: summaryParams,
  response: z.object({ connections: z.array(connection) }),
  problems: ["unauthenticated", "forbidden"],
};

export const runSyncContract: RouteContract = {
  method: "post",
  path: "/api/v1/projects/{projectId}/connections/{connectionId}/syncs",
  operationId: "runConnectionSync",
  summary: "Sync a connection now: read what was submitted, edited or validated since the last sync",
  description:
    "The project's managers and evaluators (connections.sync and results.enter). Runs in the request: the project's saved survey rules are applied to the connection's submissions, and only the values that change are saved, as drafts or submitted for review as the connection says, never approved. A sync that fails (the server refused, kept failing) is answered as such (status FAILED, error), and the next one resumes where it stopped. 409 while another sync of the connection runs.",
  tag: "Connections",
  auth: "session",
  params: projectConnectionParams,
  response: z.object({ sync }),
  problems: ["unauthenticated", "forbidden", "notFound", "conflict"],
};

export const syncHistoryContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects/{projectId}/connections/{connectionId}/syncs",
  operationId: "listConnectionSyncs",
  summary: "A connection's sync history, newest first",
  description: listDescription,
  tag: "Connections",
  auth: "session",
  params: projectConnectionParams,
  query: syncHistoryQuery,
  response: z.object({
    syncs: z.array(sync),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
  }),
  problems: ["unauthenticated", "forbidden", "notFound", "validation"],
};

const connectionParams = z.object({ connectionId: z.string().describe("The connection's id") });
const pushAnswer = z.object({
  syncId: z.string().describe("The push-in batch, listed in the connection's history"),
  queued: z.boolean().describe("Applied by the job queue (PostgreSQL) rather than in the request"),
});
const submission = z
  .looseObject({
    _id: z.union([z.number().int(), z.string()]).describe("KoboToolbox's submission id"),
    _submission_time: z.string().optional(),
    __version__: z.string().optional(),
  })
  .describe("One submission as KoboToolbox's REST Service posts it (JSON; at most 1 MiB)");
const description =
  "A KoboToolbox REST Service (JSON) posts each new submission here. The submission is kept with the connection's others (a repeated post of the same submission counts once) and the project's saved survey rules are applied to them: only the values that change are saved, as drafts or submitted for review as the connection says, never approved. The secret is shown once to the project's manager when push-in is turned on.";

export const pushSubmissionHeaderContract: RouteContract = {
  method: "post",
  path: "/api/v1/connections/{connectionId}/kobo-submissions",
  operationId: "pushKoboSubmission",
  summary: "Receive a KoboToolbox REST Service post (the secret in the X-Connection-Secret header)",
  description,
  tag: "Connections",
  auth: "public",
  params: connectionParams,
  body: submission,
  response: pushAnswer,
  problems: ["unauthenticated", "validation", "payloadTooLarge"],
};

export const pushSubmissionPathContract: RouteContract = {
  ...pushSubmissionHeaderContract,
  path: "/api/v1/connections/{connectionId}/kobo-submissions/{secret}",
  operationId: "pushKoboSubmissionWithSecretInPath",
  summary: "Receive a KoboToolbox REST Service post (the secret in the path)",
  params: connectionParams.extend({ secret: z.string().describe("The connection's push-in secret") }),
};
