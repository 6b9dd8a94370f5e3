"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import type { EvidenceItem } from "@/lib/server/evidence/service";
import { EvidenceList } from "./evidence-list";

type Props = {
  projectId: string;
  time: { id: string; kind: "period" | "round"; label: string };
  /** The saved values of the sheet a file may be attached to. */
  values: { id: string; label: string }[];
  files: EvidenceItem[];
  canManage: boolean;
  maxBytes: number;
};

/** Evidence of a period or round: its files, and attaching one to its report or to a saved value. */
export function EvidencePanel({ projectId, time, values, files, canManage, maxBytes }: Props) {
  const t = useTranslations("evidence");
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const labelOf = (f: EvidenceItem) =>
    f.resultId ? (values.find((v) => v.id === f.resultId)?.label ?? t("aValue")) : t("report", { label: time.label });

  const attach = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    if (!file || pending) return;
    if (file.size > maxBytes) {
      setMessage({ ok: false, text: t("errors.tooLarge") });
      return;
    }
    const query = new URLSearchParams({
      name: file.name,
      ...(target ? { result: target } : time.kind === "period" ? { period: time.id } : { round: time.id }),
    });
    setPending(true);
    setMessage(null);
    const response = await fetch(`/api/v1/projects/${projectId}/evidence?${query}`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: file,
    }).catch(() => null);
    setPending(false);
    if (response?.ok) {
      setMessage({ ok: true, text: t("attached", { name: file.name }) });
      setFile(null);
      form.reset();
      router.refresh();
      return;
    }
    const body = await response?.json().catch(() => null);
    const code = body?.errors?.[0]?.message ?? body?.detail ?? "failed";
    setMessage({
      ok: false,
      text: t.has(`errors.${code}`) ? t(`errors.${code}` as "errors.failed") : t("errors.failed"),
    });
  };

  return (
    <section className="card evidence" aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t("title", { label: time.label })}</h2>
      <p className="muted">{t("intro", { mb: Math.round(maxBytes / 1024 / 1024) })}</p>
      {files.length ? (
        <EvidenceList projectId={projectId} files={files} canManage={canManage} targetLabel={labelOf} />
      ) : (
        <p>{t("none")}</p>
      )}
      <form onSubmit={attach} aria-label={t("attachTitle")} className="evidence-attach">
        <div className="field">
          <label htmlFor="evidence-target">{t("attachTo")}</label>
          <select id="evidence-target" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{t("report", { label: time.label })}</option>
            {values.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="evidence-file">{t("file")}</label>
          <input
            id="evidence-file"
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,.webp,.xlsx,.docx,.csv,.txt"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="button secondary" aria-disabled={pending || !file}>
          {t("attach")}
        </button>
        {message && (
          <p role={message.ok ? "status" : "alert"} className={message.ok ? undefined : "error"}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
