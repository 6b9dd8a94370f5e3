import { getTranslations } from "next-intl/server";
import type { AsOf } from "@/lib/domain/as-of";

/**
 * Downloads of a project's reports, as of the dashboard's day (the one in the address when it names one);
 * a draft variant for those who may see unapproved values.
 */
export async function ReportLinks({ projectId, mayDraft, asOf }: { projectId: string; mayDraft: boolean; asOf: AsOf }) {
  const t = await getTranslations("tracking");
  const base = `/api/v1/projects/${projectId}`;
  const dated = asOf.toSearch();
  const links = [
    { href: `${base}/tracking.xlsx${dated}`, label: t("xlsx") },
    { href: `${base}/tracking.csv${dated}`, label: t("csv") },
    { href: `${base}/iati.xml${dated}`, label: t("iati") },
    { href: `${base}/report.pdf${dated}`, label: t("pdf") },
  ];
  return (
    <nav className="reports no-print" aria-label={t("reports")}>
      <strong>{t("reports")}:</strong>
      {links.map((l) => (
        <a key={l.href} href={l.href} download>
          {l.label}
        </a>
      ))}
      {mayDraft && (
        <a href={`${base}/tracking.xlsx?draft=true${dated.replace("?", "&")}`} download>
          {t("includeDraft")}
        </a>
      )}
    </nav>
  );
}
