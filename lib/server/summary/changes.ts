// "What changed since the last report": the values approved since the latest reporting period ended,
// per indicator, with the indicator's figure and status then (values approved by that moment) and now.
import type { ChangesSinceReport, IndicatorChange } from "@/lib/domain/summary/types";
import "server-only";
import { AsOf } from "@/lib/domain/as-of";
import { dayNumber, hasStarted, startOfDay } from "@/lib/domain/engine/days";
import type { Locale } from "@/lib/domain/i18n/config";
import type { Principal } from "@/lib/domain/permissions";
import type { ProjectSummary } from "@/lib/domain/summary/types";
import { readDb } from "@/lib/platform/db";
import { LruCache } from "@/lib/platform/ops/lru-cache";
import { projectSummary, type ViewLoads } from "./service";

const msPerDay = 86_400_000;

const kept = new LruCache<ChangesSinceReport>(200);

/** When the last report was due: the end of the last reporting period ended before `asOf`'s day. */
function lastReport(summary: ProjectSummary): { since: Date; label: string } | null {
  const ended = summary.times.filter((t) => t.kind === "period" && dayNumber(t.endDate) < dayNumber(summary.asOf));
  const last = ended[ended.length - 1]; // times are sorted by their end
  return last ? { since: new Date(startOfDay(last.endDate).getTime() + msPerDay), label: last.label } : null;
}

/**
 * The indicators whose approved values changed since the last report, each with what was approved
 * and its overall figure and status before and now. Read through `projectSummary`, so it sees exactly
 * what the principal may (approved values only, whoever asks) and is kept per data version and as-of
 * day (the day decides both which report was the last and which values count).
 */
export async function changesSinceLastReport(
  principal: Principal,
  projectId: string,
  options: { asOf?: AsOf; locale?: Locale; loads?: ViewLoads } = {},
): Promise<ChangesSinceReport | null> {
  const asOf = options.asOf ?? AsOf.today();
  const view = { asOf, locale: options.locale, depth: "overall" as const, loads: options.loads };
  const now = await projectSummary(principal, projectId, view);
  if (!now) return null;
  const report = lastReport(now);
  if (!report) return { since: null, periodLabel: null, changes: [] };
  const key = JSON.stringify([projectId, now.version, asOf.toKey(), options.locale ?? "en"]);
  const known = now.version === null ? undefined : kept.get(key);
  if (known) return known;

  const grouped = await readDb().result.groupBy({
    by: ["indicatorId", "locationId", "periodId", "roundId"],
    where: {
      status: "APPROVED",
      reviewedAt: { gt: report.since },
      indicatorId: { in: now.indicators.map((i) => i.indicator.id) },
    },
    _count: { _all: true },
  });
  // The values the figures count: of periods and rounds begun by the as-of day (rule 10).
  const counted = new Set(now.times.filter((t) => hasStarted(t.startDate, now.asOf)).map((t) => t.id));
  const cells = grouped.filter((c) => counted.has(c.periodId ?? c.roundId ?? ""));
  const before = cells.length
    ? await projectSummary(principal, projectId, { ...view, approvedBy: report.since })
    : null;
  const changes = now.indicators.flatMap((i): IndicatorChange[] => {
    const mine = cells.filter((c) => c.indicatorId === i.indicator.id);
    if (mine.length === 0) return [];
    const then = before?.indicators.find((b) => b.indicator.id === i.indicator.id)?.overall;
    // In the summary's order: places by name, periods and rounds by their end.
    const named = <T extends { id: string }>(all: T[], ids: (string | null)[]) => all.filter((x) => ids.includes(x.id));
    return [
      {
        indicatorId: i.indicator.id,
        code: i.indicator.code,
        title: i.indicator.title,
        measure: i.indicator.measure,
        unit: i.indicator.unit,
        values: mine.reduce((sum, c) => sum + c._count._all, 0),
        places: named(
          now.locations,
          mine.map((c) => c.locationId),
        ).map((l) => l.name),
        times: named(
          now.times,
          mine.map((c) => c.periodId ?? c.roundId),
        ).map((t) => t.label),
        before: { actual: then?.actual ?? null, status: then?.status ?? "noData" },
        now: { actual: i.overall.actual, status: i.overall.status },
      },
    ];
  });
  const result = { since: report.since, periodLabel: report.label, changes };
  if (now.version !== null) kept.set(key, result);
  return result;
}
