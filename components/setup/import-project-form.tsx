"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { TableScroll } from "@/components/ui/table-scroll";
import { useFileForm } from "@/components/ui/use-file-form";
import { type FileTooLarge, fileOverCap, megabytes } from "@/lib/domain/format/file-size";
import type { ImportIssue } from "@/lib/formats/read/issues";
import { importProjectAction } from "@/lib/server/projects/actions";
import { FormStatus, useSetupForm } from "./use-setup-form";

/** Upload an IATI file or the logframe workbook, see what it would create and every problem, then import. */
export function ImportProjectForm({ caps }: { caps: { file: number } }) {
  const { state, formAction, pending, t, error, value } = useSetupForm(importProjectAction);
  const errors = useTranslations("errors");
  // A file past its cap (lib/platform/upload-limits.ts) is refused here, before it is sent.
  const [oversized, setOversized] = useState<FileTooLarge | null>(null);
  const fileError = oversized
    ? errors("fileTooLarge", { field: t("file"), mb: megabytes(oversized.maxBytes) })
    : error("file");
  const preview = state.preview;
  const { setFile, submit, ready } = useFileForm(formAction);
  const chosen = state.lists?.activities ?? [];
  const issue = (i: ImportIssue) => {
    const text = t.has(`issues.${i.code}`) ? t(`issues.${i.code}` as "issues.xmlSyntax") : i.code;
    return `${i.where}${i.line ? ` (${t("line", { line: i.line })})` : ""}: ${text}${i.detail ? ` — ${i.detail}` : ""}`;
  };
  return (
    <form onSubmit={submit} className="card" noValidate aria-labelledby="import-title">
      <h2 id="import-title" style={{ marginTop: 0 }}>
        {t("importTitle")}
      </h2>
      <p className="muted">{t("importIntro")}</p>
      <p>
        <a href="/api/v1/projects/logframe-template.xlsx">{t("templateDownload")}</a> ·{" "}
        <a href="/api/v1/projects/logframe-template.csv">{t("templateDownloadCsv")}</a>
      </p>
      <FormStatus state={state} />
      <div className="field">
        <label htmlFor="import-file">{t("file")}</label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".xml,.xlsx,.csv"
          aria-describedby="import-file-error"
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            const refusal = fileOverCap("file", chosen, caps.file);
            setOversized(refusal);
            setFile(refusal ? null : chosen);
            if (refusal) e.target.value = "";
          }}
        />
        {fileError && (
          <span id="import-file-error" className="error">
            {fileError}
          </span>
        )}
      </div>
      <Field id="import-code" name="code" label={t("codeOverride")} defaultValue={value("code")} />
      {preview && preview.activities.length > 1 && (
        <fieldset className="field">
          <legend>{t("activities")}</legend>
          <p className="muted">{t("activitiesHelp")}</p>
          {preview.activities.map((a, n) => (
            <label key={a.identifier} style={{ display: "block" }}>
              <input
                type="checkbox"
                name="activities"
                value={a.identifier}
                defaultChecked={chosen.length ? chosen.includes(a.identifier) : n === 0}
              />{" "}
              {a.identifier} — {a.title}
            </label>
          ))}
        </fieldset>
      )}
      {preview && (
        <section aria-labelledby="preview-title" data-testid="import-preview">
          <h3 id="preview-title">{t("previewTitle")}</h3>
          {(
            preview.projects ??
            (preview.project && preview.counts ? [{ ...preview.project, counts: preview.counts }] : [])
          ).map((p) => (
            <p key={p.code}>
              <strong>
                {p.code} · {p.name}
              </strong>{" "}
              ({p.startDate} – {p.endDate}). {t("countsLine", p.counts)}
            </p>
          ))}
          {preview.problems.length === 0 && (preview.indicators?.length ?? 0) > 0 && (
            <details>
              <summary>{t("indicatorsPreview", { count: preview.indicators?.length ?? 0 })}</summary>
              <TableScroll label={t("indicatorsPreview", { count: preview.indicators?.length ?? 0 })}>
                <table className="data text-table" data-testid="import-indicators">
                  <thead>
                    <tr>
                      <th scope="col">{t("indicatorColumn")}</th>
                      <th scope="col">{t("baselineColumn")}</th>
                      <th scope="col">{t("targetsColumn")}</th>
                      <th scope="col">{t("actualsColumn")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.indicators?.map((i) => (
                      <tr key={`${i.project}/${i.code}`}>
                        <td>
                          {(preview.projects?.length ?? 0) > 1 ? `${i.project} · ` : ""}
                          {i.code} {i.title}
                        </td>
                        <td>{i.baseline}</td>
                        <td>{i.targets.join("; ")}</td>
                        <td>{i.actuals.join("; ")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </details>
          )}
          {preview.problems.length > 0 ? (
            <>
              <h4 className="error">{t("problems", { count: preview.problems.length })}</h4>
              <ul data-testid="import-problems">
                {preview.problems.map((p) => (
                  <li key={`${p.where}-${p.code}`}>{issue(p)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p role="status">{t("noProblems")}</p>
          )}
          {preview.warnings.length > 0 && (
            <details>
              <summary>{t("warnings", { count: preview.warnings.length })}</summary>
              <ul>
                {preview.warnings.map((w, i) => (
                  <li key={i}>{issue(w)}</li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}
      <p className="actions">
        <button className="button secondary" type="submit" name="intent" value="preview" disabled={pending || !ready}>
          {t("preview")}
        </button>{" "}
        <button
          className="button"
          type="submit"
          name="intent"
          value="import"
          disabled={pending || !preview || preview.problems.length > 0}
        >
          {t("import")}
        </button>
      </p>
    </form>
  );
}
