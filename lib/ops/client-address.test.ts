import { expect, test } from "vitest";
import { clientAddress } from "./client-address";

test("the client's address comes only from what the configured proxies wrote", () => {
  const spoofed = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" });
  expect(clientAddress(spoofed, 0)).toBeNull();
  expect(clientAddress(spoofed, 1)).toBe("203.0.113.7");
  expect(clientAddress(spoofed, 2)).toBe("6.6.6.6");
  expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.7" }), 2)).toBeNull();
});
