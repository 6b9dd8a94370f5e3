// GET /api/v1/shared/{token}/summary: a donor link's figures. One handler for both ways in: the App
// Router route file (app/api/v1/shared/[token]/summary/route.ts, what the contract and in-process callers
// name) and the Pages Router route that serves it over HTTP compressed once per ETag
// (pages/api/v1/shared/[token]/summary-encoded.ts, which next.config.ts rewrites the public path to).
import "server-only";
import { sharedParams, sharedQuery } from "./contracts/shared";
import { apiRoute } from "./route";
import { authenticateShareToken } from "./shared-access";
import { sharedSummaryResponse } from "./summary-handlers";

export const sharedSummaryRoute = apiRoute({
  params: sharedParams,
  query: sharedQuery,
  authenticate: authenticateShareToken,
  handler: sharedSummaryResponse,
});

/** The public path of a link's summary (what its contract, logs and ETag name). */
export const sharedSummaryPath = (token: string) => `/api/v1/shared/${encodeURIComponent(token)}/summary`;
