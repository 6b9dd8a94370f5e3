"use client";
import { useEffect } from "react";
import { useSummary } from "@/lib/client/summary-query";
import type { SummaryFilters, SummarySource } from "@/lib/client/summary-url";
import type { SummaryJson } from "./types";

/** What the dashboard shows while and after its figures are fetched for other filters. */
export type FetchedSummary = { data?: SummaryJson; fetching: boolean; error: unknown; refetch: () => void };

/**
 * Fetches the first screen's figures for the chosen filters and hands them to the dashboard. Loaded
 * with the first filter change, so the query library is not part of a dashboard's first load.
 */
export function SummaryFetcher({
  source,
  filters,
  initial,
  onState,
}: {
  source: SummarySource;
  filters: SummaryFilters;
  /** The figures the page came with, for the filters it came with. */
  initial: { filters: SummaryFilters; summary: SummaryJson };
  onState: (state: FetchedSummary) => void;
}) {
  const same = sameFilters(filters, initial.filters);
  const { data, isFetching, error, refetch } = useSummary(source, filters, same ? initial.summary : undefined);
  useEffect(() => {
    onState({ data, fetching: isFetching, error, refetch: () => void refetch() });
  }, [data, isFetching, error, refetch, onState]);
  return null;
}

function sameFilters(a: SummaryFilters, b: SummaryFilters) {
  return (
    a.location === b.location && a.period === b.period && a.asOf === b.asOf && Boolean(a.preview) === Boolean(b.preview)
  );
}
