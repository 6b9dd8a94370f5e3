import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { keptDonorPageRewrite } from "./lib/http/kept-page-request";
import { actionAllowedOrigins } from "./lib/platform/ops/action-origin";
import { uploadLimits } from "./lib/platform/upload-limits";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/platform/i18n/request.ts",
  // Messages are compiled at build time, so browsers get no ICU message parser (a first-load budget, see the README).
  experimental: {
    messages: { path: "./lib/platform/i18n/messages", format: "json", locales: ["en", "es"], precompile: true },
  },
});

// Body limits from the settings (lib/platform/env.ts, read when the server starts; the standalone build keeps
// those of its build): the proxy buffers up to the largest body any route or action accepts (10 MB by
// default, past which it cuts the body short), actions take up to the largest form's files.
const limits = uploadLimits();

const nextConfig: NextConfig = {
  // Database drivers load WebAssembly and data files at run time: keep them out of the bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "exceljs",
    "pino",
    "pg-boss",
    // Read in the file readers' worker (a study document's text); it loads its own worker file at run time.
    "pdfjs-dist",
    // The outbound requests' guard (lib/platform/net/outbound.ts) uses undici's own fetch and Agent.
    "undici",
  ],
  poweredByHeader: false,
  // "server-only" bundled (not left to Node, which resolves it to the throwing module outside React's server
  // condition), so the Pages Router route below may use the server modules (Next aliases it to an empty one).
  transpilePackages: ["server-only"],
  // The container (Dockerfile) serves Next's standalone output; npm start and the tests use the usual one.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  experimental: {
    // Files are uploaded through server actions (a project's IATI file, map outlines, a survey export).
    serverActions: { bodySizeLimit: limits.action, allowedOrigins: actionAllowedOrigins() },
    proxyClientMaxBodySize: limits.proxy,
  },
  async rewrites() {
    return {
      // The donor summary is served by a Pages Router route, which may send its own Content-Encoding: the
      // same handler as the App Router route file, its bytes compressed once per ETag (lib/http/encoded-route.ts).
      // A donor page a browser opens, marked by proxy.ts: answered from its kept rendered output
      // (lib/http/kept-donor-page.ts), but never Next.js's own requests for it (RSC, prefetch).
      beforeFiles: [
        { source: "/api/v1/shared/:token/summary", destination: "/api/v1/shared/:token/summary-encoded" },
        keptDonorPageRewrite,
      ],
    };
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Content-Type-Options", value: "nosniff" },
        ],
      },
      {
        // Pages get theirs from proxy.ts with the Content-Security-Policy (a donor link may be embedded).
        source: "/api/:path*",
        headers: [{ key: "X-Frame-Options", value: "DENY" }],
      },
      {
        // Donor links carry a secret: keep them out of search engines.
        source: "/(s|api/v1/shared)/:path*",
        headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
