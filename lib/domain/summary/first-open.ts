// Which indicator card a dashboard opens first (its charts shown): the first with figures to draw.
// Shared by the pages, which send that card's detail with the first screen, and the dashboard.
export function firstOpenIndicator(indicators: { indicator: { id: string; measure: string } }[]): string | null {
  return indicators.find((i) => i.indicator.measure !== "QUALITATIVE")?.indicator.id ?? null;
}
