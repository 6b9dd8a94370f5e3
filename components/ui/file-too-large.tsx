"use client";
import { useTranslations } from "next-intl";
import { type FileTooLarge, megabytes } from "@/lib/domain/format/file-size";

/** A form's file refused for its size, naming the field by its label and the most it may hold. */
export function FileTooLargeMessage({
  refusal,
  label,
}: {
  refusal?: FileTooLarge | null;
  label: (field: string) => string;
}) {
  const t = useTranslations("errors");
  if (!refusal) return null;
  return (
    <p role="alert" className="error">
      {t("fileTooLarge", { field: label(refusal.field), mb: megabytes(refusal.maxBytes) })}
    </p>
  );
}
