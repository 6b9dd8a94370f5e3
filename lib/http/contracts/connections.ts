// Push in from KoboToolbox's REST Services (lib/http/connection-push.ts).
import { z } from "zod";
import type { RouteContract } from "./types";

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
