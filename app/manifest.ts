import type { MetadataRoute } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { themeColor } from "./theme-color";

/** The installable app (served as /manifest.webmanifest), named in the reader's language. */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("app")]);
  return {
    name: t("name"),
    short_name: t("shortName"),
    description: t("tagline"),
    lang: locale,
    start_url: "/projects",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: themeColor,
    icons: [
      { src: "/favicon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
