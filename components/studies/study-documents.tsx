"use client";
import { useTranslations } from "next-intl";
// The documents of a study for those who edit it: add one (checked on the server as evidence files are)
// or remove one. Each form answers on its own; the page is revalidated after a change.
import { useActionState } from "react";
import { useErrorMessage } from "@/components/ui/use-error-message";
import type { ActionState } from "@/lib/domain/errors";
import { attachStudyFileAction, removeStudyFileAction } from "@/lib/server/studies/actions";
import { studyFileAccept } from "./study-form";

export function StudyDocuments({ studyId, files }: { studyId: string; files: { id: string; fileName: string }[] }) {
  const t = useTranslations("studies.documents");
  const message = useErrorMessage("studies.errors");
  const [added, add, adding] = useActionState<ActionState, FormData>(attachStudyFileAction, {});
  const error = added.fieldErrors?.file ?? added.error;
  return (
    <section aria-labelledby="study-documents-title" className="no-print">
      <h2 id="study-documents-title">{t("title")}</h2>
      {files.length > 0 && (
        <ul className="plain">
          {files.map((f) => (
            <RemoveDocument key={f.id} studyId={studyId} file={f} />
          ))}
        </ul>
      )}
      <form action={add}>
        <input type="hidden" name="studyId" value={studyId} />
        <div className="field">
          <label htmlFor="study-add-file">{t("add")}</label>
          <input
            id="study-add-file"
            name="file"
            type="file"
            accept={studyFileAccept}
            required
            aria-invalid={Boolean(error)}
            aria-describedby="study-add-file-error"
          />
          {error && (
            <span id="study-add-file-error" className="error">
              {message(error)}
            </span>
          )}
        </div>
        <button type="submit" disabled={adding}>
          {adding ? t("adding") : t("addButton")}
        </button>
      </form>
    </section>
  );
}

function RemoveDocument({ studyId, file }: { studyId: string; file: { id: string; fileName: string } }) {
  const t = useTranslations("studies.documents");
  const message = useErrorMessage("studies.errors");
  const [state, remove, removing] = useActionState<ActionState, FormData>(removeStudyFileAction, {});
  return (
    <li>
      <form action={remove} className="inline">
        <input type="hidden" name="studyId" value={studyId} />
        <input type="hidden" name="fileId" value={file.id} />
        {file.fileName}{" "}
        <button type="submit" disabled={removing} aria-label={t("removeLabel", { name: file.fileName })}>
          {t("remove")}
        </button>
        {state.error && (
          <span role="alert" className="error">
            {" "}
            {message(state.error)}
          </span>
        )}
      </form>
    </li>
  );
}
