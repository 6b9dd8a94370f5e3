// The donor report's "Sources of the figures": each indicator with the study its values cite, linked to the
// study in the report's own list. Only studies shared with the link are cited (reportCitations leaves the
// others out); one shared but beyond the list's length shows its type and year without a link.
// Server-rendered, plain links: no client code on the donor page (its first-load budget).
import { getTranslations } from "next-intl/server";
import type { Citation } from "@/lib/server/studies/citations";
import { CitedSource } from "./citation";

type Line = { indicator: { id: string; code: string; title: string }; citation: Citation };

export async function ReportSources({ lines, listed }: { lines: Line[]; listed: ReadonlySet<string> }) {
  if (lines.length === 0) return null;
  const t = await getTranslations("studies.citation");
  return (
    <section aria-labelledby="report-sources-title" className="report-sources">
      <h2 id="report-sources-title">{t("reportTitle")}</h2>
      <ul className="plain">
        {lines.map(({ indicator, citation }) => (
          <li key={`${indicator.id}-${citation.studyId}-${citation.page ?? ""}`}>
            <strong>{indicator.code}</strong> {indicator.title}:{" "}
            <CitedSource
              citation={citation}
              href={listed.has(citation.studyId) ? `#study-${citation.studyId}` : undefined}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
