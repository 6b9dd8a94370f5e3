"use client";
import { useTranslations } from "next-intl";
import { measureOfKind, type RuleKind, ruleKinds } from "@/lib/domain/survey/rules";
import type { SurveyTableInfo } from "@/lib/server/survey/actions";
import type { SurveyFormContext } from "@/lib/server/survey/survey-import";
import { emptyRule, type RuleDraft } from "./draft";
import { ColumnSelect, FillIn } from "./fields";

type Indicator = SurveyFormContext["indicators"][number];

/** A rule's way of computing once its indicator is chosen: kept if it fits the measure, else the first that does. */
export function kindFor(indicator: Indicator | undefined, kind: RuleKind): RuleKind {
  if (!indicator || measureOfKind[kind] === indicator.measure) return kind;
  return ruleKinds.find((k) => measureOfKind[k] === indicator.measure) ?? kind;
}

/** How each indicator is computed from the file: one rule per indicator, added and removed here. */
export function IndicatorRules({
  rules,
  onChange,
  indicators,
  tables,
  headers,
  invalid,
}: {
  rules: RuleDraft[];
  onChange: (rules: RuleDraft[]) => void;
  indicators: Indicator[];
  tables: SurveyTableInfo[];
  headers: string[];
  invalid: Record<string, string> | undefined;
}) {
  const t = useTranslations("surveyImport");
  const changeRule = (index: number, next: Partial<RuleDraft>) =>
    onChange(rules.map((r, n) => (n === index ? { ...r, ...next } : r)));
  return (
    <fieldset className="field">
      <legend>{t("indicatorsTitle")}</legend>
      <p className="muted">{t("conditionHelp")}</p>
      <FillIn invalid={invalid} path="indicators" />
      {rules.map((rule, n) => (
        <RuleFields
          // Rules have no id of their own: their place in the list is what the server names ("indicators.0").
          key={n}
          n={n}
          rule={rule}
          onChange={(next) => changeRule(n, next)}
          onRemove={rules.length > 1 ? () => onChange(rules.filter((_, i) => i !== n)) : undefined}
          indicators={indicators}
          tables={tables}
          headers={headers}
          invalid={invalid}
        />
      ))}
      <button type="button" className="button secondary" onClick={() => onChange([...rules, { ...emptyRule }])}>
        {t("add")}
      </button>
    </fieldset>
  );
}

/** One rule: the indicator, how it is computed, from which rows, and what that way needs. */
function RuleFields({
  n,
  rule,
  onChange,
  onRemove,
  indicators,
  tables,
  headers,
  invalid,
}: {
  n: number;
  rule: RuleDraft;
  onChange: (next: Partial<RuleDraft>) => void;
  /** Absent for the only rule: there is always one. */
  onRemove: (() => void) | undefined;
  indicators: Indicator[];
  tables: SurveyTableInfo[];
  headers: string[];
  invalid: Record<string, string> | undefined;
}) {
  const t = useTranslations("surveyImport");
  const indicator = indicators.find((i) => i.code === rule.indicator);
  const kinds = ruleKinds.filter((k) => !indicator || measureOfKind[k] === indicator.measure);
  const id = (field: string) => `survey-rule-${n}-${field}`;
  const needsCondition = rule.kind === "countWhere" || rule.kind === "share";
  const needsQuestion = rule.kind === "mean" || rule.kind === "sum";
  return (
    <fieldset className="field card" aria-label={t("ruleLabel", { n: n + 1 })}>
      <div className="mapping-grid">
        <div className="field">
          <label htmlFor={id("indicator")}>{t("indicator")}</label>
          <select
            id={id("indicator")}
            value={rule.indicator}
            onChange={(e) => {
              const chosen = indicators.find((i) => i.code === e.target.value);
              onChange({ indicator: e.target.value, kind: kindFor(chosen, rule.kind) });
            }}
          >
            <option value="">{t("chooseIndicator")}</option>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {i.code} {i.title}
              </option>
            ))}
          </select>
          <FillIn invalid={invalid} path={`indicators.${n}.indicator`} />
        </div>
        <div className="field">
          <label htmlFor={id("kind")}>{t("kind")}</label>
          <select id={id("kind")} value={rule.kind} onChange={(e) => onChange({ kind: e.target.value as RuleKind })}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id("table")}>{t("table")}</label>
          <select id={id("table")} value={rule.table} onChange={(e) => onChange({ table: e.target.value })}>
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
              onChange={(e) => onChange({ condition: e.target.value })}
            />
            <FillIn invalid={invalid} path={`indicators.${n}.condition`} />
          </div>
        )}
        {needsQuestion && (
          <div className="field">
            <label htmlFor={id("question")}>{t("question")}</label>
            <ColumnSelect
              id={id("question")}
              value={rule.question}
              headers={headers}
              onChange={(question) => onChange({ question })}
            />
            <FillIn invalid={invalid} path={`indicators.${n}.question`} />
          </div>
        )}
        <div className="field">
          <label htmlFor={id("filter")}>{t("filter")}</label>
          <input
            id={id("filter")}
            value={rule.filter}
            placeholder="consent = yes"
            onChange={(e) => onChange({ filter: e.target.value })}
          />
        </div>
      </div>
      {onRemove && (
        <button type="button" className="button secondary" onClick={onRemove}>
          {t("remove")}
        </button>
      )}
    </fieldset>
  );
}
