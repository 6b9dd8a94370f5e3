import "server-only";
// One log line per server action call, as API routes have (lib/http/route.ts): the request id the
// proxy gave the request, the action, who called (user or anonymous) and how long it took, written
// once the answer has been sent. Page renders, which share the helpers that call this, are not logged.
import { headers } from "next/headers";
import { after } from "next/server";
import { cache } from "react";
import { log, loggablePath } from "./log";

/** Notes this request's action call once, whoever asks first during it. */
export const noteActionCall = cache(async (principal: "user" | "anonymous") => {
  const asked = await headers();
  const action = asked.get("next-action");
  if (!action) return;
  const started = Number(asked.get("x-request-start")) || Date.now();
  const path = loggablePath(asked.get("x-request-path") ?? "");
  after(() =>
    log.info({ requestId: asked.get("x-request-id"), action, path, principal, ms: Date.now() - started }, "action"),
  );
});

/** The request id and action of this server action call, for its log lines. */
async function actionContext() {
  const asked = await headers();
  return { requestId: asked.get("x-request-id"), action: asked.get("next-action") };
}

/** Logs a server action's refusal (a DomainError's code): expected, so at info level. */
export async function logActionRefusal(code: string): Promise<void> {
  log.info({ ...(await actionContext()), code }, "action refused");
}

/** Logs a server action's failure (a defect), with its request id, before it reaches the error page. */
export async function logActionFailure(error: unknown): Promise<void> {
  log.error({ ...(await actionContext()), err: error }, "action failed");
}
