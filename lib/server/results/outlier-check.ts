// The outlier warning of the entry grid (lib/domain/validation/outliers.ts) for values saved through the API
// or an import: each value against the same place's and option's figure in the period or round before
// (of the same kind). It warns; it never blocks.

import { percent } from "@/lib/domain/engine/aggregate";
import { assertCan, type Principal } from "@/lib/domain/permissions";
import { type Outlier, outlierAgainst } from "@/lib/domain/validation/outliers";
import type { ResultInput } from "@/lib/domain/validation/results";
import { type Db, db, type Tx } from "@/lib/platform/db";

export type OutlierWarning = Outlier & { index: number; code: "outlier" };

type Figures = { value?: number | null; numerator?: number | null; denominator?: number | null };
const figureOf = (f: Figures) =>
  f.numerator != null && f.denominator != null ? percent(f.numerator, f.denominator) : (f.value ?? null);

/** The warnings about values just saved by someone who may enter the project's results (the results API). */
export async function savedValueWarnings(principal: Principal, projectId: string, inputs: ResultInput[]) {
  assertCan(principal, "results.enter", projectId);
  return outlierWarnings(db(), projectId, inputs);
}

export async function outlierWarnings(
  client: Db | Tx,
  projectId: string,
  inputs: ResultInput[],
): Promise<OutlierWarning[]> {
  const [periods, rounds] = await Promise.all([
    client.reportingPeriod.findMany({ where: { projectId }, orderBy: { startDate: "asc" }, select: { id: true } }),
    client.surveyRound.findMany({ where: { projectId }, orderBy: { startDate: "asc" }, select: { id: true } }),
  ]);
  const before = new Map<string, string>();
  for (const list of [periods, rounds])
    for (const [i, t] of list.entries()) {
      const earlier = list[i - 1];
      if (earlier) before.set(t.id, earlier.id);
    }
  const previousTimes = new Set(inputs.flatMap((x) => before.get(x.periodId ?? x.roundId ?? "") ?? []));
  if (!previousTimes.size) return [];
  const rows = await client.result.findMany({
    where: {
      indicatorId: { in: [...new Set(inputs.map((x) => x.indicatorId))] },
      OR: [{ periodId: { in: [...previousTimes] } }, { roundId: { in: [...previousTimes] } }],
    },
    select: {
      indicatorId: true,
      periodId: true,
      roundId: true,
      locationId: true,
      optionId: true,
      value: true,
      numerator: true,
      denominator: true,
    },
  });
  const key = (indicatorId: string, time: string, locationId: string, optionId: string | null | undefined) =>
    [indicatorId, time, locationId, optionId ?? ""].join("|");
  const previous = new Map(
    rows.map((r) => [key(r.indicatorId, r.periodId ?? r.roundId ?? "", r.locationId, r.optionId), figureOf(r)]),
  );
  return inputs.flatMap((input, index) => {
    const time = before.get(input.periodId ?? input.roundId ?? "");
    if (!time) return [];
    const outlier = outlierAgainst(
      figureOf(input),
      previous.get(key(input.indicatorId, time, input.locationId, input.optionId)) ?? null,
    );
    return outlier ? [{ index, code: "outlier" as const, ...outlier }] : [];
  });
}
