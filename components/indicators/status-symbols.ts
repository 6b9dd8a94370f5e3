import type { Status } from "@/lib/domain/engine/schedule";

/** A shape per status, shown beside its word or its colour so status never depends on colour alone. */
export const statusSymbols: Record<Status, string> = {
  onTrack: "●",
  atRisk: "◐",
  offTrack: "○",
  noTarget: "–",
  noData: "◌",
  notYetDue: "…",
  notAssessed: "–",
};
