import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  // Messages are compiled at build time, so browsers get no ICU message parser (a first-load budget, see the README).
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: ["en", "es"], precompile: true } },
});

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
  ],
  poweredByHeader: false,
  // The container (Dockerfile) serves Next's standalone output; npm start and the tests use the usual one.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  // Project imports (IATI files, logframe workbooks) are uploaded through a server action.
  experimental: { serverActions: { bodySizeLimit: "20mb" } },
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
