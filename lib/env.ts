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
});

export type Env = z.infer<typeof schema> & { DATA_DIR: string; APP_URL: string };

function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

let cached: Env | undefined;

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
  const dataDir = path.resolve(values.DATA_DIR);
  cached = {
    ...values,
    DATA_DIR: dataDir,
    APP_URL: values.APP_URL ?? `http://localhost:${values.PORT}`,
  };
  return cached;
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
