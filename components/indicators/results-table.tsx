import { getFormatter, getTranslations } from "next-intl/server";
import { CitedSource } from "@/components/studies/citation";
import { TableScroll } from "@/components/ui/table-scroll";
import type { indicatorResults } from "@/lib/server/results/service";
import type { Citation } from "@/lib/server/studies/citations";

type Results = Awaited<ReturnType<typeof indicatorResults>>;

/** Every result by region and period or round, with its review status, comments and cited source (by value id). */
export async function ResultsTable({ results, sources }: { results: Results; sources: Map<string, Citation> }) {
  const [t, format] = await Promise.all([getTranslations("indicatorPage"), getFormatter()]);
  if (results.length === 0) return <p>{t("noResults")}</p>;
  const value = (r: Results[number]) => {
    if (r.textValue) return r.textValue;
    if (r.numerator !== null && r.denominator !== null)
      return `${format.number(r.numerator)} / ${format.number(r.denominator)}`;
    return r.value === null ? "–" : format.number(r.value);
  };
  return (
    <TableScroll label={t("resultsCaption", { count: results.length })}>
      <table className="data results-table">
        <caption>{t("resultsCaption", { count: results.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("location")}</th>
            <th scope="col">{t("periodOrRound")}</th>
            <th scope="col">{t("option")}</th>
            <th scope="col">{t("value")}</th>
            <th scope="col">{t("sampleSize")}</th>
            <th scope="col">{t("reviewStatus")}</th>
            <th scope="col">{t("comments")}</th>
            <th scope="col">{t("provenanceLabel")}</th>
            <th scope="col">{t("source")}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.id} data-status={r.status}>
              <th scope="row">{r.location.name}</th>
              <td>{r.period?.label ?? r.round?.name ?? "–"}</td>
              <td>{r.option ? `${r.option.dimension.name}: ${r.option.name}` : t("total")}</td>
              <td>{value(r)}</td>
              <td>{r.sampleSize === null ? "–" : format.number(r.sampleSize)}</td>
              <td>{t(`reviewStatuses.${r.status}`)}</td>
              <td>{[r.note, r.reviewComment].filter(Boolean).join(" · ") || "–"}</td>
              <td>{t(`provenance.${r.provenance}`)}</td>
              <td>
                {(() => {
                  const citation = sources.get(r.id);
                  return citation ? <CitedSource citation={citation} href={`/studies/${citation.studyId}`} /> : "–";
                })()}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
