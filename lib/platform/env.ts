// The one place that reads configuration. Every setting has a default that works on a fresh machine.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  /** postgres://… selects a PostgreSQL server; unset selects embedded PGlite in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional(),
  /**
   * A read replica of DATABASE_URL (PostgreSQL streaming replication): dashboards and donor views read
   * their figures there, which may lag the primary by the replication delay. Unset: all on the primary.
   */
  DATABASE_REPLICA_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_REPLICA_URL must start with postgres:// or postgresql://")
      .optional(),
  ),
  /** Folder for the embedded database and the generated auth secret. */
  DATA_DIR: z.string().default("./data"),
  /** Signs session cookies. Generated once into DATA_DIR when unset. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Public base URL of the app, used for auth callbacks. */
  APP_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  /** The organisation that publishes IATI exports: its IATI organisation identifier and name. */
  IATI_ORG_REF: z.string().min(1).default("ZZ-ME-DASHBOARD"),
  IATI_ORG_NAME: z.string().min(1).default("M&E Dashboard"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /**
   * How many proxies in front of the app append to X-Forwarded-For (0: none, the header is ignored as
   * anyone can send it). The client's address is the entry that many places from the right.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Largest JSON body an API route reads (bytes; a project definition or an import sent as JSON). */
  MAX_JSON_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  /** Largest file streamed to the results upload (bytes). */
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(100 * 1024 * 1024),
  /**
   * Largest file sent through one of the app's forms (server actions): a project's IATI file or logframe
   * workbook, a survey export and its XLSForm, a results table whose columns are read (bytes).
   */
  MAX_FORM_FILE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  /** Largest GeoJSON file of map outlines (the project settings' boundaries form; bytes). */
  MAX_BOUNDARY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 1024 * 1024),
  /** An XLSX workbook (a zip) may hold this many entries and unpack to this many bytes at most. */
  MAX_ZIP_ENTRIES: z.coerce.number().int().positive().default(1000),
  MAX_UNZIPPED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(512 * 1024 * 1024),
  /** Every uploaded file (tables, survey exports, GeoJSON, IATI, logframes, evidence) is read in a worker within this time and memory. */
  IMPORT_READ_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  IMPORT_READ_MEMORY_MB: z.coerce.number().int().positive().default(1024),
  /** Characters of text read from one study document (PDF, DOCX) at most; a longer one is kept, not searchable. */
  MAX_STUDY_TEXT_CHARS: z.coerce.number().int().positive().default(5_000_000),
  /**
   * A background import's worker says it is alive this often; one silent for 8 beats (40 s by default)
   * stopped mid-way (its process died) and is marked failed by any app instance.
   */
  IMPORT_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** Largest evidence file (a photo, a PDF) attached to a value or a period's report (bytes). */
  MAX_EVIDENCE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** All evidence files of one project together (bytes). */
  MAX_PROJECT_EVIDENCE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(500 * 1024 * 1024),
  /** Rows an imported results table may have. */
  MAX_IMPORT_ROWS: z.coerce.number().int().positive().default(1_000_000),
  /** Requests one API token may make per minute, counted in the database (shared by app instances). */
  API_TOKEN_REQUESTS_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Donor-link views (pages and shared API) one client address may make per minute; never off. */
  SHARE_VIEW_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(120),
  /** Sends e-mail (invitations) when set: smtp://user:password@host:587 or smtps://…:465. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
    .optional(),
  /** The sender of those e-mails. */
  MAIL_FROM: z.string().min(3).default("M&E Dashboard <no-reply@localhost>"),
  /**
   * Server errors are also sent as OpenTelemetry log records (OTLP over HTTP, JSON) to this collector
   * when set, e.g. http://otel-collector:4318; OTEL_EXPORTER_OTLP_HEADERS ("key=value,…") go with them.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_EXPORTER_OTLP_HEADERS: z.string().optional(),
  /**
   * Encrypts the credentials of KoboToolbox and ODK Central connections at rest (AES-256-GCM): 32 random
   * bytes as 64 hex characters or base64 (`openssl rand -hex 32`). Required in production to add or use a
   * connection; development and tests use a fixed key of their own.
   */
  CONNECTIONS_KEY: z.string().optional(),
  /**
   * "1" lets webhooks and KoboToolbox / ODK Central connections reach private and local addresses
   * (loopback, 10/8, 172.16/12, 192.168/16, link-local, fc00::/7…): a server on the office network, and
   * tests with local servers. "0" (default): only public addresses (lib/platform/net/outbound.ts).
   */
  ALLOW_PRIVATE_NETWORK_TARGETS: z.enum(["0", "1"]).default("0"),
  /**
   * Single sign-on through OpenID Connect (lib/platform/auth/oidc.ts): the provider's issuer URL (its
   * discovery document is at <issuer>/.well-known/openid-configuration), and the client registered there
   * with the redirect URI <APP_URL>/api/auth/callback/oidc. All three or none.
   */
  OIDC_ISSUER: z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional()),
  OIDC_CLIENT_ID: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).optional()),
  OIDC_CLIENT_SECRET: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).optional()),
  /** The sign-in button says "Sign in with <OIDC_LABEL>". */
  OIDC_LABEL: z.string().min(1).max(60).default("single sign-on"),
  /**
   * "1": a verified e-mail that has no account gets one (no password, no projects) at its first sign-in.
   * "0" (default): only people who already have an account sign in; others are refused.
   */
  OIDC_CREATE_USERS: z.enum(["0", "1"]).default("0"),
  /** "1" opens the public library (/library): anyone, signed in or not, reads the studies marked public. */
  PUBLIC_LIBRARY: z.enum(["0", "1"]).default("0"),
  /** "1" lets a production server run on generated defaults (`npm run demo` on one machine only). */
  DEMO_MODE: z.enum(["0", "1"]).default("0"),
});

export type Env = z.infer<typeof schema> & {
  DATA_DIR: string;
  APP_URL: string;
  /** Whether APP_URL was given (not the localhost default). */
  appUrlGiven: boolean;
};

function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

let cached: Env | undefined;

/** Reads the configuration again on the next env() call (tests that change a setting). */
export function reloadEnv(): void {
  cached = undefined;
}

export function env(): Env {
  if (cached) return cached;
  // Next.js reads .env itself; scripts (migrate, seed) read it here. Tests never do.
  if (process.env.NODE_ENV !== "test" && existsSync(".env")) process.loadEnvFile(".env");
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const values = parsed.data;
  const oidcGiven = [values.OIDC_ISSUER, values.OIDC_CLIENT_ID, values.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcGiven !== 0 && oidcGiven !== 3)
    throw new Error(
      "Invalid configuration:\nOIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set together or not at all",
    );
  const dataDir = path.resolve(values.DATA_DIR);
  cached = {
    ...values,
    DATA_DIR: dataDir,
    APP_URL: values.APP_URL ?? `http://localhost:${values.PORT}`,
    appUrlGiven: values.APP_URL !== undefined,
  };
  return cached;
}

/**
 * What a production server must be given rather than generate or guess: the session secret (so every
 * instance signs alike and a restore keeps sessions) and the public address (links in e-mails and
 * share links, sign-in callbacks). Empty when the configuration is fit to serve.
 */
export function productionConfigProblems(config: Env = env()): string[] {
  if (config.NODE_ENV !== "production" || config.DEMO_MODE === "1") return [];
  const problems: string[] = [];
  if (!config.AUTH_SECRET) problems.push("AUTH_SECRET is required in production: a random string of 32+ characters.");
  if (!config.appUrlGiven)
    problems.push("APP_URL is required in production: the public address, e.g. https://me.example.org.");
  return problems;
}

/** Where the embedded database lives when DATABASE_URL is not set. */
export function pgliteDir(): string {
  return path.join(env().DATA_DIR, "pglite");
}

/** The session-signing secret: AUTH_SECRET, or one generated once and kept in DATA_DIR. */
export function authSecret(): string {
  const config = env();
  return config.AUTH_SECRET ?? readOrCreateSecret(config.DATA_DIR);
}
