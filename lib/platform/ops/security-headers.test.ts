import { expect, test } from "vitest";
import { contentSecurityPolicy, newNonce, servedOverHttps } from "./security-headers";

test("scripts need the response's nonce; nothing inline runs without it; framing is refused by default", () => {
  const nonce = newNonce();
  expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(newNonce()).not.toBe(nonce);
  const policy = contentSecurityPolicy({ nonce, development: false, frameAncestors: [], https: false });
  const scripts = policy.split("; ").find((d) => d.startsWith("script-src"));
  expect(scripts).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("worker-src 'self'");
  expect(policy).not.toContain("upgrade-insecure-requests");
});

test("a donor link's sites may frame it; the development server may evaluate code; HTTPS upgrades requests", () => {
  const policy = contentSecurityPolicy({
    nonce: "n",
    development: true,
    frameAncestors: ["https://donor.example.org", "https://partner.example.net"],
    https: true,
  });
  expect(policy).toContain("frame-ancestors https://donor.example.org https://partner.example.net");
  expect(policy).toContain("'unsafe-eval'");
  expect(policy).toContain("upgrade-insecure-requests");
});

test("HTTPS is known from the public address or from a trusted proxy, never from a client's header alone", () => {
  expect(servedOverHttps("https://me.example.org", null, 0)).toBe(true);
  expect(servedOverHttps("http://localhost:3000", "https", 0)).toBe(false);
  expect(servedOverHttps(undefined, "https", 1)).toBe(true);
  expect(servedOverHttps(undefined, "http", 1)).toBe(false);
});
