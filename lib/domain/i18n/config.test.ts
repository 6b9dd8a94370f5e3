import { parse } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it, test } from "vitest";
import en from "@/lib/platform/i18n/messages/en.json";
import es from "@/lib/platform/i18n/messages/es.json";
import { localeCookieValue, localeFromAcceptLanguage, requestLocaleOf } from "./config";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

test("every message exists in Spanish and English", () => {
  expect(keys(es).sort()).toEqual(keys(en).sort());
});

test("no Spanish message is left in English by mistake", () => {
  const flatEn = new Map(
    keys(en).map((k) => [k, k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en)]),
  );
  const same = keys(es).filter((k) => {
    const v = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], es);
    const words = typeof v === "string" ? v.replace(/\{[^}]*\}/g, "").replace(/[^\p{L}]/gu, "") : "";
    return words.length > 8 && v === flatEn.get(k);
  });
  expect(same).toEqual([]);
});

test("the browser's language is used when it is supported", () => {
  expect(localeFromAcceptLanguage("es-PE,es;q=0.9,en;q=0.8")).toBe("es");
  expect(localeFromAcceptLanguage("fr-FR,en;q=0.5")).toBe("en");
  expect(localeFromAcceptLanguage("de")).toBeNull();
});

test("every message is valid ICU, as the build compiles it (a stray <tag> or brace fails the build)", () => {
  const invalid = [...keys(en).map((k) => ["en", k] as const), ...keys(es).map((k) => ["es", k] as const)].flatMap(
    ([locale, key]) => {
      const text = key
        .split(".")
        .reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], locale === "en" ? en : es);
      try {
        parse(String(text));
        return [];
      } catch (error) {
        return [`${locale} ${key}: ${(error as Error).message}`];
      }
    },
  );
  expect(invalid).toEqual([]);
});

describe("the request's language", () => {
  it("is the cookie's, read as Next.js reads cookies, else the browser's, else the default", () => {
    expect(localeCookieValue("a=1; NEXT_LOCALE=es")).toBe("es");
    expect(localeCookieValue("NEXT_LOCALE=en; NEXT_LOCALE=es")).toBe("es");
    expect(localeCookieValue("NEXT_LOCALE=%65s")).toBe("es");
    expect(localeCookieValue("MY_NEXT_LOCALE=es")).toBeUndefined();
    expect(localeCookieValue(null)).toBeUndefined();
    expect(requestLocaleOf("es", "en-US")).toBe("es");
    expect(requestLocaleOf("fr", "es-PE,es;q=0.9")).toBe("es");
    expect(requestLocaleOf(undefined, "fr-FR")).toBe("en");
  });
});
