// Structured JSON logs (pino) on standard output, one line per event, for a log shipper to collect.
// Secrets never reach them: tokens are cut out of paths, and credentials are not logged at all.
import pino from "pino";

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "me-dashboard" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: ["authorization", "cookie", "password", "token", "*.authorization", "*.cookie", "*.password", "*.token"],
    censor: "[redacted]",
  },
});

/**
 * A request path with every secret that travels in a path (donor links, invitations, password resets,
 * a connection's push-in secret) replaced, safe to log. A new route with a secret in its path goes here.
 */
export function loggablePath(pathname: string): string {
  return pathname
    .replace(/\/(s|shared|invite|reset)\/[^/]+/g, "/$1/[token]")
    .replace(/\/(kobo-submissions)\/[^/]+/g, "/$1/[secret]");
}

/** The caller's request id when it is a plain one (from a proxy), else a new one. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && /^[\w.:-]{8,128}$/.test(given) ? given : crypto.randomUUID();
}
