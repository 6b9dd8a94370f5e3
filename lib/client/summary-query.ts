"use client";
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import type { SummaryJson } from "@/components/dashboard/types";
import { fetchJson } from "./problem";

/** The dashboard's filters, as kept in the URL. */
export type SummaryFilters = { location?: string; period?: string; asOf?: string; preview?: boolean };

/** Where a dashboard's summary comes from: a project (signed-in users) or a donor's share link. */
export type SummarySource = { kind: "project"; projectId: string } | { kind: "shared"; token: string };

/** Which part of the summary: every indicator's overall and per-place figures, or one indicator's all. */
export type SummaryPart = { view: "overview" } | { indicator: string } | Record<string, never>;

export const summaryKeys = {
  all: ["summary"] as const,
  of: (source: SummarySource, filters: SummaryFilters, part: SummaryPart = {}) =>
    ["summary", source, filters, part] as const,
};

export function summaryUrl(
  source: SummarySource,
  filters: SummaryFilters,
  format: "json" | "csv" = "json",
  part: SummaryPart = {},
): string {
  const params = new URLSearchParams();
  if ("view" in part) params.set("view", part.view);
  if ("indicator" in part) params.set("indicator", part.indicator);
  if (filters.asOf) params.set("asOf", filters.asOf);
  if (source.kind === "project") {
    if (filters.location) params.set("location", filters.location);
    if (filters.period) params.set("period", filters.period);
    if (filters.preview) params.set("includeSubmitted", "true");
  }
  const base = source.kind === "project" ? `/api/v1/projects/${source.projectId}` : `/api/v1/shared/${source.token}`;
  const query = params.toString();
  return `${base}/summary${format === "csv" ? ".csv" : ""}${query ? `?${query}` : ""}`;
}

/** One part of the summary, kept while other filters load (the dashboard never goes blank). */
function useSummaryPart(
  source: SummarySource,
  filters: SummaryFilters,
  part: SummaryPart,
  options: { initialData?: SummaryJson; enabled?: boolean },
) {
  return useQuery({
    queryKey: summaryKeys.of(source, filters, part),
    queryFn: ({ signal }) => fetchJson<SummaryJson>(summaryUrl(source, filters, "json", part), signal),
    ...options,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The dashboard's first screen: every indicator's overall and per-place figures (charts load per card). */
export function useSummary(source: SummarySource, filters: SummaryFilters, initialData?: SummaryJson) {
  return useSummaryPart(source, filters, { view: "overview" }, { initialData });
}

/** Every figure of one indicator, fetched when its card opens (and the first screen did not bring them). */
export function useIndicatorDetail(
  source: SummarySource,
  filters: SummaryFilters,
  indicatorId: string,
  enabled: boolean,
) {
  return useSummaryPart(source, filters, { indicator: indicatorId }, { enabled });
}

/** One indicator's figures at each of these places (its trajectory there), fetched together when asked. */
export function usePlaceDetails(
  source: SummarySource,
  filters: SummaryFilters,
  indicatorId: string,
  placeIds: string[],
  enabled: boolean,
) {
  return useQueries({
    queries: placeIds.map((location) => {
      const placeFilters = { ...filters, location };
      const part = { indicator: indicatorId };
      return {
        queryKey: summaryKeys.of(source, placeFilters, part),
        queryFn: ({ signal }: { signal: AbortSignal }) =>
          fetchJson<SummaryJson>(summaryUrl(source, placeFilters, "json", part), signal),
        enabled,
        staleTime: 30_000,
      };
    }),
  });
}
