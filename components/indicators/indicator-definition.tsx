import { getFormatter, getTranslations } from "next-intl/server";
import type { getIndicator } from "@/lib/server/projects/service";

type Indicator = NonNullable<Awaited<ReturnType<typeof getIndicator>>>;

/** What an indicator measures and how: the logframe's definition, in words. */
export async function IndicatorDefinition({ indicator: i }: { indicator: Indicator }) {
  const [t, tLevel, format] = await Promise.all([
    getTranslations("indicatorPage"),
    getTranslations("project.levels"),
    getFormatter(),
  ]);
  const baseline =
    i.baselineNumerator !== null && i.baselineDenominator !== null
      ? `${format.number(i.baselineNumerator)} / ${format.number(i.baselineDenominator)}`
      : i.baselineValue !== null
        ? format.number(i.baselineValue)
        : "–";
  const rows: [string, string][] = [
    [t("resultLevel"), `${tLevel(i.resultNode.level)} ${i.resultNode.code}: ${i.resultNode.title}`],
    [t("definition"), i.definition || "–"],
    [t("measure"), `${t(`measures.${i.measure}`)}${i.unit ? ` (${i.unit})` : ""}`],
    [t("direction"), t(`directions.${i.direction}`)],
    [t("timeRule"), t(`timeRules.${i.timeRule}`)],
    [t("source"), t(`sources.${i.source}`)],
    [t("baseline"), `${baseline} (${t(`provenance.${i.baselineProvenance}`)})`],
    [t("dimensions"), i.dimensions.map((d) => d.dimension.name).join(", ") || "–"],
    [t("meansOfVerification"), i.meansOfVerification || "–"],
  ];
  if (i.composedFrom && i.composedOption) {
    rows.push([
      t("composedFrom"),
      t("composition", { option: i.composedOption.name, indicator: `${i.composedFrom.code} ${i.composedFrom.title}` }),
    ]);
  }
  return (
    <dl className="definition">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
