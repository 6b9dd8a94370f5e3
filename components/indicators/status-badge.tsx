import { useTranslations } from "next-intl";
import type { Status } from "@/lib/domain/engine/schedule";
import { statusSymbols } from "./status-symbols";

/** A status in words with a shape, so it never depends on colour alone. */
export function StatusBadge({ status }: { status: Status }) {
  const t = useTranslations("status");
  return (
    <span className={`status status-${status}`} data-status={status}>
      <span aria-hidden="true">{statusSymbols[status]} </span>
      {t(status)}
    </span>
  );
}
