import { expect, test } from "vitest";
import { DEVICE_COOKIE_MAX_AGE_SECONDS, issueDeviceCookie, trustedDevice } from "./device-cookie";

const secret = "a-test-secret-of-at-least-32-characters";
const jar = (...cookies: { name: string; value: string }[]) =>
  new Headers({ cookie: ["me-locale=es", ...cookies.map((c) => `${c.name}=${c.value}`)].join("; ") });

test("a device cookie is httpOnly, lax, long-lived, and Secure with a __Host- name over HTTPS", () => {
  const plain = issueDeviceCookie("owner@example.org", false, secret);
  expect(plain.name).toMatch(/^me-device-[\w-]{16}$/);
  expect(plain.options).toEqual({ httpOnly: true, sameSite: "lax", secure: false, path: "/", maxAge: 31_536_000 });
  const secure = issueDeviceCookie("owner@example.org", true, secret);
  expect(secure.name).toBe(`__Host-${plain.name}`);
  expect(secure.options.secure).toBe(true);
  // The name does not give the e-mail away; each sign-in gets its own nonce.
  expect(plain.name + plain.value).not.toContain("owner");
  expect(secure.value.split(".")[0]).not.toBe(plain.value.split(".")[0]);
});

test("a browser is known only to the account its valid cookie was issued for", () => {
  const now = Date.UTC(2026, 0, 1);
  const owner = issueDeviceCookie("owner@example.org", false, secret, now);
  const nonce = owner.value.split(".")[0];
  expect(trustedDevice("owner@example.org", jar(owner), secret, now)).toBe(nonce);
  expect(
    trustedDevice("owner@example.org", jar(issueDeviceCookie("owner@example.org", true, secret, now)), secret, now),
  ).toBeTruthy();
  // Another account, another deployment's secret, no cookie.
  expect(trustedDevice("other@example.org", jar(owner), secret, now)).toBeNull();
  expect(
    trustedDevice(
      "other@example.org",
      jar({ ...owner, name: issueDeviceCookie("other@example.org", false, secret).name }),
      secret,
      now,
    ),
  ).toBeNull();
  expect(trustedDevice("owner@example.org", jar(owner), "another-secret-of-at-least-32-chars!!", now)).toBeNull();
  expect(trustedDevice("owner@example.org", new Headers(), secret, now)).toBeNull();
  // Altered: another nonce, another issue time, a changed signature, extra parts.
  const [n, issued, signature] = owner.value.split(".");
  for (const value of [
    `x${n}.${issued}.${signature}`,
    `${n}.${Number(issued) + 1}.${signature}`,
    `${n}.${issued}.${signature?.slice(1)}`,
    `${owner.value}.x`,
  ]) {
    expect(trustedDevice("owner@example.org", jar({ name: owner.name, value }), secret, now)).toBeNull();
  }
  // A year after it was issued the browser is a stranger again.
  const later = now + DEVICE_COOKIE_MAX_AGE_SECONDS * 1000;
  expect(trustedDevice("owner@example.org", jar(owner), secret, later)).toBe(nonce);
  expect(trustedDevice("owner@example.org", jar(owner), secret, later + 1000)).toBeNull();
});
