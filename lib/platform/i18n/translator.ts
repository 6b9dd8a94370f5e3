// Translations outside React rendering (file exports in route handlers): the request's language and
// a translator for it, from the same messages as the interface.
import { createTranslator } from "use-intl/core";
import { defaultLocale, isLocale, type Locale, localeCookie, localeFromAcceptLanguage } from "@/lib/domain/i18n/config";
import en from "./messages/en.json";
import es from "./messages/es.json";

const messages = { en, es } as const;

export function requestLocale(request: Request): Locale {
  const cookie = request.headers
    .get("cookie")
    ?.split(";")
    .map((c) => c.trim().split("="))
    .find(([name]) => name === localeCookie)?.[1];
  return isLocale(cookie)
    ? cookie
    : (localeFromAcceptLanguage(request.headers.get("accept-language")) ?? defaultLocale);
}

export function translator(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale] });
}
