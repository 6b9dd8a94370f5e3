import type { SummaryJson } from "@/components/dashboard/types";
import type { ProjectSummary } from "./service";

/** The summary as the API serializes it, for handing from a server page to the client dashboard. */
export function toSummaryJson(summary: ProjectSummary): SummaryJson {
  return JSON.parse(JSON.stringify(summary)) as SummaryJson;
}
