import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { openApiDocument } from "./openapi";

/** Every route.ts under app/api/v1, as an OpenAPI path ("[projectId]" becomes "{projectId}"). */
function apiRoutes(dir = "app/api/v1"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return apiRoutes(full);
    return entry.name === "route.ts"
      ? [
          `/${path
            .dirname(full)
            .replace(/^app\//, "")
            .replace(/\[(\w+)\]/g, "{$1}")}`,
        ]
      : [];
  });
}

test("every method of every route file is described in the OpenAPI document", () => {
  const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;
  const missing = apiRoutes()
    .filter((route) => route !== "/api/v1/openapi.json")
    .flatMap((route) => {
      const file = path.join("app", route.replace(/^\//, "").replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
      const methods = [...readFileSync(file, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)];
      return methods
        .map((m) => `${m[1]} ${route}`)
        .filter((op) => {
          const [method = "", at = ""] = op.split(" ");
          return !paths[at]?.[method.toLowerCase()];
        });
    });
  expect(missing).toEqual([]);
});

test("every route in the API folder is described in the OpenAPI document", () => {
  const documented = Object.keys(openApiDocument().paths);
  const undocumented = apiRoutes().filter((route) => route !== "/api/v1/openapi.json" && !documented.includes(route));
  expect(undocumented).toEqual([]);
  expect(apiRoutes().length).toBeGreaterThan(1);
});

test("the summary operation documents its parameters and problem answers", () => {
  const op = openApiDocument().paths["/api/v1/projects/{projectId}/summary"]?.get as {
    parameters: { name: string; in: string }[];
    responses: Record<string, unknown>;
  };
  expect(op.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
    "path:projectId",
    "query:asOf",
    "query:location",
    "query:period",
    "query:view",
    "query:indicator",
    "query:includeSubmitted",
  ]);
  expect(Object.keys(op.responses).sort()).toEqual(["200", "400", "401", "404", "500"]);
});
