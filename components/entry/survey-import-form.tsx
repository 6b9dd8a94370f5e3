"use client";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FileTooLargeMessage } from "@/components/ui/file-too-large";
import { fileOverCap } from "@/lib/domain/format/file-size";
import { bandsOf } from "@/lib/domain/survey/guess";
import {
  measureOfKind,
  type RuleKind,
  ruleKinds,
  type SurveyRules,
  validationStatuses,
} from "@/lib/domain/survey/rules";
import {
  importSurveyAction,
  readSurveyAction,
  type SurveyFileState,
  type SurveyImportState,
} from "@/lib/server/survey/actions";
import type { SurveyFormContext } from "@/lib/server/survey/survey-import";
import { ImportWarnings } from "./import-warnings";
import { ProblemsTable } from "./problems-table";
import { UploadHeading } from "./upload-heading";

type RuleDraft = {
  indicator: string;
  kind: RuleKind;
  table: string;
  condition: string;
  question: string;
  filter: string;
};
type Draft = {
  place: string;
  placeId: string;
  date: string;
  periodId: string;
  roundId: string;
  statuses: string[];
  weight: string;
  columns: Record<string, string>;
  indicators: RuleDraft[];
};

const emptyRule: RuleDraft = { indicator: "", kind: "count", table: "", condition: "", question: "", filter: "" };

function draftOf(rules: Partial<SurveyRules> | undefined): Draft {
  return {
    place: rules?.place ?? "",
    placeId: rules?.placeId ?? "",
    date: rules?.date ?? "",
    periodId: rules?.periodId ?? "",
    roundId: rules?.roundId ?? "",
    statuses: rules?.statuses ?? ["approved"],
    weight: rules?.weight ?? "",
    columns: Object.fromEntries((rules?.disaggregations ?? []).map((d) => [d.dimension, d.column])),
    indicators: rules?.indicators?.length
      ? rules.indicators.map((r) => ({
          ...emptyRule,
          ...r,
          condition: r.condition ?? "",
          question: r.question ?? "",
          filter: r.filter ?? "",
        }))
      : [{ ...emptyRule }],
  };
}

function rulesOf(draft: Draft, context: SurveyFormContext) {
  return {
    place: draft.placeId ? "" : draft.place,
    placeId: draft.placeId,
    date: draft.date,
    periodId: draft.periodId,
    roundId: draft.roundId,
    statuses: draft.statuses,
    weight: draft.weight,
    disaggregations: context.dimensions.flatMap((d) => {
      const column = draft.columns[d.key];
      return column ? [{ dimension: d.key, column, bands: bandsOf(d.options) }] : [];
    }),
    indicators: draft.indicators,
  };
}

/**
 * Upload a KoboToolbox or ODK export, say once per project how each indicator is computed from it,
 * preview every value and every row left out, then save them as drafts or for review, all or nothing.
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
  const format = useFormatter();
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
  const change = (next: Partial<Draft>) => {
    setDraft({ ...draft, ...next });
    setState({});
  };
  const changeRule = (index: number, next: Partial<RuleDraft>) =>
    change({ indicators: draft.indicators.map((r, n) => (n === index ? { ...r, ...next } : r)) });

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
  const columnSelect = (id: string, value: string, onChange: (v: string) => void, none = t("none")) => (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{none}</option>
      {value && !headers.includes(value) && <option value={value}>{value}</option>}
      {headers.map((h) => (
        <option key={h} value={h}>
          {h}
        </option>
      ))}
    </select>
  );
  const invalid = (path: string) => (state.invalid?.[path] ? <span className="error">{t("fillIn")}</span> : null);
  const preview = state.preview;
  const problemText = (code: string) => {
    const [key, detail] = code.split(":");
    if (t.has(`problems.${key}`)) return t(`problems.${key}` as "problems.empty");
    if (tr.has(`problems.${key}`)) return tr(`problems.${key}` as "problems.unknown", { status: detail ?? "" });
    return code;
  };
  const figure = (v: NonNullable<typeof preview>["values"][number]) =>
    v.numerator !== null && v.denominator !== null
      ? `${format.number(v.numerator)} / ${format.number(v.denominator)} (${format.number((100 * v.numerator) / v.denominator, { maximumFractionDigits: 1 })} %)`
      : v.value === null
        ? ""
        : format.number(v.value, { maximumFractionDigits: 2 });
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
          <details>
            <summary>{t("columnsTitle")}</summary>
            <div className="table-scroll">
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
            </div>
          </details>

          <fieldset className="field">
            <legend>{t("whereWhen")}</legend>
            <div className="mapping-grid">
              <div className="field">
                <label htmlFor="survey-place">{t("place")}</label>
                {columnSelect("survey-place", draft.place, (place) => change({ place, placeId: "" }), t("noPlace"))}
                {invalid("place")}
              </div>
              <div className="field">
                <label htmlFor="survey-place-fixed">{t("placeFixed")}</label>
                <select
                  id="survey-place-fixed"
                  value={draft.placeId}
                  onChange={(e) => change({ placeId: e.target.value, ...(e.target.value ? { place: "" } : {}) })}
                >
                  <option value="">{t("none")}</option>
                  {context.places.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="survey-date">{t("date")}</label>
                {columnSelect("survey-date", draft.date, (date) => change({ date }), t("noDate"))}
              </div>
              {context.rounds.length > 0 && (
                <div className="field">
                  <label htmlFor="survey-round">{t("round")}</label>
                  <select id="survey-round" value={draft.roundId} onChange={(e) => change({ roundId: e.target.value })}>
                    <option value="">{t("none")}</option>
                    {context.rounds.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              {context.periods.length > 0 && (
                <div className="field">
                  <label htmlFor="survey-period">{t("period")}</label>
                  <select
                    id="survey-period"
                    value={draft.periodId}
                    onChange={(e) => change({ periodId: e.target.value })}
                  >
                    <option value="">{t("none")}</option>
                    {context.periods.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.label}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </div>
          </fieldset>

          <fieldset className="field">
            <legend>{t("statusesTitle")}</legend>
            {read.statuses ? (
              validationStatuses.map((s) => (
                <label key={s} style={{ display: "block" }}>
                  <input
                    type="checkbox"
                    checked={draft.statuses.includes(s)}
                    onChange={(e) =>
                      change({
                        statuses: e.target.checked ? [...draft.statuses, s] : draft.statuses.filter((x) => x !== s),
                      })
                    }
                  />{" "}
                  {t(`statuses.${s}`)} ({t("inFile", { count: read.statuses?.[s] ?? 0 })})
                </label>
              ))
            ) : (
              <p className="muted">{t("noStatus")}</p>
            )}
            {invalid("statuses")}
          </fieldset>

          <fieldset className="field">
            <legend>{t("weightsAndBreakdowns")}</legend>
            <div className="mapping-grid">
              <div className="field">
                <label htmlFor="survey-weight">{t("weight")}</label>
                {columnSelect("survey-weight", draft.weight, (weight) => change({ weight }))}
                <span className="muted">{t("weightHint")}</span>
              </div>
              {context.dimensions.map((d) => {
                const bands = bandsOf(d.options);
                return (
                  <div className="field" key={d.key}>
                    <label htmlFor={`survey-dim-${d.key}`}>{t("dimensionColumn", { name: d.name })}</label>
                    {columnSelect(`survey-dim-${d.key}`, draft.columns[d.key] ?? "", (column) =>
                      change({ columns: { ...draft.columns, [d.key]: column } }),
                    )}
                    <span className="muted">
                      {bands.length
                        ? t("byRanges", { ranges: d.options.map((o) => o.name).join(", ") })
                        : t("byAnswers", { options: d.options.map((o) => o.key).join(", ") })}
                    </span>
                  </div>
                );
              })}
            </div>
          </fieldset>

          <fieldset className="field">
            <legend>{t("indicatorsTitle")}</legend>
            <p className="muted">{t("conditionHelp")}</p>
            {invalid("indicators")}
            {draft.indicators.map((rule, n) => {
              const indicator = context.indicators.find((i) => i.code === rule.indicator);
              const kinds = ruleKinds.filter((k) => !indicator || measureOfKind[k] === indicator.measure);
              const id = (field: string) => `survey-rule-${n}-${field}`;
              const needsCondition = rule.kind === "countWhere" || rule.kind === "share";
              const needsQuestion = rule.kind === "mean" || rule.kind === "sum";
              return (
                <fieldset key={n} className="field card" aria-label={t("ruleLabel", { n: n + 1 })}>
                  <div className="mapping-grid">
                    <div className="field">
                      <label htmlFor={id("indicator")}>{t("indicator")}</label>
                      <select
                        id={id("indicator")}
                        value={rule.indicator}
                        onChange={(e) => {
                          const chosen = context.indicators.find((i) => i.code === e.target.value);
                          const kind =
                            chosen && measureOfKind[rule.kind] !== chosen.measure
                              ? (ruleKinds.find((k) => measureOfKind[k] === chosen.measure) ?? rule.kind)
                              : rule.kind;
                          changeRule(n, { indicator: e.target.value, kind });
                        }}
                      >
                        <option value="">{t("chooseIndicator")}</option>
                        {context.indicators.map((i) => (
                          <option key={i.code} value={i.code}>
                            {i.code} {i.title}
                          </option>
                        ))}
                      </select>
                      {invalid(`indicators.${n}.indicator`)}
                    </div>
                    <div className="field">
                      <label htmlFor={id("kind")}>{t("kind")}</label>
                      <select
                        id={id("kind")}
                        value={rule.kind}
                        onChange={(e) => changeRule(n, { kind: e.target.value as RuleKind })}
                      >
                        {kinds.map((k) => (
                          <option key={k} value={k}>
                            {t(`kinds.${k}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor={id("table")}>{t("table")}</label>
                      <select
                        id={id("table")}
                        value={rule.table}
                        onChange={(e) => changeRule(n, { table: e.target.value })}
                      >
                        {tables.map((tb, i) => (
                          <option key={tb.name} value={i === 0 ? "" : tb.name}>
                            {i === 0 ? t("submissionsTable", { name: tb.name }) : t("repeatTable", { name: tb.name })}
                          </option>
                        ))}
                      </select>
                    </div>
                    {needsCondition && (
                      <div className="field">
                        <label htmlFor={id("condition")}>{t("condition")}</label>
                        <input
                          id={id("condition")}
                          value={rule.condition}
                          placeholder="q5 = yes"
                          onChange={(e) => changeRule(n, { condition: e.target.value })}
                        />
                        {invalid(`indicators.${n}.condition`)}
                      </div>
                    )}
                    {needsQuestion && (
                      <div className="field">
                        <label htmlFor={id("question")}>{t("question")}</label>
                        {columnSelect(id("question"), rule.question, (question) => changeRule(n, { question }))}
                        {invalid(`indicators.${n}.question`)}
                      </div>
                    )}
                    <div className="field">
                      <label htmlFor={id("filter")}>{t("filter")}</label>
                      <input
                        id={id("filter")}
                        value={rule.filter}
                        placeholder="consent = yes"
                        onChange={(e) => changeRule(n, { filter: e.target.value })}
                      />
                    </div>
                  </div>
                  {draft.indicators.length > 1 && (
                    <button
                      type="button"
                      className="button secondary"
                      onClick={() => change({ indicators: draft.indicators.filter((_, i) => i !== n) })}
                    >
                      {t("remove")}
                    </button>
                  )}
                </fieldset>
              );
            })}
            <button
              type="button"
              className="button secondary"
              onClick={() => change({ indicators: [...draft.indicators, { ...emptyRule }] })}
            >
              {t("add")}
            </button>
          </fieldset>
        </>
      )}

      {preview && (
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
            <div className="table-scroll">
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
            </div>
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
      )}
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
