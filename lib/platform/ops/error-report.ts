// Server errors sent to an OpenTelemetry collector when one is configured (OTEL_EXPORTER_OTLP_ENDPOINT):
// one OTLP/HTTP JSON log record per error, POSTed to <endpoint>/v1/logs, as any OpenTelemetry backend
// (and Sentry's, Grafana's, Honeycomb's collectors) accepts. Best effort: never more than 3 s, never
// an error of its own; without the setting nothing leaves the machine.
import { env } from "@/lib/platform/env";

export type ErrorReport = { error: unknown; requestId?: string; method?: string; path?: string; route?: string };

const attribute = (key: string, value: string | undefined) =>
  value === undefined ? [] : [{ key, value: { stringValue: value } }];

/** The headers in OTEL_EXPORTER_OTLP_HEADERS ("api-key=abc,x-team=m-and-e"). */
export function otlpHeaders(setting: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (setting ?? "").split(",")) {
    const at = pair.indexOf("=");
    if (at > 0) headers[decodeURIComponent(pair.slice(0, at).trim())] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return headers;
}

/** The OTLP log record of one error. */
export function otlpLogRecord(report: ErrorReport, now = Date.now()) {
  const error = report.error instanceof Error ? report.error : new Error(String(report.error));
  return {
    resourceLogs: [
      {
        resource: { attributes: attribute("service.name", "me-dashboard") },
        scopeLogs: [
          {
            scope: { name: "me-dashboard" },
            logRecords: [
              {
                timeUnixNano: `${BigInt(now) * 1_000_000n}`,
                severityNumber: 17,
                severityText: "ERROR",
                body: { stringValue: error.message },
                attributes: [
                  ...attribute("exception.type", error.name),
                  ...attribute("exception.message", error.message),
                  ...attribute("exception.stacktrace", error.stack),
                  ...attribute("http.request.method", report.method),
                  ...attribute("url.path", report.path),
                  ...attribute("http.route", report.route),
                  ...attribute("request.id", report.requestId),
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

/** Sends the error to the configured collector; false when none is configured or it did not take it. */
export async function reportError(report: ErrorReport): Promise<boolean> {
  const { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_EXPORTER_OTLP_HEADERS: headers } = env();
  if (!endpoint) return false;
  try {
    const answer = await fetch(new URL("v1/logs", endpoint.endsWith("/") ? endpoint : `${endpoint}/`), {
      method: "POST",
      headers: { "content-type": "application/json", ...otlpHeaders(headers) },
      body: JSON.stringify(otlpLogRecord(report)),
      signal: AbortSignal.timeout(3000),
    });
    return answer.ok;
  } catch {
    return false;
  }
}
