// Runs once when a server process starts: stamps each request with its socket's address, and refuses
// to serve on a configuration that is not fit for production (lib/platform/env.ts says what is required), with
// a message naming each missing setting.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Every request carries its socket's address in a header only this process writes, the client
  // address per-client limits use when no proxy reports one (lib/platform/ops/client-address.ts).
  const { installPeerAddress } = await import("./lib/platform/ops/peer-address");
  installPeerAddress();
  const { env, productionConfigProblems } = await import("./lib/platform/env");
  const problems = productionConfigProblems(env());
  if (problems.length) {
    throw new Error(
      `The server cannot start:\n- ${problems.join("\n- ")}\nSee .env.example and the README's "A real deployment".`,
    );
  }
  // next-auth v4 reads its public URL only from the environment: given once here, at boot, from the
  // validated APP_URL (never per request, never from a request's Host header).
  process.env.NEXTAUTH_URL ??= env().APP_URL;
  const { drainOnSignal } = await import("./lib/platform/ops/shutdown");
  drainOnSignal();
  // Background imports queued before a restart (or by another instance) are taken up without waiting
  // for this process's first upload. A queue that cannot start now is tried again with the next upload.
  const { startImportWorker } = await import("./lib/server/results/import/jobs");
  startImportWorker().catch(async (error) => {
    const { log } = await import("./lib/platform/ops/log");
    log.error({ err: error }, "the background import worker did not start");
  });
  // Scheduled syncs of KoboToolbox and ODK Central connections: a cron job on PostgreSQL, a timer on PGlite.
  const { startConnectionSchedule } = await import("./lib/server/connections/schedule");
  startConnectionSchedule().catch(async (error) => {
    const { log } = await import("./lib/platform/ops/log");
    log.error({ err: error }, "the connections' schedule did not start");
  });
  // Webhook retries: a sweep every minute, by a cron job on PostgreSQL, a timer on PGlite.
  const { startWebhookRetries } = await import("./lib/server/webhooks/sweep");
  startWebhookRetries().catch(async (error) => {
    const { log } = await import("./lib/platform/ops/log");
    log.error({ err: error }, "the webhooks' retries did not start");
  });
}

/**
 * Errors of pages, actions and routes that Next.js catches, in the structured log with where they
 * happened, and at the OpenTelemetry collector when one is configured (lib/platform/ops/error-report.ts).
 */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routerKind: string; routePath: string; routeType: string },
) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ log, loggablePath }, { reportError }] = await Promise.all([
    import("./lib/platform/ops/log"),
    import("./lib/platform/ops/error-report"),
  ]);
  const requestId = request.headers["x-request-id"];
  const where = {
    requestId: typeof requestId === "string" ? requestId : undefined,
    method: request.method,
    path: loggablePath(request.path.split("?")[0] ?? ""),
    route: context.routePath,
  };
  log.error({ err: error, ...where, routeType: context.routeType }, "request error");
  await reportError({ error, ...where });
}
