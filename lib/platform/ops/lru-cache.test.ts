import { expect, test } from "vitest";
import { LruCache } from "./lru-cache";

test("forgets the least recently used entry first, by count", () => {
  const cache = new LruCache<number>(2);
  cache.set("a", 1);
  cache.set("b", 2);
  expect(cache.get("a")).toBe(1); // now b is the oldest
  cache.set("c", 3);
  expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([1, undefined, 3]);
  expect(cache.size).toBe(2);
});

test("bounded by weight, a replaced entry's weight given back", () => {
  const cache = new LruCache<string>(10, (s) => s.length);
  cache.set("a", "12345");
  cache.set("a", "123");
  cache.set("b", "1234567");
  expect([cache.get("a"), cache.get("b")]).toEqual(["123", "1234567"]);
  cache.set("c", "12");
  expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([undefined, "1234567", "12"]);
});

test("a remembered null is found (a project without a map); an empty value weighs 1", () => {
  const maps = new LruCache<string | null>(2);
  maps.set("no map", null);
  expect(maps.get("no map")).toBeNull();
  expect(maps.get("never asked")).toBeUndefined();
  const bodies = new LruCache<string>(2, (s) => s.length);
  bodies.set("a", "");
  bodies.set("b", "");
  bodies.set("c", "");
  expect([bodies.get("a"), bodies.get("b"), bodies.get("c")]).toEqual([undefined, "", ""]);
});

test("an entry heavier than the whole limit is not kept, and the others stay", () => {
  const cache = new LruCache<string>(5, (s) => s.length);
  cache.set("a", "12");
  cache.set("big", "123456");
  expect([cache.get("a"), cache.get("big"), cache.size]).toEqual(["12", undefined, 1]);
});
