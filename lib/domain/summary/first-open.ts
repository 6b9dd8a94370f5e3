import type { Measure } from "@/lib/domain/engine/types";
import { isText } from "@/lib/domain/measures";

// Which indicator card a dashboard opens first (its charts shown): the first with figures to draw.
// Shared by the pages, which send that card's detail with the first screen, and the dashboard.
export function firstOpenIndicator(indicators: { indicator: { id: string; measure: Measure } }[]): string | null {
  return indicators.find((i) => !isText(i.indicator.measure))?.indicator.id ?? null;
}
