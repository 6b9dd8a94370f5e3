"use client";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FileTooLargeMessage } from "@/components/ui/file-too-large";
import { type UploadOutcome, type UploadProgress, uploadResults } from "@/lib/client/upload-results";
import { fileOverCap } from "@/lib/domain/format/file-size";
import { mappedFields } from "@/lib/domain/results/import-mapping";
import { numberLocale } from "@/lib/domain/validation/numbers";
import { type ColumnsState, readColumnsAction } from "@/lib/server/results/import/actions";
import { ImportProgressBar } from "./import-progress-bar";
import { ImportWarnings } from "./import-warnings";
import { ProblemsTable } from "./problems-table";
import { UploadHeading } from "./upload-heading";

/** How much of a CSV file is sent to read its columns: the header and first rows are in it. */
const CSV_HEAD_BYTES = 64 * 1024;

/**
 * Upload a table, map its columns (the project's last mapping, or a guess from the headers), preview
 * every problem by row and column, then import all or nothing. The file stays chosen between steps.
 */
export function ResultsImportForm({
  projectId,
  caps,
}: {
  projectId: string;
  /**
   * Caps (lib/platform/upload-limits.ts): of a workbook sent whole to read its columns, and of any table uploaded
   * (MAX_UPLOAD_BYTES). A larger file is refused here, before it is sent.
   */
  caps: { file: number; upload: number };
}) {
  const t = useTranslations("resultsImport");
  const locale = useLocale();
  const router = useRouter();
  const [columns, setColumns] = useState<ColumnsState>({});
  const [reading, setReading] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<UploadOutcome>({});
  const [pending, setPending] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setColumns({});
    setState({});
    if (!chosen) return;
    // A CSV's columns are in its first lines; an XLSX workbook is a zip and must come whole.
    const csv = !/\.xlsx$/i.test(chosen.name);
    const tooLarge = fileOverCap("file", chosen, csv ? caps.upload : Math.min(caps.file, caps.upload));
    if (tooLarge) return setColumns({ tooLarge });
    setReading(true);
    const data = new FormData();
    data.set("file", csv ? new File([chosen.slice(0, CSV_HEAD_BYTES)], chosen.name) : chosen);
    setColumns(await readColumnsAction(projectId, data));
    setReading(false);
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    const form = new FormData(event.currentTarget);
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const options: Record<string, string> = {
      dryRun: submitter?.value === "import" ? "false" : "true",
      submit: form.get("submit") === "on" ? "true" : "false",
      includeUnapproved: form.get("includeUnapproved") === "on" ? "true" : "false",
      numbers: String(form.get("numbers") ?? ""),
    };
    for (const field of mappedFields) options[field] = String(form.get(`map-${field}`) ?? "");
    setPending(true);
    try {
      setState(await uploadResults(projectId, file, options, setProgress));
    } catch {
      setState({ error: "failed" });
    } finally {
      setPending(false);
      setProgress(null);
    }
    if (submitter?.value === "import") router.refresh();
  };
  const preview = state.preview;
  const problem = (code: string) => {
    const [key, detail] = code.split(":");
    return t.has(`problems.${key}`) ? t(`problems.${key}` as "problems.unknown", { status: detail ?? "" }) : code;
  };
  return (
    <form onSubmit={submit} className="card" noValidate aria-labelledby="import-results-title">
      <UploadHeading
        id="import-results"
        title={t("title")}
        intro={t("intro")}
        fileLabel={t("file")}
        onChoose={choose}
      />
      {reading && <p role="status">{t("reading")}</p>}
      {(columns.error || state.error) && (
        <p role="alert" className="error">
          {t(`errors.${columns.error ?? state.error}`)}
        </p>
      )}
      <FileTooLargeMessage refusal={columns.tooLarge} label={() => t("file")} />
      {columns.headers && (
        <fieldset className="field">
          <legend>{t("mapping")}</legend>
          <p className="muted">{columns.saved ? t("mappingSaved") : t("mappingGuessed")}</p>
          <div className="mapping-grid">
            {mappedFields.map((field) => (
              <div className="field" key={field}>
                <label htmlFor={`map-${field}`}>{t(`fields.${field}`)}</label>
                <select
                  id={`map-${field}`}
                  name={`map-${field}`}
                  defaultValue={columns.mapping?.[field] as string | undefined}
                >
                  <option value="">{t("notInFile")}</option>
                  {columns.headers?.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
                {state.mappingErrors?.[field] && <span className="error">{t("required")}</span>}
              </div>
            ))}
          </div>
          <div className="field">
            <label htmlFor="import-numbers">{t("numbers")}</label>
            <select
              id="import-numbers"
              name="numbers"
              defaultValue={columns.mapping?.numbers ?? (numberLocale(locale) === "es" ? "es" : "en")}
            >
              <option value="en">{t("numbersEn")}</option>
              <option value="es">{t("numbersEs")}</option>
            </select>
          </div>
          <label style={{ display: "block" }}>
            <input type="checkbox" name="includeUnapproved" /> {t("includeUnapproved")}
          </label>
          <label style={{ display: "block" }}>
            <input type="checkbox" name="submit" /> {t("submitForReview")}
          </label>
        </fieldset>
      )}
      {preview && (
        <section aria-labelledby="results-preview-title" data-testid="results-import-preview">
          <h3 id="results-preview-title">{preview.imported ? t("imported") : t("previewTitle")}</h3>
          <p role="status">
            {t("counts", {
              rows: preview.rows,
              skipped: preview.skipped,
              blank: preview.blank ?? 0,
              values: preview.values,
              replaced: preview.replaced,
            })}
          </p>
          <ImportWarnings warnings={preview.warnings ?? []} />
          {preview.problemCount > 0 && (
            <ProblemsTable
              testId="results-import-problems"
              caption={t("problemsCaption", { count: preview.problemCount })}
              labels={{ row: t("row"), column: t("column"), problem: t("problem") }}
              problems={preview.problems}
              message={problem}
            />
          )}
        </section>
      )}
      {columns.headers && (
        <p className="actions">
          <button className="button secondary" type="submit" value="preview" disabled={pending || !file}>
            {t("preview")}
          </button>{" "}
          <button
            className="button"
            type="submit"
            value="import"
            disabled={pending || !file || !preview || preview.problemCount > 0 || preview.imported}
          >
            {t("import")}
          </button>
        </p>
      )}
      {progress && <ImportProgressBar progress={progress} />}
    </form>
  );
}
