"use client";
import { useFormatter, useTranslations } from "next-intl";
import { TableScroll } from "@/components/ui/table-scroll";
import type { SurveyPreview } from "@/lib/server/survey/survey-import";
import { ImportWarnings } from "../import-warnings";
import { ProblemsTable } from "../problems-table";

/** A preview's (or a save's) answer: its counts, problems, every value it would save, and the rows left out. */
export function SurveyPreviewSection({ preview }: { preview: SurveyPreview }) {
  const t = useTranslations("surveyImport");
  const tr = useTranslations("resultsImport");
  const format = useFormatter();
  const problemText = (code: string) => {
    const [key, detail] = code.split(":");
    if (t.has(`problems.${key}`)) return t(`problems.${key}` as "problems.empty");
    if (tr.has(`problems.${key}`)) return tr(`problems.${key}` as "problems.unknown", { status: detail ?? "" });
    return code;
  };
  const figure = (v: SurveyPreview["values"][number]) =>
    v.numerator !== null && v.denominator !== null
      ? `${format.number(v.numerator)} / ${format.number(v.denominator)} (${format.number((100 * v.numerator) / v.denominator, { maximumFractionDigits: 1 })} %)`
      : v.value === null
        ? ""
        : format.number(v.value, { maximumFractionDigits: 2 });
  return (
    <section aria-labelledby="survey-preview-title" data-testid="survey-import-preview">
      <h3 id="survey-preview-title">{preview.imported ? t("savedTitle") : t("previewTitle")}</h3>
      <p role="status">
        {t("counts", {
          submissions: preview.submissions,
          counted: preview.counted,
          values: preview.values.length,
          replaced: preview.replaced,
        })}
      </p>
      <ImportWarnings warnings={preview.warnings} />
      {preview.problemCount > 0 && (
        <ProblemsTable
          testId="survey-import-problems"
          caption={t("problemsCaption", { count: preview.problemCount })}
          where={[
            { label: t("indicator"), cell: (p) => p.indicator },
            { label: t("sheet"), cell: (p) => p.table },
          ]}
          labels={{ row: t("row"), column: t("column"), problem: t("problem") }}
          problems={preview.problems}
          message={problemText}
        />
      )}
      {preview.values.length > 0 && (
        <TableScroll label={t("valuesCaption", { count: preview.values.length })}>
          <table className="data" data-testid="survey-import-values">
            <caption>{t("valuesCaption", { count: preview.values.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("indicator")}</th>
                <th scope="col">{t("placeHeader")}</th>
                <th scope="col">{t("option")}</th>
                <th scope="col">{t("when")}</th>
                <th scope="col">{t("value")}</th>
                <th scope="col">{t("sampleSize")}</th>
                <th scope="col">{t("rows")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.values.map((v) => (
                <tr key={`${v.indicator}|${v.place}|${v.option ?? ""}|${v.when}`}>
                  <td>{v.indicator}</td>
                  <td>{v.place}</td>
                  <td>{v.option ?? t("total")}</td>
                  <td>{v.when}</td>
                  <td>{figure(v)}</td>
                  <td>{v.sampleSize === null ? "" : format.number(v.sampleSize, { maximumFractionDigits: 2 })}</td>
                  <td>{v.rows}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {preview.leftOutCount > 0 && (
        <details data-testid="survey-import-left-out">
          <summary>
            {t("leftOutCaption", { count: preview.leftOutCount })}:{" "}
            {Object.entries(preview.leftOutByReason)
              .map(([reason, count]) => `${t(`reasons.${reason}` as "reasons.status")} (${count})`)
              .join(", ")}
          </summary>
          <ul>
            {preview.leftOut.map((l, i) => (
              <li key={`${i}-${l.row}`}>
                {t("leftOutRow", { indicator: l.indicator, table: l.table, row: l.row })}
                {l.item ? ` [${l.item}]` : ""}: {t(`reasons.${l.reason}`)}
                {l.detail ? ` (${l.detail})` : ""}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
