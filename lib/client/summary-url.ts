// Where a dashboard's figures are read from: the summary API's address for a source, filters and part.
// Kept apart from the query hooks so that pages can link to the API without loading the query library.
/** The dashboard's filters, as kept in the URL. */
export type SummaryFilters = { location?: string; period?: string; asOf?: string; preview?: boolean };

/** Where a dashboard's summary comes from: a project (signed-in users) or a donor's share link. */
export type SummarySource = { kind: "project"; projectId: string } | { kind: "shared"; token: string };

/** Which part of the summary: every indicator's overall and per-place figures, or one indicator's all. */
export type SummaryPart = { view: "overview" } | { indicator: string } | Record<string, never>;

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
