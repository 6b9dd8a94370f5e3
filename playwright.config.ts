import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/browser";
import { e2eDatabaseUrl } from "./e2e/database-url";
import { mailDir, smtpPort } from "./e2e/mail";
import { oidcClient, oidcIssuer, oidcLabel, oidcPort } from "./e2e/oidc";

// End-to-end tests drive Chromium (e2e/browser.ts) against a production build (`npm run test:e2e`
// builds first) served twice: on the embedded PGlite database, as a newcomer runs it, and on
// PostgreSQL, where specs named *.pg.spec.ts also set up data through the data layer.
// A second app instance on the same PostgreSQL database, as a deployment with two app servers runs:
// it shares the first one's secret and waits for its database to be ready instead of resetting it.
const postgresSecret = randomBytes(32).toString("base64url");
// Connections' credentials and webhooks' signing secrets are sealed under this key (one for all instances).
const connectionsKey = randomBytes(32).toString("hex");

const servers = {
  pglite: { port: 3100, env: { DATA_DIR: "./data/e2e" } },
  postgres: {
    port: 3101,
    env: {
      DATABASE_URL: e2eDatabaseUrl,
      DATA_DIR: "./data/e2e-pg",
      AUTH_SECRET: postgresSecret,
      // Its e-mail goes to the SMTP sink below, which writes each message to a file the tests read.
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: "M&E Dashboard <me@example.org>",
      // The public library is open here (e2e/public-library.pg.spec.ts); off on the others.
      PUBLIC_LIBRARY: "1",
    },
  },
  postgres2: {
    port: 3102,
    env: {
      DATABASE_URL: e2eDatabaseUrl,
      DATA_DIR: "./data/e2e-pg2",
      AUTH_SECRET: postgresSecret,
      E2E_WAIT_FOR: "http://localhost:3101/api/ready",
      // Single sign-on through the OpenID Connect provider below (e2e/sso.pg.spec.ts); the other
      // instances have none.
      OIDC_ISSUER: oidcIssuer,
      OIDC_CLIENT_ID: oidcClient.id,
      OIDC_CLIENT_SECRET: oidcClient.secret,
      OIDC_LABEL: oidcLabel,
    },
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: { locale: "en-US", trace: "retain-on-failure", launchOptions: chromiumLaunchOptions },
  projects: [
    { name: "pglite", testIgnore: /\.pg\.spec\.ts$/, use: { baseURL: `http://localhost:${servers.pglite.port}` } },
    { name: "postgres", testMatch: /\.pg\.spec\.ts$/, use: { baseURL: `http://localhost:${servers.postgres.port}` } },
  ],
  webServer: [
    {
      command: "npx tsx e2e/smtp-sink.ts",
      port: smtpPort,
      reuseExistingServer: false,
      stdout: "pipe" as const,
      env: { E2E_SMTP_PORT: String(smtpPort), E2E_MAIL_DIR: mailDir },
    },
    { command: "npx tsx e2e/oidc-server.ts", port: oidcPort, reuseExistingServer: false, stdout: "pipe" as const },
    ...Object.values(servers).map(({ port, env }) => ({
      command: "bash e2e/start-app.sh",
      url: `http://localhost:${port}/login`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe" as const,
      // Configured as production requires (instrumentation.ts refuses to start otherwise).
      env: {
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        CONNECTIONS_KEY: connectionsKey,
        // The specs' webhook receivers and fake KoboToolbox server listen on 127.0.0.1.
        ALLOW_PRIVATE_NETWORK_TARGETS: "1",
        ...env,
        E2E_PORT: String(port),
        APP_URL: `http://localhost:${port}`,
        LOG_LEVEL: "warn",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    })),
  ],
});
