import type { Status } from "@/lib/indicators/schedule";

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
