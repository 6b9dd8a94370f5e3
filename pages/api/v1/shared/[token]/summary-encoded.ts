// GET /api/v1/shared/{token}/summary over HTTP (next.config.ts rewrites that path here): the route's one
// handler (lib/http/shared-summary-route.ts), its JSON sent as brotli or gzip compressed once per ETag.
// A Pages Router route because Next.js keeps the Content-Encoding such a route sets (lib/http/encoded-route.ts).
import type { NextApiRequest, NextApiResponse } from "next";
import { serveEncoded } from "@/lib/http/encoded-route";
import { sharedSummaryPath, sharedSummaryRoute } from "@/lib/http/shared-summary-route";

// GET only: the body is never read.
export const config = { api: { bodyParser: false } };

export default function handler(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  const token = String(req.query.token ?? "");
  return serveEncoded(req, res, sharedSummaryRoute, sharedSummaryPath(token), { token });
}
