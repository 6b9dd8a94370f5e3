// Translations outside React rendering (file exports in route handlers): the request's language and
// a translator for it, from the same messages as the interface.
import { createTranslator } from "use-intl/core";
import { type Locale, localeCookieValue, requestLocaleOf } from "@/lib/domain/i18n/config";
import en from "./messages/en.json";
import es from "./messages/es.json";

const messages = { en, es } as const;

export function requestLocale(request: Request): Locale {
  return requestLocaleOf(localeCookieValue(request.headers.get("cookie")), request.headers.get("accept-language"));
}

export function translator(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale] });
}
