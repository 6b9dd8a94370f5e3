// Keeping a project's connections through the API (lib/server/connections/service.ts): its managers add,
// edit and delete them; its managers and evaluators test them. The credentials are write-only: sent in a
// body, sealed, never in any answer. (Listing, syncing and the history: ./connections.ts.)
import { z } from "zod";
import { connectionEditSchema, connectionInputSchema } from "@/lib/domain/connections/schema";
import { connection, projectConnectionParams } from "./connections";
import { summaryParams } from "./summary";
import type { RouteContract } from "./types";

const manage =
  "The project's managers only (connections.manage). The credentials (KoboToolbox: token; ODK Central: email and password, or appUserToken) are write-only: sealed when saved, never in any answer. The address must be a public one unless ALLOW_PRIVATE_NETWORK_TARGETS is set.";
const base = { tag: "Connections", auth: "session" as const };

export const createConnectionContract: RouteContract = {
  ...base,
  method: "post",
  path: "/api/v1/projects/{projectId}/connections",
  operationId: "createConnection",
  summary: "Add a connection to a KoboToolbox form (asset) or an ODK Central form",
  description: manage,
  params: summaryParams,
  body: connectionInputSchema,
  response: z.object({ connection }),
  problems: ["unauthenticated", "forbidden", "validation"],
};

export const updateConnectionContract: RouteContract = {
  ...base,
  method: "patch",
  path: "/api/v1/projects/{projectId}/connections/{connectionId}",
  operationId: "updateConnection",
  summary: "Edit a connection, named by the version read (credentials left out keep the saved ones)",
  description: `${manage} Its kind stays; an edit from an older version than the saved one is refused (409, with the current version).`,
  params: projectConnectionParams,
  body: connectionEditSchema,
  response: z.object({ connection }),
  problems: ["unauthenticated", "forbidden", "notFound", "validation", "conflict"],
};

export const deleteConnectionContract: RouteContract = {
  ...updateConnectionContract,
  method: "delete",
  operationId: "deleteConnection",
  summary: "Delete a connection, its stored submissions and history (the values it saved stay)",
  description: manage,
  body: undefined,
  response: z.object({ ok: z.boolean() }),
  problems: ["unauthenticated", "forbidden", "notFound"],
};

export const testConnectionContract: RouteContract = {
  ...base,
  method: "post",
  path: "/api/v1/projects/{projectId}/connections/{connectionId}/test",
  operationId: "testConnection",
  summary: "Ask the server for the form's name and submission count",
  description:
    "The project's managers and evaluators (connections.sync). A refusal of the credentials is answered ok: false with its reason and marks the connection broken; a working answer marks it OK again.",
  params: projectConnectionParams,
  response: z.union([
    z.object({
      ok: z.literal(true),
      form: z.object({
        name: z.string(),
        submissions: z.number().int().describe("Submissions on the server"),
        version: z.string().nullable().describe("The form's deployed version"),
      }),
    }),
    z.object({
      ok: z.literal(false),
      reason: z.string().describe("Why, a message key (e.g. unauthorized, notFound, unreachable)"),
    }),
  ]),
  problems: ["unauthenticated", "forbidden", "notFound"],
};
