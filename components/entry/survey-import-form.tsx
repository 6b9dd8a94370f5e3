"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FileTooLargeMessage } from "@/components/ui/file-too-large";
import { fileOverCap } from "@/lib/domain/format/file-size";
import {
  importSurveyAction,
  readSurveyAction,
  type SurveyFileState,
  type SurveyImportState,
} from "@/lib/server/survey/actions";
import type { SurveyFormContext } from "@/lib/server/survey/survey-import";
import { BreakdownFields } from "./survey-import/breakdowns";
import { ColumnsTable } from "./survey-import/columns-table";
import { type Draft, draftOf, rulesOf } from "./survey-import/draft";
import { IndicatorRules } from "./survey-import/indicator-rules";
import { SurveyPreviewSection } from "./survey-import/preview";
import { StatusesFields } from "./survey-import/statuses";
import { WhereWhenFields } from "./survey-import/where-when";
import { UploadHeading } from "./upload-heading";

/**
 * Upload a KoboToolbox or ODK export, say once per project how each indicator is computed from it,
 * preview every value and every row left out, then save them as drafts or for review, all or nothing.
 * The steps, in order: the file (and its XLSForm), where and when, which statuses count, weights and
 * disaggregation, the indicator rules, then the preview.
 */
export function SurveyImportForm({
  projectId,
  context,
  caps,
}: {
  projectId: string;
  context: SurveyFormContext;
  /** Each file's cap (lib/platform/upload-limits.ts): a larger one is refused here, before it is sent. */
  caps: { file: number; form: number };
}) {
  const t = useTranslations("surveyImport");
  const tr = useTranslations("resultsImport");
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [xlsForm, setXlsForm] = useState<File | null>(null);
  const [read, setRead] = useState<SurveyFileState>({});
  const [reading, setReading] = useState(false);
  const [draft, setDraft] = useState<Draft>(draftOf(undefined));
  const [state, setState] = useState<SurveyImportState>({});
  const [pending, setPending] = useState(false);

  const choose = async (chosen: File | null, formFile = xlsForm) => {
    setFile(chosen);
    setRead({});
    setState({});
    if (!chosen) return;
    const tooLarge = fileOverCap("file", chosen, caps.file) ?? fileOverCap("form", formFile, caps.form);
    if (tooLarge) return setRead({ tooLarge });
    setReading(true);
    const data = new FormData();
    data.set("file", chosen);
    if (formFile) data.set("form", formFile);
    const outcome: SurveyFileState = await readSurveyAction(projectId, data).catch(() => ({ error: "unreadable" }));
    setRead(outcome);
    setDraft(draftOf(outcome.rules));
    setReading(false);
  };
  /** Any change to the rules clears the last answer: it was for the rules as they were. */
  const change = (next: Partial<Draft>) => {
    setDraft({ ...draft, ...next });
    setState({});
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent = submitter?.value ?? "preview";
    const data = new FormData();
    data.set("file", file);
    data.set("intent", intent);
    data.set("rules", JSON.stringify(rulesOf(draft, context)));
    setPending(true);
    try {
      setState(await importSurveyAction(projectId, data));
    } catch {
      setState({ error: "failed" as "raced" });
    } finally {
      setPending(false);
    }
    if (intent !== "preview") router.refresh();
  };

  const tables = read.tables ?? [];
  const headers = [...new Set(tables.flatMap((tb) => tb.columns.map((c) => c.header)))];
  const preview = state.preview;
  const errorCode = read.error ?? state.error;

  return (
    <form onSubmit={submit} className="card" noValidate aria-labelledby="survey-import-title">
      <UploadHeading
        id="survey-import"
        title={t("title")}
        intro={t("intro")}
        fileLabel={t("file")}
        onChoose={(f) => choose(f)}
      />
      <div className="field">
        <label htmlFor="survey-xlsform">{t("xlsForm")}</label>
        <input
          id="survey-xlsform"
          type="file"
          accept=".xlsx"
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setXlsForm(chosen);
            if (file) void choose(file, chosen);
          }}
        />
      </div>
      {reading && <p role="status">{t("reading")}</p>}
      {errorCode && (
        <p role="alert" className="error">
          {t.has(`errors.${errorCode}`)
            ? t(`errors.${errorCode}` as "errors.empty")
            : tr(`errors.${errorCode}` as "errors.failed")}
        </p>
      )}
      <FileTooLargeMessage
        refusal={read.tooLarge ?? state.tooLarge}
        label={(field) => (field === "form" ? t("xlsForm") : t("file"))}
      />
      {tables.length > 0 && (
        <>
          <p role="status" data-testid="survey-file-summary">
            {t("fileSummary", { submissions: tables[0]?.rows ?? 0 })}{" "}
            {tables
              .slice(1)
              .map((tb) => t("repeatSummary", { name: tb.name, rows: tb.rows, parent: tb.parent ?? "" }))
              .join(" ")}
          </p>
          <p className="muted">{read.saved ? t("rulesSaved") : t("rulesGuessed")}</p>
          <ColumnsTable tables={tables} />
          <WhereWhenFields draft={draft} change={change} context={context} headers={headers} invalid={state.invalid} />
          <StatusesFields draft={draft} change={change} inFile={read.statuses} invalid={state.invalid} />
          <BreakdownFields draft={draft} change={change} dimensions={context.dimensions} headers={headers} />
          <IndicatorRules
            rules={draft.indicators}
            onChange={(indicators) => change({ indicators })}
            indicators={context.indicators}
            tables={tables}
            headers={headers}
            invalid={state.invalid}
          />
        </>
      )}
      {preview && <SurveyPreviewSection preview={preview} />}
      {state.invalid && (
        <p role="alert" className="error">
          {t("invalid")}
        </p>
      )}
      {tables.length > 0 && (
        <p className="actions">
          <button className="button secondary" type="submit" value="preview" disabled={pending || !file}>
            {t("preview")}
          </button>{" "}
          {(["draft", "submit"] as const).map((intent) => (
            <button
              key={intent}
              className="button"
              type="submit"
              value={intent}
              disabled={
                pending || !file || !preview || preview.problemCount > 0 || preview.imported || !preview.values.length
              }
            >
              {t(intent)}
            </button>
          ))}
        </p>
      )}
    </form>
  );
}
