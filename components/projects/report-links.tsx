import { getTranslations } from "next-intl/server";
import { DatedDownloadLink } from "@/components/ui/dated-download-link";

/**
 * Downloads of a project's reports, as of the dashboard's day (the one in the address, if any); a draft
 * variant for those who may see unapproved values.
 */
export async function ReportLinks({ projectId, mayDraft }: { projectId: string; mayDraft: boolean }) {
  const t = await getTranslations("tracking");
  const base = `/api/v1/projects/${projectId}`;
  const links = [
    { href: `${base}/tracking.xlsx`, label: t("xlsx") },
    { href: `${base}/tracking.csv`, label: t("csv") },
    { href: `${base}/iati.xml`, label: t("iati") },
    { href: `${base}/report.pdf`, label: t("pdf") },
  ];
  return (
    <nav className="reports no-print" aria-label={t("reports")}>
      <strong>{t("reports")}:</strong>
      {links.map((l) => (
        <DatedDownloadLink key={l.href} href={l.href}>
          {l.label}
        </DatedDownloadLink>
      ))}
      {mayDraft && <DatedDownloadLink href={`${base}/tracking.xlsx?draft=true`}>{t("includeDraft")}</DatedDownloadLink>}
    </nav>
  );
}
