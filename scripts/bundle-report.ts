// First-load JavaScript per route, from the production build (`npm run build` first):
//   npx tsx scripts/bundle-report.ts
// Reads Next.js's own .next/diagnostics/route-bundle-stats.json, adds gzip sizes, and checks that chart
// code (Recharts) is in no route's first load: charts load on demand (components/charts/lazy.tsx).
// With --check it fails when a route's first load holds chart code, or when a budgeted route (the donor
// page and the project dashboard, which donors and field offices open on slow connections) ships more
// than its budget of gzip JavaScript in its first load (run by `npm run test:e2e`).
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

/** First-load budgets, in kB of gzip JavaScript. */
export const budgets: Record<string, number> = { "/s/[token]": 150, "/projects/[projectId]": 150 };

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

type Report = ReturnType<typeof bundleReport>;

/** What fails the check: chart code in a first load, a budget exceeded, a budgeted route gone. */
export function bundleProblems(report: Report, limits = budgets): string[] {
  const heavy = report.filter((r) => r.chartsInFirstLoad).map((r) => r.route);
  // A budgeted route that was renamed must not pass unchecked.
  const missing = Object.keys(limits).filter((route) => !report.some((r) => r.route === route));
  const over = report.filter((r) => r.gzipKB > (limits[r.route] ?? Number.POSITIVE_INFINITY));
  return [
    ...(heavy.length ? [`Chart code is in the first load of: ${heavy.join(", ")}`] : []),
    ...(missing.length ? [`Budgeted routes not found in the build: ${missing.join(", ")}`] : []),
    ...over.map((r) => `${r.route} ships ${r.gzipKB.toFixed(1)} kB of gzip JavaScript (budget ${limits[r.route]} kB)`),
  ];
}

if (process.argv[1]?.endsWith("bundle-report.ts")) {
  const report = bundleReport();
  if (process.argv.includes("--check")) {
    const problems = bundleProblems(report);
    for (const problem of problems) console.error(problem);
    if (problems.length) process.exit(1);
    const budgeted = report.filter((r) => r.route in budgets);
    console.log(
      `Bundle check: no chart code in the first load of ${report.length} routes; ${budgeted
        .map((r) => `${r.route} ${r.gzipKB.toFixed(1)} of ${budgets[r.route]} kB`)
        .join(", ")}.`,
    );
    process.exit(0);
  }
  console.log("First-load JavaScript per route (production build)");
  console.table(
    report.map((r) => ({
      route: r.route,
      "first load (kB)": r.kB.toFixed(1),
      "gzip (kB)": r.gzipKB.toFixed(1),
      "chart code": r.chartsInFirstLoad ? "yes" : "no",
      budget: budgets[r.route] ?? "",
    })),
  );
}
