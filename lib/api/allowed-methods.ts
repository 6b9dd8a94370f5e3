// Which methods each /api/v1 path answers, from the route contracts (the OpenAPI document's source):
// a request with another method is answered 405 with an Allow header and a problem body, not an empty
// 405 (proxy.ts).
import { contracts } from "./contracts";

const routes = [
  ...contracts.map((c) => ({ path: c.path, method: c.method.toUpperCase() })),
  { path: "/api/v1/openapi.json", method: "GET" },
];

const patterns = new Map<string, { pattern: RegExp; methods: Set<string> }>();
for (const { path, method } of routes) {
  const entry = patterns.get(path) ?? {
    pattern: new RegExp(`^${path.replace(/\./g, "\\.").replace(/\{\w+\}/g, "[^/]+")}$`),
    methods: new Set<string>(),
  };
  entry.methods.add(method);
  patterns.set(path, entry);
}

/** The methods a path answers (HEAD with GET), or null for a path that is no API route. */
export function allowedMethods(pathname: string): string[] | null {
  const matches = [...patterns.values()].filter((p) => p.pattern.test(pathname));
  if (matches.length === 0) return null;
  const methods = new Set(matches.flatMap((m) => [...m.methods]));
  if (methods.has("GET")) methods.add("HEAD");
  return [...methods].sort();
}

/** A 405 problem for a method the path does not answer, or null when it does (or is no API route). */
export function methodNotAllowed(pathname: string, method: string): Response | null {
  const allowed = allowedMethods(pathname);
  if (!allowed || allowed.includes(method.toUpperCase())) return null;
  return new Response(
    JSON.stringify({
      type: "about:blank#methodNotAllowed",
      title: "Method not allowed",
      status: 405,
      code: "methodNotAllowed",
      detail: `${method.toUpperCase()} is not answered here; use ${allowed.join(", ")}`,
    }),
    {
      status: 405,
      headers: { allow: allowed.join(", "), "content-type": "application/problem+json", "cache-control": "no-store" },
    },
  );
}
