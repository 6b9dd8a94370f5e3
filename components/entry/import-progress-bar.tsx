"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { UploadProgress } from "@/lib/client/upload-results";

/** How far the server has come with an uploaded table: the share of the file read, then each phase. */
export function ImportProgressBar({ progress }: { progress: UploadProgress }) {
  const t = useTranslations("resultsImport.progress");
  const format = useFormatter();
  const reading = progress.phase === "reading" || progress.phase === "sending";
  return (
    <div className="import-progress" role="status" data-phase={progress.phase}>
      {/* Waiting in the queue: an indeterminate bar (nothing is known of its progress yet). */}
      <progress
        max={1}
        value={progress.phase === "queued" ? undefined : reading ? (progress.read ?? undefined) : 1}
        aria-label={t("label")}
      />{" "}
      {t(progress.phase, {
        rows: format.number(progress.rows),
        share: format.number(progress.read ?? 0, { style: "percent", maximumFractionDigits: 0 }),
      })}
    </div>
  );
}
