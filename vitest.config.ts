import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests run in parallel; integration tests (*.integration.test.ts) run one file at a time against
// one database backend chosen by TEST_DATABASE (pglite | postgres): see vitest.integration.config.ts.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"],
    exclude: ["**/*.integration.test.ts", "node_modules/**"],
  },
});
