"use client";
import { useTranslations } from "next-intl";
import type { IndicatorJson, SummaryJson } from "@/lib/domain/summary/types";

type Narrative = IndicatorJson["narratives"][number];

/** Where and when a narrative was written: "2021-Q3, Lima" (the place only when the view names places). */
export function narrativeWhere(n: Narrative, locations: SummaryJson["locations"]): string {
  const place = locations.find((l) => l.id === n.locationId)?.name;
  return place ? `${n.label}, ${place}` : n.label;
}

/** A qualitative indicator's approved narratives, latest first: the text with its period and place. */
export function Narratives({
  indicator,
  summary,
  limit,
}: {
  indicator: IndicatorJson;
  summary: Pick<SummaryJson, "locations">;
  limit?: number;
}) {
  const t = useTranslations("dashboard");
  const shown = limit ? indicator.narratives.slice(0, limit) : indicator.narratives;
  if (shown.length === 0) return <p className="muted">{t("noNarratives")}</p>;
  return (
    <ul className="narratives" aria-label={t("narratives")}>
      {shown.map((n) => (
        <li key={`${n.timeId}|${n.locationId}`}>
          <span className="muted">{narrativeWhere(n, summary.locations)}: </span>
          {n.text}
        </li>
      ))}
    </ul>
  );
}
