import { getTranslations } from "next-intl/server";

/** The default export of every loading.tsx: a skeleton, never a blank page. */
export default async function PageLoading() {
  const t = await getTranslations("errors");
  return (
    <div aria-busy="true">
      <span className="muted">{t("loading")}</span>
      <div className="skeleton" style={{ height: "2rem", width: "40%" }} />
      <div className="skeleton" style={{ height: "8rem" }} />
    </div>
  );
}
