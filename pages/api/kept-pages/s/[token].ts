// A donor page /s/{token} answered from its kept rendered output (lib/http/kept-donor-page.ts). proxy.ts
// rewrites a browser's request for an active link here; any other request gets a 404. A Pages Router
// route because Next.js keeps the Content-Encoding such a route sets (lib/http/encoded-route.ts).
import type { NextApiRequest, NextApiResponse } from "next";
import { serveKeptDonorPage } from "@/lib/http/kept-donor-page";

// GET and HEAD only: the body is never read.
export const config = { api: { bodyParser: false } };

export default function handler(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  return serveKeptDonorPage(req, res, String(req.query.token ?? ""));
}
