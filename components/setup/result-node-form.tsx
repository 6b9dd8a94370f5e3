"use client";
import { Field } from "@/components/ui/field";
import { resultNodeAction } from "@/lib/server/projects/actions";
import { FormStatus, useSetupForm } from "./use-setup-form";

export const levels = ["IMPACT", "OUTCOME", "OUTPUT"] as const;

type NodeValues = {
  id: string;
  level: string;
  code: string;
  title: string;
  description: string;
  parentId: string | null;
};

/** Adds a goal, outcome or output to the logframe, or edits one (`node`). */
export function ResultNodeForm({
  projectId,
  nodes,
  node,
}: {
  projectId: string;
  nodes: { id: string; code: string; title: string }[];
  node?: NodeValues;
}) {
  const id = (field: string) => `node-${node?.id ?? "new"}-${field}`;
  const { state, formAction, formKey, pending, t, error, value } = useSetupForm(resultNodeAction.bind(null, projectId));
  return (
    <form
      key={formKey}
      action={formAction}
      className="card"
      noValidate
      aria-labelledby={node ? undefined : "node-title"}
      aria-label={node ? `${t("editResult")}: ${node.code}` : undefined}
    >
      {node ? (
        <input type="hidden" name="nodeId" value={node.id} />
      ) : (
        <h2 id="node-title" style={{ marginTop: 0 }}>
          {t("addResult")}
        </h2>
      )}
      <FormStatus state={state} done={t("saved")} />
      <div className="field">
        <label htmlFor={id("level")}>{t("level")}</label>
        <select id={id("level")} name="level" defaultValue={value("level", node?.level ?? "OUTCOME")}>
          {levels.map((l) => (
            <option key={l} value={l}>
              {t(`levels.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id("parent")}>{t("parent")}</label>
        <select id={id("parent")} name="parentId" defaultValue={value("parentId", node?.parentId)}>
          <option value="">—</option>
          {nodes
            .filter((n) => n.id !== node?.id)
            .map((n) => (
              <option key={n.id} value={n.id}>
                {n.code} {n.title}
              </option>
            ))}
        </select>
      </div>
      <Field
        id={id("code")}
        name="code"
        label={t("code")}
        defaultValue={value("code", node?.code)}
        error={error("code")}
      />
      <Field
        id={id("title-input")}
        name="title"
        label={t("title")}
        defaultValue={value("title", node?.title)}
        error={error("title")}
      />
      <Field
        id={id("description")}
        name="description"
        label={t("description")}
        defaultValue={value("description", node?.description)}
      />
      <button className="button" type="submit" disabled={pending}>
        {node ? t("save") : t("addResult")}
      </button>
    </form>
  );
}
