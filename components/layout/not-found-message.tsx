import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** What a page that does not exist (or may not be read) says, inside whatever landmark its layout gives. */
export async function NotFoundMessage() {
  const t = await getTranslations("errors");
  return (
    <>
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundText")}</p>
      <Link href="/projects">{t("home")}</Link>
    </>
  );
}
