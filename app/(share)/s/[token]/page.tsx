import { headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { RegionComparisonPanel } from "@/components/indicators/region-comparison-panel";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { PrintButton } from "@/components/ui/print-button";
import { clientAddress } from "@/lib/api/shared-access";
import { allowRequest } from "@/lib/rate-limit";
import { openShareLink } from "@/lib/share-links/service";
import { sharedSummary } from "@/lib/summary/shared";

export default async function SharedDashboardPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const allowed = allowRequest(`share:${clientAddress(await headers())}`, 120, 60_000);
  const access = allowed ? await openShareLink(token) : null;
  const summary = access?.state === "active" ? await sharedSummary(access) : null;

  if (!access || !summary || access.state !== "active") {
    const reason = !access ? "rateLimited" : access.state === "active" ? "unknown" : access.state;
    return (
      <main id="content" className="login">
        <h1>{t("shared.unavailableTitle")}</h1>
        <p role="alert">{t(`shared.unavailable.${reason}`)}</p>
        <LanguageSwitcher />
      </main>
    );
  }

  return (
    <>
      <header className="app-header">
        <span className="brand">{t("app.name")}</span>
        <nav aria-label={t("shared.tools")}>
          <a href={`/api/v1/shared/${token}/summary.csv`} download>
            {t("shared.downloadCsv")}
          </a>
          <PrintButton />
          <LanguageSwitcher />
        </nav>
      </header>
      <main id="content">
        <p className="muted">{t("shared.readOnly", { label: access.label })}</p>
        <h1>{summary.project.name}</h1>
        <p className="muted">
          {t("shared.asOf", { date: format.dateTime(summary.asOf, { dateStyle: "long" }) })} ·{" "}
          {t("project.approvedOnly")}
        </p>
        {summary.indicators
          .filter((i) => i.indicator.measure !== "QUALITATIVE")
          .map((i) => (
            <section key={i.indicator.id} aria-labelledby={`ind-${i.indicator.id}`} className="shared-indicator">
              <h2 id={`ind-${i.indicator.id}`}>
                {i.indicator.code} {i.indicator.title}
              </h2>
              <RegionComparisonPanel summary={i} project={summary} />
            </section>
          ))}
      </main>
    </>
  );
}
