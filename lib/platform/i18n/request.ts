// next-intl without locale prefixes in URLs: the language comes from the cookie, else the browser.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, localeCookie, localeFromAcceptLanguage } from "@/lib/domain/i18n/config";

export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(localeCookie)?.value;
  const locale = isLocale(chosen)
    ? chosen
    : (localeFromAcceptLanguage((await headers()).get("accept-language")) ?? defaultLocale);
  return {
    locale,
    messages: (await import(`./messages/${locale}.json`)).default,
    timeZone: "UTC",
  };
});
