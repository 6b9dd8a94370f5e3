"use client";
// The library's bulk import: a catalogue file (the export's columns) is previewed, every problem named by
// its row and column, then imported as a whole. The chosen file is kept between the two (useFileForm).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { useFileForm } from "@/components/ui/use-file-form";
import { useRemountingAction } from "@/components/ui/use-remounting-action";
import { type FileTooLarge, fileOverCap, megabytes } from "@/lib/domain/format/file-size";
import { type CatalogueProblem, catalogueColumns } from "@/lib/domain/studies/catalogue";
import { importCatalogueAction } from "@/lib/server/studies/catalogue-actions";

export function CatalogueImportForm({ caps }: { caps: { file: number } }) {
  const t = useTranslations("studies.import");
  const errors = useTranslations("errors");
  const message = useErrorMessage("studies.errors");
  const { state, formAction, pending } = useRemountingAction(importCatalogueAction, {});
  const { setFile, submit, ready } = useFileForm(formAction);
  const [oversized, setOversized] = useState<FileTooLarge | null>(null);
  const preview = state.preview;
  const fileError = oversized
    ? errors("fileTooLarge", { field: t("file"), mb: megabytes(oversized.maxBytes) })
    : message(state.fieldErrors?.file);
  const problem = (p: CatalogueProblem) => {
    const where = p.column ? t("where", { row: p.row, column: p.column }) : t("row", { row: p.row });
    const text = t.has(`problems.${p.code}`)
      ? t(`problems.${p.code}` as "problems.invalid", { value: p.value ?? "" })
      : p.code;
    return `${where}: ${text}`;
  };
  return (
    <form onSubmit={submit} className="card" noValidate aria-labelledby="catalogue-import-title">
      <h2 id="catalogue-import-title" style={{ marginTop: 0 }}>
        {t("formTitle")}
      </h2>
      <p className="muted">{t("intro")}</p>
      <p className="muted">{t("columns", { columns: catalogueColumns.join(", ") })}</p>
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      <div className="field">
        <label htmlFor="catalogue-file">{t("file")}</label>
        <input
          id="catalogue-file"
          name="file"
          type="file"
          accept=".csv,.xlsx,text/csv"
          aria-describedby="catalogue-file-error"
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            const refusal = fileOverCap("file", chosen, caps.file);
            setOversized(refusal);
            setFile(refusal ? null : chosen);
            if (refusal) e.target.value = "";
          }}
        />
        {fileError && (
          <span id="catalogue-file-error" className="error">
            {fileError}
          </span>
        )}
      </div>
      {preview?.created !== undefined ? (
        <p role="status" data-testid="catalogue-imported">
          {t("imported", { count: preview.created })} <Link href="/studies">{t("open")}</Link>
        </p>
      ) : (
        preview && (
          <section aria-labelledby="catalogue-preview-title" data-testid="catalogue-preview">
            <h3 id="catalogue-preview-title">{t("previewTitle", { count: preview.rows.length })}</h3>
            {preview.problems.length > 0 ? (
              <>
                <h4 className="error">{t("problemCount", { count: preview.problems.length })}</h4>
                <ul data-testid="catalogue-problems">
                  {preview.problems.map((p, i) => (
                    <li key={`${p.row}-${p.column}-${p.code}-${i}`}>{problem(p)}</li>
                  ))}
                </ul>
              </>
            ) : (
              <>
                <p role="status">{t("noProblems")}</p>
                <ol className="muted">
                  {preview.rows.slice(0, 20).map((r) => (
                    <li key={r.row}>{t("rowTitle", { row: r.row, title: r.title })}</li>
                  ))}
                </ol>
                {preview.rows.length > 20 && <p className="muted">{t("more", { count: preview.rows.length - 20 })}</p>}
              </>
            )}
          </section>
        )
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
          disabled={pending || !preview || preview.problems.length > 0 || preview.created !== undefined}
        >
          {t("confirm")}
        </button>
      </p>
    </form>
  );
}
