// What the proxy (proxy.ts) refuses before Next.js reads a request, as problem details: a body declared
// larger than where it goes accepts (413), and a server action called from another site (403).
import { bodyLimitOf, uploadLimits } from "@/lib/platform/upload-limits";
import { actionAllowedOrigins, isForeignAction } from "./action-origin";

function problem(status: number, code: string, title: string, detail: string, errors?: unknown[]): Response {
  return new Response(JSON.stringify({ type: `about:blank#${code}`, title, status, code, detail, errors }), {
    status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store" },
  });
}

/** 413 for a body whose Content-Length is past the limit of where it goes (lib/platform/upload-limits.ts). */
export function oversizedBody(pathname: string, method: string, headers: Headers): Response | null {
  if (method === "GET" || method === "HEAD") return null;
  const declared = Number(headers.get("content-length") ?? Number.NaN);
  if (!Number.isFinite(declared)) return null; // a streamed body: the route counts it as it comes
  const limit = bodyLimitOf(pathname, uploadLimits());
  if (declared <= limit) return null;
  return problem(413, "payloadTooLarge", "Request body too large", `The body is larger than ${limit} bytes`, [
    { field: "body", message: "tooLarge" },
  ]);
}

/** 403 for a server action whose Origin is another site's (Next.js would answer it 500). */
export function foreignAction(method: string, headers: Headers): Response | null {
  if (!isForeignAction(method, headers, actionAllowedOrigins())) return null;
  return problem(403, "forbidden", "Not allowed", "Server actions are only answered for this site's own pages");
}
