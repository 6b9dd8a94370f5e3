// What the connections page shows of a sync: plain values a client component can take.
import type { ConnectionSync } from "@/lib/generated/prisma/client";

export type SyncValue = {
  indicator: string;
  place: string;
  option: string | null;
  when: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  rows: number;
};
export type SyncProblem = { code: string; indicator?: string; row?: number; column?: string; detail?: string };

export type SyncView = {
  id: string;
  trigger: string;
  status: "RUNNING" | "DONE" | "FAILED";
  startedAt: string;
  finishedAt: string | null;
  read: number;
  changed: number;
  applied: boolean;
  submitted: boolean;
  submissions: number | null;
  values: SyncValue[];
  problems: SyncProblem[];
  error: string | null;
};

export function syncView(run: ConnectionSync): SyncView {
  const preview = (run.preview ?? {}) as { values?: SyncValue[]; submissions?: number; submitted?: boolean };
  return {
    id: run.id,
    trigger: run.trigger,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    read: run.read,
    changed: run.changed,
    applied: run.applied,
    submitted: preview.submitted ?? false,
    submissions: preview.submissions ?? null,
    values: (preview.values ?? []).map((v) => ({
      indicator: v.indicator,
      place: v.place,
      option: v.option,
      when: v.when,
      value: v.value,
      numerator: v.numerator,
      denominator: v.denominator,
      rows: v.rows,
    })),
    problems: Array.isArray(run.problems) ? (run.problems as SyncProblem[]) : [],
    error: run.error,
  };
}
