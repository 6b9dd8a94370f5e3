"use client";
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import type { SummaryJson } from "@/lib/domain/summary/types";
import { fetchJson } from "./problem";
import { queryClient } from "./query-client";
import { type SummaryFilters, type SummaryPart, type SummarySource, summaryUrl } from "./summary-url";

const summaryKeys = {
  all: ["summary"] as const,
  of: (source: SummarySource, filters: SummaryFilters, part: SummaryPart = {}) =>
    ["summary", source, filters, part] as const,
};

/** One part of the summary, kept while other filters load (the dashboard never goes blank). */
function useSummaryPart(
  source: SummarySource,
  filters: SummaryFilters,
  part: SummaryPart,
  options: { initialData?: SummaryJson; enabled?: boolean },
) {
  return useQuery(
    {
      queryKey: summaryKeys.of(source, filters, part),
      queryFn: ({ signal }) => fetchJson<SummaryJson>(summaryUrl(source, filters, "json", part), signal),
      ...options,
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    },
    queryClient(),
  );
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
  return useQueries(
    {
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
    },
    queryClient(),
  );
}
