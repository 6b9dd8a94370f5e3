"use client";
import { useTranslations } from "next-intl";
import { TableScroll } from "@/components/ui/table-scroll";
import type { SurveyTableInfo } from "@/lib/server/survey/actions";

/** The file's columns by sheet, with the XLSForm's question when one was given, and sample answers. */
export function ColumnsTable({ tables }: { tables: SurveyTableInfo[] }) {
  const t = useTranslations("surveyImport");
  return (
    <details>
      <summary>{t("columnsTitle")}</summary>
      <TableScroll label={t("columnsTitle")}>
        <table className="data text-table">
          <thead>
            <tr>
              <th scope="col">{t("sheet")}</th>
              <th scope="col">{t("column")}</th>
              <th scope="col">{t("questionLabel")}</th>
              <th scope="col">{t("samples")}</th>
            </tr>
          </thead>
          <tbody>
            {tables.flatMap((tb) =>
              tb.columns.map((c) => (
                <tr key={`${tb.name}/${c.header}`}>
                  <td>{tb.name}</td>
                  <td>{c.header}</td>
                  <td>
                    {c.question ? `${c.question.label} (${c.question.type})` : ""}
                    {c.question?.choices.length
                      ? `: ${c.question.choices.map((o) => `${o.name} = ${o.label}`).join("; ")}`
                      : ""}
                  </td>
                  <td>{c.samples.join(" · ")}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}
