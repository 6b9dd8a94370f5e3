// Which methods each API path answers, from the route contracts (the OpenAPI document's source) and the
// few routes outside /api/v1: a request with another method is answered 405 with an Allow header and a
// problem body, not an empty 405 (proxy.ts). allowed-methods.test.ts walks every route file under
// app/api and checks this table against the methods the file exports.
import { contracts } from "./contracts";

// Routes under app/api outside /api/v1 (no contract): their methods, as their route files export them.
const otherRoutes = [
  { path: "/api/health", method: "GET" },
  { path: "/api/ready", method: "GET" },
  { path: "/api/auth/{nextauth+}", method: "GET" },
  { path: "/api/auth/{nextauth+}", method: "POST" },
];

const routes = [
  ...contracts.map((c) => ({ path: c.path, method: c.method.toUpperCase() })),
  { path: "/api/v1/openapi.json", method: "GET" },
  ...otherRoutes,
];

// A path segment as Next.js matches it: a static name (`import`, `logframe-template.csv`), one dynamic
// segment (`{projectId}`), or a catch-all (`{nextauth+}`, one or more segments).
type Segment = { kind: "static"; name: string } | { kind: "dynamic" } | { kind: "catchAll" };
type Route = { path: string; segments: Segment[]; methods: Set<string> };

function segmentsOf(path: string): Segment[] {
  return path
    .split("/")
    .filter(Boolean)
    .map((part) => {
      if (/^\{\w+\+\}$/.test(part)) return { kind: "catchAll" };
      if (/^\{\w+\}$/.test(part)) return { kind: "dynamic" };
      return { kind: "static", name: part };
    });
}

const table = new Map<string, Route>();
for (const { path, method } of routes) {
  const route = table.get(path) ?? { path, segments: segmentsOf(path), methods: new Set<string>() };
  route.methods.add(method);
  table.set(path, route);
}

/**
 * The route Next.js serves a path with, as its router chooses: segment by segment, a static name wins
 * over a dynamic segment, which wins over a catch-all. So /api/v1/projects/import is the import route
 * (POST only), never /api/v1/projects/{projectId} (GET, PATCH), though both patterns fit it.
 */
function routeOf(pathname: string): Route | null {
  const parts = pathname.split("/").filter(Boolean);
  let best: { route: Route; rank: number[] } | null = null;
  for (const route of table.values()) {
    const rank = rankOf(route.segments, parts);
    if (rank && (!best || compareRanks(rank, best.rank) > 0)) best = { route, rank };
  }
  return best?.route ?? null;
}

/** How well a route fits the path's segments (2 static, 1 dynamic, 0 catch-all, one per segment), or null. */
function rankOf(segments: Segment[], parts: string[]): number[] | null {
  const rank: number[] = [];
  for (const [i, segment] of segments.entries()) {
    if (segment.kind === "catchAll") return i < parts.length && i === segments.length - 1 ? [...rank, 0] : null;
    const part = parts[i];
    if (part === undefined) return null;
    if (segment.kind === "static" && segment.name !== part) return null;
    rank.push(segment.kind === "static" ? 2 : 1);
  }
  return rank.length === parts.length ? rank : null;
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** The methods a path answers (HEAD with GET), or null for a path that is no API route. */
export function allowedMethods(pathname: string): string[] | null {
  const route = routeOf(pathname);
  if (!route) return null;
  const methods = new Set(route.methods);
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
