// Languages of the interface. Adding one: a messages file with the same keys, and its code here.
export const locales = ["en", "es"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
/** Cookie that remembers the chosen language (also saved on the user's profile when signed in). */
export const localeCookie = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The first supported language in an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): Locale | null {
  if (!header) return null;
  for (const part of header.split(",")) {
    const code = part.split(";")[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(code)) return code;
  }
  return null;
}

/** The language cookie's value in a Cookie header, read as Next.js reads cookies: the last of the name, decoded. */
export function localeCookieValue(cookieHeader: string | null | undefined): string | undefined {
  return (cookieHeader ?? "")
    .split(";")
    .map((c) => c.trim())
    .filter((c) => c.startsWith(`${localeCookie}=`))
    .map((c) => {
      try {
        return decodeURIComponent(c.slice(localeCookie.length + 1));
      } catch {
        return "";
      }
    })
    .at(-1);
}

/** A request's language: the one chosen (the cookie's value), else the browser's first supported one, else the default. */
export function requestLocaleOf(chosen: string | undefined, acceptLanguage: string | null): Locale {
  return isLocale(chosen) ? chosen : (localeFromAcceptLanguage(acceptLanguage) ?? defaultLocale);
}
