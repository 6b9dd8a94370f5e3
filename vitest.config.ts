import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests run in parallel; integration tests (*.integration.test.ts) run one file at a time against
// one database backend chosen by TEST_DATABASE (pglite | postgres): see vitest.integration.config.ts.
// Two projects in one run: pure code in Node, and components (*.test.tsx beside them) in a jsdom page.
const exclude = ["**/*.integration.test.ts", "node_modules/**"];
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"],
          exclude,
        },
      },
      {
        extends: true,
        test: {
          name: "components",
          environment: "jsdom",
          include: ["components/**/*.test.tsx"],
          exclude,
          setupFiles: ["components/testing/setup.ts"],
        },
      },
    ],
  },
});
