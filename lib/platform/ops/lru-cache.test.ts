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
