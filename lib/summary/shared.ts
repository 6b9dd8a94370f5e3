import "server-only";
import type { Locale } from "@/lib/i18n/config";
import type { SharePrincipal } from "@/lib/permissions";
import { restrictForShare, type ShareOptions } from "@/lib/share-links/options";
import { projectSummary } from "./service";

/** The summary a donor link shows: the same engine function, scoped by the share principal and its options. */
export async function sharedSummary(
  access: { principal: SharePrincipal; options: ShareOptions },
  view: { asOf?: Date; locale?: Locale } = {},
) {
  const summary = await projectSummary(access.principal, access.principal.projectId, view);
  return summary ? restrictForShare(summary, access.options) : null;
}
