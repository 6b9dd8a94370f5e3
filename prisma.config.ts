// Prisma CLI configuration. The app itself never reads this file: lib/platform/db builds its own client.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
});
