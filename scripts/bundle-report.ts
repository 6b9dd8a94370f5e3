// First-load JavaScript per route, from the production build (`npm run build` first):
//   npx tsx scripts/bundle-report.ts
// Reads Next.js's own .next/diagnostics/route-bundle-stats.json, adds gzip sizes, and checks that chart
// code (Recharts) is in no route's first load: charts load on demand (components/charts/lazy.tsx).
// With --check it fails when a route's first load holds chart code (run by `npm run test:e2e`).
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

export function bundleReport(statsFile = ".next/diagnostics/route-bundle-stats.json") {
  if (!existsSync(statsFile)) throw new Error(`No ${statsFile}: run \`npm run build\` first`);
  const routes = JSON.parse(readFileSync(statsFile, "utf8")) as RouteStats[];
  return routes
    .map((r) => {
      const chunks = r.firstLoadChunkPaths.map((p) => readFileSync(p));
      return {
        route: r.route,
        kB: r.firstLoadUncompressedJsBytes / 1024,
        gzipKB: chunks.reduce((a, c) => a + gzipSync(c).length, 0) / 1024,
        // "recharts-bar-rectangle" is a class name only Recharts' code contains (the app only selects "recharts-surface").
        chartsInFirstLoad: chunks.some((c) => c.includes("recharts-bar-rectangle")),
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

if (process.argv[1]?.endsWith("bundle-report.ts")) {
  const report = bundleReport();
  if (process.argv.includes("--check")) {
    const heavy = report.filter((r) => r.chartsInFirstLoad).map((r) => r.route);
    if (heavy.length) {
      console.error(`Chart code is in the first load of: ${heavy.join(", ")}`);
      process.exit(1);
    }
    console.log(`Bundle check: no chart code in the first load of ${report.length} routes.`);
    process.exit(0);
  }
  console.log("First-load JavaScript per route (production build)");
  console.table(
    report.map((r) => ({
      route: r.route,
      "first load (kB)": r.kB.toFixed(1),
      "gzip (kB)": r.gzipKB.toFixed(1),
      "chart code": r.chartsInFirstLoad ? "yes" : "no",
    })),
  );
}
