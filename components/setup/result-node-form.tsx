"use client";
import { Field } from "@/components/ui/field";
import { resultNodeAction } from "@/lib/projects/actions";
import { FormStatus, useSetupForm } from "./use-setup-form";

export const levels = ["IMPACT", "OUTCOME", "OUTPUT"] as const;

/** Adds a goal, outcome or output to the logframe. */
export function ResultNodeForm({
  projectId,
  nodes,
}: {
  projectId: string;
  nodes: { id: string; code: string; title: string }[];
}) {
  const { state, formAction, formKey, pending, t, error, value } = useSetupForm(resultNodeAction.bind(null, projectId));
  return (
    <form key={formKey} action={formAction} className="card" noValidate aria-labelledby="node-title">
      <h2 id="node-title" style={{ marginTop: 0 }}>
        {t("addResult")}
      </h2>
      <FormStatus state={state} done={t("saved")} />
      <div className="field">
        <label htmlFor="node-level">{t("level")}</label>
        <select id="node-level" name="level" defaultValue={value("level", "OUTCOME")}>
          {levels.map((l) => (
            <option key={l} value={l}>
              {t(`levels.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="node-parent">{t("parent")}</label>
        <select id="node-parent" name="parentId" defaultValue={value("parentId")}>
          <option value="">—</option>
          {nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.code} {n.title}
            </option>
          ))}
        </select>
      </div>
      <Field id="node-code" name="code" label={t("code")} defaultValue={value("code")} error={error("code")} />
      <Field
        id="node-title-input"
        name="title"
        label={t("title")}
        defaultValue={value("title")}
        error={error("title")}
      />
      <Field id="node-description" name="description" label={t("description")} defaultValue={value("description")} />
      <button className="button" type="submit" disabled={pending}>
        {t("addResult")}
      </button>
    </form>
  );
}
