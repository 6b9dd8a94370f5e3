import { useTranslations } from "next-intl";
import type { Status } from "@/lib/indicators/schedule";

const symbols: Record<Status, string> = {
  onTrack: "●",
  atRisk: "◐",
  offTrack: "○",
  noTarget: "–",
  noData: "?",
  notYetDue: "…",
  notAssessed: "–",
};

/** A status in words with a shape, so it never depends on colour alone. */
export function StatusBadge({ status }: { status: Status }) {
  const t = useTranslations("status");
  return (
    <span className={`status status-${status}`} data-status={status}>
      <span aria-hidden="true">{symbols[status]} </span>
      {t(status)}
    </span>
  );
}
