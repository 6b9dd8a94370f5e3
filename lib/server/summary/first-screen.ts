// A dashboard's first screen: every indicator's overall and per-place figures (the headline, the status
// matrix, the cards), with every figure of the one card that opens with its charts. Other cards fetch
// their detail when opened, so a page never computes or sends the whole project.
import "server-only";
import { firstOpenIndicator } from "@/lib/domain/summary/first-open";
import type { ProjectSummary } from "@/lib/domain/summary/types";

export type SummaryPart = { view: "overview" } | { indicator: string };

/** The first screen through `load` (null when the project is not readable). */
export async function firstScreen(
  load: (part: SummaryPart) => Promise<ProjectSummary | null>,
  openIndicatorId?: string | null,
): Promise<ProjectSummary | null> {
  const overview = await load({ view: "overview" });
  if (!overview) return null;
  const asked = overview.indicators.some((i) => i.indicator.id === openIndicatorId) ? openIndicatorId : null;
  const openId = asked ?? firstOpenIndicator(overview.indicators);
  const full = openId ? (await load({ indicator: openId }))?.indicators[0] : undefined;
  if (!full) return overview;
  return { ...overview, indicators: overview.indicators.map((i) => (i.indicator.id === full.indicator.id ? full : i)) };
}
