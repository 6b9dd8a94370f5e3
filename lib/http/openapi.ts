// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes validate with.
import { type ZodObject, type ZodType, z } from "zod";
import { contracts } from "./contracts";
import type { RouteContract } from "./contracts/types";
import { problemCodes } from "./problem";

function jsonSchema(schema: ZodType, io: "input" | "output") {
  return z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
}

function parameters(schema: ZodObject | undefined, where: "path" | "query") {
  if (!schema) return [];
  const json = jsonSchema(schema, "input") as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    description: property.description,
    schema: property,
  }));
}

const problemSchema = {
  type: "object",
  required: ["type", "title", "status", "code"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    code: { type: "string", enum: Object.keys(problemCodes) },
    detail: { type: "string" },
    errors: {
      type: "array",
      items: { type: "object", properties: { field: { type: "string" }, message: { type: "string" } } },
    },
  },
};

function operation(c: RouteContract) {
  const responses: Record<string, unknown> = {
    "200": {
      description: "OK",
      content: { [c.responseMediaType ?? "application/json"]: { schema: jsonSchema(c.response, "output") } },
    },
  };
  for (const code of [...c.problems, "internal" as const]) {
    const { status, title } = problemCodes[code];
    responses[String(status)] = {
      description: `${title} (code: ${code})`,
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    };
  }
  return {
    operationId: c.operationId,
    summary: c.summary,
    description: c.description,
    tags: [c.tag],
    security: c.auth === "session" ? [{ session: [] }, { bearer: [] }] : [],
    parameters: [...parameters(c.params, "path"), ...parameters(c.query, "query")],
    ...(c.body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              (c.bodyMediaTypes ?? ["application/json"]).map((type) => [
                type,
                { schema: jsonSchema(c.body as ZodType, "input") },
              ]),
            ),
          },
        }
      : {}),
    responses,
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const c of contracts) {
    paths[c.path] ??= {};
    paths[c.path]![c.method] = operation(c);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "M&E Dashboard API",
      version: "1",
      description:
        "Indicators, targets and results of humanitarian and development programs. Errors are application/problem+json with a stable `code`.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
        bearer: {
          type: "http",
          scheme: "bearer",
          description:
            "A personal API token. Each token may make API_TOKEN_REQUESTS_PER_MINUTE requests a minute (600 unless the operator sets it); past that the answer is 429 `rateLimited` with Retry-After.",
        },
      },
    },
  };
}
