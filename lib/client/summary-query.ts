"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { SummaryJson } from "@/components/dashboard/types";
import { fetchJson } from "./problem";

/** The dashboard's filters, as kept in the URL. */
export type SummaryFilters = { location?: string; period?: string; asOf?: string; preview?: boolean };

/** Where a dashboard's summary comes from: a project (signed-in users) or a donor's share link. */
export type SummarySource = { kind: "project"; projectId: string } | { kind: "shared"; token: string };

export const summaryKeys = {
  all: ["summary"] as const,
  of: (source: SummarySource, filters: SummaryFilters) => ["summary", source, filters] as const,
};

export function summaryUrl(source: SummarySource, filters: SummaryFilters, format: "json" | "csv" = "json"): string {
  const params = new URLSearchParams();
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

export function useSummary(source: SummarySource, filters: SummaryFilters, initialData?: SummaryJson) {
  return useQuery({
    queryKey: summaryKeys.of(source, filters),
    queryFn: ({ signal }) => fetchJson<SummaryJson>(summaryUrl(source, filters), signal),
    initialData,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
