"use client";
import { useTranslations } from "next-intl";
import type { SummaryFilters } from "@/lib/client/summary-url";
import type { SummaryJson } from "@/lib/domain/summary/types";

/** Region, period or round, as-of date and (for those who may) the preview of submitted values. */
export function FilterBar({
  filters,
  onChange,
  summary,
  mayPreview,
  regional,
}: {
  filters: SummaryFilters;
  onChange: (next: SummaryFilters) => void;
  summary: SummaryJson;
  mayPreview: boolean;
  regional: boolean;
}) {
  const t = useTranslations("filters");
  const set = (patch: Partial<SummaryFilters>) => onChange({ ...filters, ...patch });
  return (
    <form className="filters no-print" onSubmit={(e) => e.preventDefault()} aria-label={t("title")}>
      {regional && (
        <label>
          {t("region")}
          <select value={filters.location ?? ""} onChange={(e) => set({ location: e.target.value || undefined })}>
            <option value="">{t("allRegions")}</option>
            {summary.locations.map((l) => (
              <option key={l.id} value={l.isoCode ?? l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {regional && (
        <label>
          {t("period")}
          <select value={filters.period ?? ""} onChange={(e) => set({ period: e.target.value || undefined })}>
            <option value="">{t("allPeriods")}</option>
            {summary.times.map((time) => (
              <option key={time.id} value={time.id}>
                {time.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t("asOf")}
        <input type="date" value={filters.asOf ?? ""} onChange={(e) => set({ asOf: e.target.value || undefined })} />
      </label>
      {mayPreview && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={Boolean(filters.preview)}
            onChange={(e) => set({ preview: e.target.checked || undefined })}
          />
          {t("preview")}
        </label>
      )}
    </form>
  );
}
