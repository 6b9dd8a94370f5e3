import path from "node:path";
import { defineConfig } from "vitest/config";

// Database tests: one file at a time, each on a fresh copy of a demo database made once per run
// (lib/testing/integration-template.ts, lib/testing/integration-setup.ts).
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only.ts"),
    },
  },
  test: {
    include: ["**/*.integration.test.ts"],
    exclude: ["node_modules/**"],
    fileParallelism: false,
    globalSetup: ["lib/testing/integration-template.ts"],
    setupFiles: ["lib/testing/integration-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
