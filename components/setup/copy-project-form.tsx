"use client";
import { Field } from "@/components/ui/field";
import { copyProjectAction } from "@/lib/server/projects/actions";
import { ProjectIdentityFields } from "./project-identity-fields";
import { FormStatus, useSetupForm } from "./use-setup-form";

/** A new phase from this project: its framework and life-of-project targets, no results. */
export function CopyProjectForm({ projectId }: { projectId: string }) {
  const { state, formAction, formKey, pending, t, error, value } = useSetupForm(
    copyProjectAction.bind(null, projectId),
  );
  return (
    <form key={formKey} action={formAction} className="card" noValidate aria-labelledby="copy-title">
      <h2 id="copy-title" style={{ marginTop: 0 }}>
        {t("copyTitle")}
      </h2>
      <p className="muted">{t("copyIntro")}</p>
      <FormStatus state={state} />
      <ProjectIdentityFields prefix="copy" t={t} value={(f) => value(f)} error={error} />
      <Field
        id="copy-manager"
        name="manager"
        type="email"
        label={t("manager")}
        defaultValue={value("manager")}
        error={error("manager")}
      />
      <button className="button" type="submit" disabled={pending}>
        {t("copy")}
      </button>
    </form>
  );
}
