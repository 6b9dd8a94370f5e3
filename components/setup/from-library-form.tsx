"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { useRemountingAction } from "@/components/ui/use-remounting-action";
import { createFromLibraryAction, type FromLibraryState } from "@/lib/server/library/actions";
import type { LibraryChoice } from "@/lib/server/library/link-setup";
import { useLibraryLinkMessage } from "./library-link-form";

type Props = {
  projectId: string;
  library: LibraryChoice[];
  nodes: { id: string; code: string; title: string }[];
};

/** "Add from the library": a project indicator made from a library indicator under a chosen result, linked to it. */
export function FromLibraryForm({ projectId, library, nodes }: Props) {
  const t = useTranslations("libraryLink");
  const message = useLibraryLinkMessage();
  const { state, formAction, pending, formKey } = useRemountingAction<FromLibraryState>(
    createFromLibraryAction.bind(null, projectId),
    {},
  );
  const value = (name: string) => state.values?.[name] ?? "";
  const error = (name: string) => message(state.fieldErrors?.[name]);
  return (
    <form key={formKey} action={formAction} className="card" noValidate aria-labelledby="from-library-title">
      <h2 id="from-library-title" style={{ marginTop: 0 }}>
        {t("fromTitle")}
      </h2>
      <p className="muted">{t("fromIntro")}</p>
      {state.done && <p role="status">{t("added", { code: state.code ?? "" })}</p>}
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      <div className="field">
        <label htmlFor="from-library">{t("libraryIndicator")}</label>
        <select
          id="from-library"
          name="libraryIndicatorId"
          defaultValue={value("libraryIndicatorId")}
          aria-invalid={Boolean(error("libraryIndicatorId"))}
          aria-describedby="from-library-error"
        >
          <option value="">{t("choose")}</option>
          {library.map((l) => (
            <option key={l.id} value={l.id}>
              {l.code}: {l.name}
            </option>
          ))}
        </select>
        {error("libraryIndicatorId") && (
          <span id="from-library-error" className="error">
            {error("libraryIndicatorId")}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor="from-library-node">{t("result")}</label>
        <select
          id="from-library-node"
          name="resultNodeId"
          defaultValue={value("resultNodeId")}
          aria-invalid={Boolean(error("resultNodeId"))}
          aria-describedby="from-library-node-error"
        >
          {nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.code} {n.title}
            </option>
          ))}
        </select>
        {error("resultNodeId") && (
          <span id="from-library-node-error" className="error">
            {error("resultNodeId")}
          </span>
        )}
      </div>
      <Field id="from-library-code" name="code" label={t("code")} defaultValue={value("code")} error={error("code")} />
      <button className="button" type="submit" disabled={pending}>
        {t("add")}
      </button>
    </form>
  );
}
