"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import {
  filledCells,
  parseTypedValues,
  type TypedValues,
  typedValuesCsv,
  typedValuesKey,
} from "@/lib/formats/write/typed-values";

type Props = {
  /** Whose typed values: only the signed-in user's own are offered. */
  userId: string;
  projectId: string;
  time: { id: string; label: string };
  indicators: { id: string; code: string; dimensions: { options: { id: string; name: string }[] }[] }[];
  locations: { id: string; name: string }[];
};

/**
 * Values typed in this browser for a period that was locked before they were saved: nothing typed is
 * lost. They can be downloaded as a CSV the results import reads, copied, or discarded.
 */
export function TypedValuesRescue({ userId, projectId, time, indicators, locations }: Props) {
  const t = useTranslations("entry.rescue");
  const key = typedValuesKey(userId, projectId, time.id);
  const [values, setValues] = useState<TypedValues>({});
  const [copied, setCopied] = useState(false);
  useEffect(() => setValues(parseTypedValues(window.localStorage.getItem(key))), [key]);
  const count = filledCells(values).length;
  if (count === 0) return null;
  const csv = () => typedValuesCsv(values, { timeLabel: time.label, indicators, locations });

  const download = () => {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([csv()], { type: "text/csv;charset=utf-8" }));
    link.download = `unsaved-${time.label.replace(/[^\w-]+/g, "_")}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const copy = async () => {
    await navigator.clipboard.writeText(csv().replace(/^\uFEFF/, ""));
    setCopied(true);
  };
  const discard = () => {
    if (!window.confirm(t("discardConfirm", { count }))) return;
    window.localStorage.removeItem(key);
    setValues({});
  };

  return (
    <section className="notice rescue" aria-labelledby="rescue-title">
      <h2 id="rescue-title">{t("title", { count })}</h2>
      <p>{t("explain", { time: time.label })}</p>
      <p className="entry-actions">
        <button type="button" className="button" onClick={download}>
          {t("download")}
        </button>
        <button type="button" className="button secondary" onClick={copy}>
          {t("copy")}
        </button>
        <button type="button" className="button secondary" onClick={discard}>
          {t("discard")}
        </button>
      </p>
      {copied && <p role="status">{t("copied")}</p>}
    </section>
  );
}
