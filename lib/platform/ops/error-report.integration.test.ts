// Errors at a real HTTP collector started here, as an OpenTelemetry collector receives them.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, expect, test } from "vitest";
import { reloadEnv } from "@/lib/platform/env";
import { otlpHeaders, reportError } from "./error-report";

const received: { path: string; headers: Record<string, unknown>; body: string }[] = [];
const collector = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => {
    body += chunk.toString();
  });
  request.on("end", () => {
    received.push({ path: request.url ?? "", headers: request.headers, body });
    response.writeHead(200).end("{}");
  });
});

afterAll(() => {
  delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  delete process.env.OTEL_EXPORTER_OTLP_HEADERS;
  reloadEnv();
  collector.close();
});

test("without a collector nothing is sent; with one, each error arrives as an OTLP log record", async () => {
  expect(await reportError({ error: new Error("quiet") })).toBe(false);
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  const { port } = collector.address() as AddressInfo;
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${port}`;
  process.env.OTEL_EXPORTER_OTLP_HEADERS = "api-key=secret%3D1,x-team=m-and-e";
  reloadEnv();
  const sent = await reportError({ error: new TypeError("Invalid URL"), requestId: "req-12345678", path: "/reset" });
  expect(sent).toBe(true);
  expect(received).toHaveLength(1);
  expect(received[0]?.path).toBe("/v1/logs");
  expect(received[0]?.headers["api-key"]).toBe("secret=1");
  const record = JSON.parse(received[0]?.body ?? "{}").resourceLogs[0].scopeLogs[0].logRecords[0];
  expect(record).toMatchObject({ severityText: "ERROR", body: { stringValue: "Invalid URL" } });
  expect(record.attributes).toContainEqual({ key: "request.id", value: { stringValue: "req-12345678" } });
  expect(record.attributes).toContainEqual({ key: "exception.type", value: { stringValue: "TypeError" } });
});

test("OTLP headers are read as the OpenTelemetry setting writes them", () => {
  expect(otlpHeaders("a=1, b = two ,broken,c=x%2Cy")).toEqual({ a: "1", b: "two", c: "x,y" });
  expect(otlpHeaders(undefined)).toEqual({});
});
