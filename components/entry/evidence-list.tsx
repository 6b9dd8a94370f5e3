"use client";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import type { EvidenceItem } from "@/lib/server/evidence/service";

type Props = {
  projectId: string;
  files: EvidenceItem[];
  /** Managers may share files with donor links and remove anyone's. */
  canManage: boolean;
  /** What each file is attached to, by its value's id (or the report's label). */
  targetLabel?: (file: EvidenceItem) => string;
};

/** Evidence files with their download links; sharing with donors and removal for those who may. */
export function EvidenceList({ projectId, files, canManage, targetLabel }: Props) {
  const t = useTranslations("evidence");
  const format = useFormatter();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Shown at once, undone if the server refuses.
  const [shared, setShared] = useState<Record<string, boolean>>({});
  const url = (file: EvidenceItem) => `/api/v1/projects/${projectId}/evidence/${file.id}`;
  const send = async (file: EvidenceItem, init: RequestInit, undo?: () => void) => {
    setPending(true);
    setError(null);
    const response = await fetch(url(file), init).catch(() => null);
    setPending(false);
    if (!response?.ok) {
      undo?.();
      setError(t("changeFailed"));
    } else router.refresh();
  };
  const share = (file: EvidenceItem, on: boolean) => {
    const was = shared[file.id] ?? file.sharedWithDonors;
    setShared({ ...shared, [file.id]: on });
    void send(
      file,
      {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sharedWithDonors: on }),
      },
      () => setShared((s) => ({ ...s, [file.id]: was })),
    );
  };
  if (!files.length) return null;
  return (
    <>
      <ul className="evidence-list">
        {files.map((file) => (
          <li key={file.id} data-evidence={file.fileName}>
            <a href={url(file)} download={file.fileName}>
              {file.fileName}
            </a>{" "}
            <span className="muted">
              ({format.number(file.size / 1024, { maximumFractionDigits: 0 })} KB
              {targetLabel ? `, ${targetLabel(file)}` : ""}
              {file.uploadedBy ? `, ${t("by", { name: file.uploadedBy })}` : ""})
            </span>
            {canManage && (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={shared[file.id] ?? file.sharedWithDonors}
                  aria-disabled={pending}
                  onChange={(e) => !pending && share(file, e.target.checked)}
                />{" "}
                {t("share", { name: file.fileName })}
              </label>
            )}
            {(canManage || file.mine) && (
              <button
                type="button"
                className="link-button"
                aria-disabled={pending}
                aria-label={t("removeNamed", { name: file.fileName })}
                onClick={() => !pending && send(file, { method: "DELETE" })}
              >
                {t("remove")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
