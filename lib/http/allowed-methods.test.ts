import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { allowedMethods, methodNotAllowed } from "./allowed-methods";

test("each API path names the methods it answers; others get a 405 problem with Allow", async () => {
  expect(allowedMethods("/api/v1/projects/p1/summary")).toEqual(["GET", "HEAD"]);
  expect(allowedMethods("/api/v1/projects/p1/members/u1")).toEqual(["DELETE", "PATCH"]);
  expect(allowedMethods("/somewhere/else")).toBeNull();
  expect(methodNotAllowed("/api/v1/projects/p1/summary", "GET")).toBeNull();
  const refused = methodNotAllowed("/api/v1/projects/p1/summary", "PUT");
  expect(refused?.status).toBe(405);
  expect(refused?.headers.get("allow")).toBe("GET, HEAD");
  expect(refused?.headers.get("content-type")).toBe("application/problem+json");
  expect(await refused?.json()).toMatchObject({ code: "methodNotAllowed", status: 405 });
});

test("a static segment is its own route, not a value of the dynamic one beside it (as Next.js routes it)", () => {
  // /api/v1/projects/{projectId} answers GET and PATCH; these paths are other routes.
  expect(allowedMethods("/api/v1/projects/import")).toEqual(["POST"]);
  expect(allowedMethods("/api/v1/projects/logframe-template.xlsx")).toEqual(["GET", "HEAD"]);
  expect(allowedMethods("/api/v1/projects/logframe-template.csv")).toEqual(["GET", "HEAD"]);
  expect(allowedMethods("/api/v1/projects/p1")).toEqual(["GET", "HEAD", "PATCH"]);
  expect(methodNotAllowed("/api/v1/projects/import", "GET")?.status).toBe(405);
  expect(methodNotAllowed("/api/v1/projects/import", "PATCH")?.status).toBe(405);
  expect(methodNotAllowed("/api/v1/projects/logframe-template.xlsx", "PATCH")?.headers.get("allow")).toBe("GET, HEAD");
  expect(allowedMethods("/api/auth/callback/credentials")).toEqual(["GET", "HEAD", "POST"]);
  expect(allowedMethods("/api/auth")).toBeNull();
});

// Every route file under app/api, as Next.js serves it: its path and the methods it exports.
const apiDir = path.resolve(import.meta.dirname, "../../app/api");
const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

/** A request path the route serves: each dynamic segment given a value, a catch-all two. */
function samplePath(file: string): string {
  const segments = path.relative(apiDir, path.dirname(file)).split(path.sep).filter(Boolean);
  const parts = segments.map((s) => (s.startsWith("[...") ? "one/two" : s.startsWith("[") ? "x1" : s));
  return `/api/${parts.join("/")}`;
}

/** The methods a route file exports: `export const GET`, `export async function GET`, `export { h as GET }`. */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|(?:async\s+)?function)\s+([A-Z]+)\b/g)) found.add(m[1] ?? "");
  for (const list of source.matchAll(/export\s*\{([^}]*)\}/g))
    for (const name of (list[1] ?? "").split(","))
      found.add(
        name
          .split(/\s+as\s+/)
          .at(-1)
          ?.trim() ?? "",
      );
  return [...found].filter((m) => httpMethods.includes(m));
}

test("every route file under app/api: each method it does not export gets a 405 problem naming the ones it does", async () => {
  const files = routeFiles(apiDir);
  expect(files.length).toBeGreaterThan(30);
  for (const file of files) {
    const where = path.relative(apiDir, file);
    const exported = exportedMethods(readFileSync(file, "utf8"));
    expect(exported.length, where).toBeGreaterThan(0);
    const answered = new Set(exported);
    if (answered.has("GET")) answered.add("HEAD");
    const allow = [...answered].sort().join(", ");
    const url = samplePath(file);
    expect(allowedMethods(url), `${where} (${url})`).toEqual([...answered].sort());
    for (const method of httpMethods) {
      const refused = methodNotAllowed(url, method);
      if (answered.has(method)) {
        expect(refused, `${method} ${url}`).toBeNull();
        continue;
      }
      expect(refused?.status, `${method} ${url}`).toBe(405);
      expect(refused?.headers.get("allow"), `${method} ${url}`).toBe(allow);
      expect(refused?.headers.get("content-type")).toBe("application/problem+json");
      expect(await refused?.json()).toMatchObject({ code: "methodNotAllowed", status: 405 });
    }
  }
});
