// next-intl without locale prefixes in URLs: the language comes from the cookie, else the browser.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { localeCookie, requestLocaleOf } from "@/lib/domain/i18n/config";

export default getRequestConfig(async () => {
  const locale = requestLocaleOf((await cookies()).get(localeCookie)?.value, (await headers()).get("accept-language"));
  return {
    locale,
    messages: (await import(`./messages/${locale}.json`)).default,
    timeZone: "UTC",
  };
});
