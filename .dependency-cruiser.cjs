// The layer rules of docs/architecture.md, checked by `npm run lint` (dependency-cruiser). A path says
// where code runs and so what it may import:
//   lib/domain    pure: runs anywhere (engine, measures, rules, formatters, shared types)
//   lib/formats   reading and writing files (CSV, XLSX, IATI XML, GeoJSON, PDF); no database
//   lib/platform  the machinery: database, sign-in, logging, mail, limits, settings, languages, jobs
//   lib/server    server-only services per feature, their server actions and queries
//   lib/http      the HTTP edge: the route wrapper, contracts, problems, handlers
//   lib/client    browser code: fetchers and hooks
//   components/   React UI; app/ pages, layouts and route files
/** Modules that do input or output (a database, files, the network, processes, the framework). */
const IO_PACKAGES = [
  "^node:(fs|fs/promises|child_process|worker_threads|net|http|https|os|stream|dns|cluster|tls)$",
  "^(fs|child_process|worker_threads|net|http|https|os|stream)$",
  "^node_modules/(@prisma|@electric-sql|pg|pg-boss|nodemailer|next|next-auth|next-intl|react|react-dom|@tanstack|recharts|exceljs|archiver|yauzl|sax|pdf-lib)/",
];
const PRISMA_CLIENT = ["^lib/generated/prisma/(client|internal|models)", "^lib/platform/db/"];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment:
        "lib/domain runs anywhere: it imports only itself and pure packages (no I/O, no framework, no other layer).",
      severity: "error",
      from: { path: "^lib/domain/", pathNot: "\\.test\\.tsx?$" },
      to: {
        pathNot: ["^lib/domain/", "^lib/generated/prisma/enums\\.ts$"],
        dependencyTypesNot: ["type-only"],
        path: ["^lib/", "^components/", "^app/", ...IO_PACKAGES],
      },
    },
    {
      name: "domain-types-from-domain",
      comment:
        "Even types in lib/domain come from lib/domain (or Prisma's generated enums), not from services or HTTP.",
      severity: "error",
      from: { path: "^lib/domain/", pathNot: "\\.test\\.tsx?$" },
      to: { path: ["^lib/(server|http|platform|client|formats)/", "^components/", "^app/"] },
    },
    {
      name: "formats-read-and-write-files-only",
      comment:
        "lib/formats turns bytes into data and back: it may use lib/domain and node's streams, not the database, services or HTTP.",
      severity: "error",
      from: { path: "^lib/formats/", pathNot: "\\.test\\.tsx?$" },
      to: { path: ["^lib/(server|http|client)/", "^components/", "^app/", ...PRISMA_CLIENT] },
    },
    {
      name: "platform-below-features",
      comment: "lib/platform is the machinery features stand on; it does not know them.",
      severity: "error",
      from: { path: "^lib/platform/", pathNot: "\\.test\\.tsx?$" },
      to: { path: ["^lib/(server|http|client)/", "^components/", "^app/"] },
    },
    {
      name: "services-never-speak-http",
      comment: "lib/server returns values or throws domain errors; the HTTP edge (lib/http) turns them into answers.",
      severity: "error",
      from: { path: "^lib/server/", pathNot: "\\.test\\.tsx?$" },
      to: { path: ["^lib/(http|client)/", "^components/", "^app/"] },
    },
    {
      name: "http-is-the-edge",
      comment: "lib/http is called by route files; it calls services, never the browser code or the UI.",
      severity: "error",
      from: { path: "^lib/http/", pathNot: "\\.test\\.tsx?$" },
      to: { path: ["^lib/client/", "^components/", "^app/"] },
    },
    {
      name: "client-runs-in-the-browser",
      comment:
        "lib/client runs in the browser: it may use lib/domain and the HTTP contracts' types, nothing server-side.",
      severity: "error",
      from: { path: "^lib/client/" },
      to: {
        path: [
          "^lib/(server|platform|formats)/",
          "^lib/http/(?!contracts/|problem\\.ts)",
          "^components/",
          "^app/",
          ...PRISMA_CLIENT,
        ],
      },
    },
    {
      name: "lib-never-imports-ui",
      comment: "Nothing in lib/ imports components/ or app/.",
      severity: "error",
      from: { path: "^lib/", pathNot: ["\\.test\\.tsx?$", "^lib/testing/"] },
      to: { path: ["^components/", "^app/", "^pages/"] },
    },
    {
      name: "tests-call-routes-not-ui",
      comment: "Tests in lib/ may call route files (the real HTTP entry points), never components or pages.",
      severity: "error",
      from: { path: ["^lib/.*\\.test\\.tsx?$", "^lib/testing/"] },
      to: { path: ["^components/", "^app/"], pathNot: "^app/.*/route\\.ts$" },
    },
    {
      name: "components-never-reach-the-server",
      comment:
        "Components run in the browser (or render on the server from data given to them): they may call server actions, never services, Prisma or HTTP handlers.",
      severity: "error",
      from: { path: "^components/" },
      to: {
        path: ["^lib/(server|platform|http)/", ...PRISMA_CLIENT],
        pathNot: ["^lib/(server|platform)/.*actions\\.ts$", "^lib/http/contracts/", "^lib/platform/i18n/messages/"],
        // Types are erased before anything reaches the browser (the bundle check in `npm run test:e2e` holds it).
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "pages-and-routes-call-services",
      comment:
        "Pages, layouts and route files call services (lib/server); they never query Prisma, and pages never call HTTP handlers.",
      severity: "error",
      from: { path: "^(app|pages)/" },
      to: { path: PRISMA_CLIENT },
    },
    {
      name: "actions-call-services",
      comment:
        "A server action settles the caller and the form (lib/server/action.ts) and calls a service; it never queries Prisma.",
      severity: "error",
      from: { path: "actions\\.ts$" },
      to: { path: PRISMA_CLIENT },
    },
    {
      name: "pages-never-call-http-handlers",
      comment: "A page gets its data from a service, not from the HTTP layer meant for route files.",
      severity: "error",
      from: { path: "^app/.*(page|layout|loading|error|not-found)\\.tsx$" },
      // The API docs page shows the OpenAPI document the contracts generate.
      to: { path: "^lib/http/", pathNot: "^lib/http/(openapi|contracts/)" },
    },
    {
      name: "no-cycles",
      comment: "A cycle means two modules are one; split out what they share.",
      severity: "error",
      from: { path: "^(lib|components|app|pages)/" },
      to: { circular: true, dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "^lib/generated/"] },
    exclude: { path: ["^lib/generated/prisma/(?!enums)", "^\\.next/"] },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
