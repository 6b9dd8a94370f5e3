import { randomBytes } from "node:crypto";
import { afterEach, expect, test, vi } from "vitest";
import { reloadEnv } from "@/lib/platform/env";
import { connectionsKey, MissingConnectionsKey, seal, unseal } from "./sealed-secrets";

vi.mock("server-only", () => ({}));

afterEach(() => {
  vi.unstubAllEnvs();
  reloadEnv();
});

test("a sealed secret opens with its key only, is different each time and does not contain the secret", () => {
  const key = randomBytes(32);
  const a = seal("kobo-token-123", key);
  const b = seal("kobo-token-123", key);
  expect(a).not.toBe(b);
  expect(a).not.toContain("kobo-token-123");
  expect(unseal(a, key)).toBe("kobo-token-123");
  expect(() => unseal(a, randomBytes(32))).toThrow();
  const [v, iv, tag, body = ""] = a.split(".");
  const altered = [v, iv, tag, `${body.slice(0, -2)}AA`].join(".");
  expect(() => unseal(altered, key)).toThrow();
});

test("CONNECTIONS_KEY is read as hex or base64; production without it fails clearly", () => {
  const hex = randomBytes(32).toString("hex");
  vi.stubEnv("CONNECTIONS_KEY", hex);
  reloadEnv();
  expect(connectionsKey().toString("hex")).toBe(hex);
  vi.stubEnv("CONNECTIONS_KEY", "short");
  reloadEnv();
  expect(() => connectionsKey()).toThrow(/32 bytes/);
  vi.stubEnv("CONNECTIONS_KEY", "");
  vi.stubEnv("NODE_ENV", "production");
  reloadEnv();
  expect(() => connectionsKey()).toThrow(MissingConnectionsKey);
});
