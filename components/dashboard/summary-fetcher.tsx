"use client";
import { useEffect } from "react";
import { ProblemError } from "@/lib/client/problem";
import { useSummary } from "@/lib/client/summary-query";
import type { SummaryFilters, SummarySource } from "@/lib/client/summary-url";
import type { SummaryJson } from "@/lib/domain/summary/types";

/**
 * What the dashboard shows while and after its figures are fetched for other filters: on an error, whether
 * a donor's link is gone (revoked or expired meanwhile) or the figures could not be loaded.
 */
export type FetchedSummary = {
  data?: SummaryJson;
  fetching: boolean;
  failed: "linkGone" | "loadFailed" | null;
  refetch: () => void;
};

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
  const failed = !error
    ? null
    : source.kind === "shared" && error instanceof ProblemError && (error.status === 410 || error.status === 404)
      ? "linkGone"
      : "loadFailed";
  useEffect(() => {
    onState({ data, fetching: isFetching, failed, refetch: () => void refetch() });
  }, [data, isFetching, failed, refetch, onState]);
  return null;
}

function sameFilters(a: SummaryFilters, b: SummaryFilters) {
  return (
    a.location === b.location && a.period === b.period && a.asOf === b.asOf && Boolean(a.preview) === Boolean(b.preview)
  );
}
