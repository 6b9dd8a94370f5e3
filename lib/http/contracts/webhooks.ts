// A project's outgoing webhooks (lib/server/webhooks/): its managers list, add, edit, pause, rotate the
// secret of, and delete them, and read each one's delivery log.
import { z } from "zod";
import { WEBHOOK_EVENTS, webhookInputSchema, webhookUpdateSchema } from "@/lib/domain/webhooks/schema";
import { summaryParams } from "./summary";
import type { RouteContract } from "./types";

export const webhookParams = summaryParams.extend({ webhookId: z.string().min(1).describe("The webhook's id") });
export const rotateSecretBody = z.object({ version: z.number().int().min(1).describe("The version read") });
export const deliveriesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("Deliveries per page (at most 200)"),
  cursor: z.string().min(1).optional().describe("The nextCursor of the page before"),
});

const webhook = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  active: z.boolean().describe("False while paused: no event is queued for it"),
  version: z.number().int().describe("Send it back with an edit; an edit from an older version is refused (409)"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const delivery = z.object({
  id: z.string().describe("Also the X-ME-Delivery header and the body's id"),
  event: z.string(),
  status: z.enum(["PENDING", "DELIVERED", "FAILED"]),
  attempts: z.number().int(),
  responseCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
const withSecret = z.object({
  webhook,
  secret: z.string().describe("The signing secret (whsec_…): in this answer only, never shown again"),
});

const description =
  "The project's managers only (webhooks.manage). Each delivery is a POST of JSON signed X-ME-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\"> with the webhook's secret, retried after 1 min, 5 min, 30 min, 2 h and 6 h. Events: results.submitted (only while the webhook's creator may read unapproved values), results.approved, results.returned (likewise), period.locked, project.figuresChanged (at most once a minute, with the new dataVersion).";
const tag = "Webhooks";
const problems = ["unauthenticated", "forbidden", "notFound"] as const;

export const listWebhooksContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects/{projectId}/webhooks",
  operationId: "listWebhooks",
  summary: "The project's webhooks (never their secrets)",
  description,
  tag,
  auth: "session",
  params: summaryParams,
  response: z.object({ webhooks: z.array(webhook) }),
  problems: ["unauthenticated", "forbidden"],
};

export const createWebhookContract: RouteContract = {
  ...listWebhooksContract,
  method: "post",
  operationId: "createWebhook",
  summary: "Add a webhook (its signing secret is in the answer, once)",
  body: webhookInputSchema,
  response: withSecret,
  problems: ["unauthenticated", "forbidden", "validation"],
};

export const updateWebhookContract: RouteContract = {
  method: "patch",
  path: "/api/v1/projects/{projectId}/webhooks/{webhookId}",
  operationId: "updateWebhook",
  summary: "Change a webhook's address or events, or pause (active: false) or resume it",
  description,
  tag,
  auth: "session",
  params: webhookParams,
  body: webhookUpdateSchema.extend({ version: z.number().int().min(1).describe("The version read") }),
  response: z.object({ webhook }),
  problems: [...problems, "validation", "conflict"],
};

export const deleteWebhookContract: RouteContract = {
  ...updateWebhookContract,
  method: "delete",
  operationId: "deleteWebhook",
  summary: "Delete a webhook and its delivery log",
  body: undefined,
  response: z.object({ ok: z.boolean() }),
  problems: [...problems],
};

export const rotateWebhookSecretContract: RouteContract = {
  ...updateWebhookContract,
  method: "post",
  path: "/api/v1/projects/{projectId}/webhooks/{webhookId}/secret",
  operationId: "rotateWebhookSecret",
  summary: "A new signing secret (in the answer, once); the old one signs nothing from now on",
  body: rotateSecretBody,
  response: withSecret,
};

export const listWebhookDeliveriesContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects/{projectId}/webhooks/{webhookId}/deliveries",
  operationId: "listWebhookDeliveries",
  summary: "A webhook's delivery log, newest first (delivered ones kept 30 days, failed ones 90)",
  description,
  tag,
  auth: "session",
  params: webhookParams,
  query: deliveriesQuery,
  response: z.object({ deliveries: z.array(delivery), nextCursor: z.string().nullable() }),
  problems: [...problems, "validation"],
};
