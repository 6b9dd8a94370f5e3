import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { signBody, verifySignature } from "./signature";

const secret = "whsec_test";
const body = '{"event":"results.approved"}';

describe("webhook signature", () => {
  test("is t=<seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'>", () => {
    const expected = createHmac("sha256", secret).update(`1700000000.${body}`).digest("hex");
    expect(signBody(secret, body, 1700000000)).toBe(`t=1700000000,v1=${expected}`);
  });

  test("verifies its own signature within the tolerance", () => {
    const header = signBody(secret, body, 1700000000);
    expect(verifySignature(secret, body, header, 1700000100)).toEqual({ ok: true });
  });

  test("refuses another body, another secret, an old time or a malformed header", () => {
    const header = signBody(secret, body, 1700000000);
    expect(verifySignature(secret, `${body} `, header, 1700000000)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature("other", body, header, 1700000000)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature(secret, body, header, 1700000301)).toEqual({ ok: false, reason: "tooOld" });
    expect(verifySignature(secret, body, "v1=abc", 1700000000)).toEqual({ ok: false, reason: "malformed" });
    expect(verifySignature(secret, body, null, 1700000000)).toEqual({ ok: false, reason: "malformed" });
  });
});
