import "server-only";
import type { SharePrincipal } from "@/lib/domain/permissions";
import { restrictForShare, type ShareOptions } from "@/lib/domain/share-links/options";
import { projectSummary, type SummaryOptions } from "./service";

/** The summary a donor link shows: the same engine function, scoped by the share principal and its options. */
export async function sharedSummary(
  access: { principal: SharePrincipal; options: ShareOptions },
  view: Pick<SummaryOptions, "asOf" | "locale" | "depth" | "indicatorId" | "dataVersion"> = {},
) {
  const summary = await projectSummary(access.principal, access.principal.projectId, view);
  return summary ? restrictForShare(summary, access.options) : null;
}
