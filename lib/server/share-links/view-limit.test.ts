import { afterEach, expect, test } from "vitest";
import { reloadEnv } from "@/lib/platform/env";
import { allowShareView } from "./view-limit";

afterEach(() => {
  delete process.env.SHARE_VIEW_LIMIT_PER_MINUTE;
  delete process.env.TRUSTED_PROXY_HOPS;
  reloadEnv();
});

const from = (address: string) => new Headers({ "x-forwarded-for": address });

test("a client address gets 120 donor-link views a minute by default, SHARE_VIEW_LIMIT_PER_MINUTE otherwise", () => {
  process.env.TRUSTED_PROXY_HOPS = "1";
  reloadEnv();
  const views = (address: string, n: number) => Array.from({ length: n }, () => allowShareView(from(address)));
  expect(views("203.0.113.1", 120).every(Boolean)).toBe(true);
  expect(allowShareView(from("203.0.113.1"))).toBe(false);

  process.env.SHARE_VIEW_LIMIT_PER_MINUTE = "3";
  reloadEnv();
  expect(views("203.0.113.2", 4)).toEqual([true, true, true, false]);
  expect(allowShareView(from("203.0.113.3"))).toBe(true); // another client has its own
});
