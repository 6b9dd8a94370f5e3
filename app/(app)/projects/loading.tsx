import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("errors");
  return (
    <div aria-busy="true">
      <span className="muted">{t("loading")}</span>
      <div className="skeleton" style={{ height: "2rem", width: "40%" }} />
      <div className="skeleton" style={{ height: "8rem" }} />
    </div>
  );
}
