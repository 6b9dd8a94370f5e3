"use client";
import { Field } from "@/components/ui/field";
import { addSiteAction } from "@/lib/server/projects/actions";
import { FormStatus, useSetupForm } from "./use-setup-form";

export function AddSiteForm({ projectId, parents }: { projectId: string; parents: { id: string; name: string }[] }) {
  const { state, formAction, formKey, pending, t, error, value } = useSetupForm(addSiteAction.bind(null, projectId));
  return (
    <form key={formKey} action={formAction} className="card" noValidate aria-labelledby="site-title">
      <h2 id="site-title" style={{ marginTop: 0 }}>
        {t("addSite")}
      </h2>
      <FormStatus state={state} done={t("siteAdded")} />
      <div className="field">
        <label htmlFor="site-parent">{t("siteParent")}</label>
        <select id="site-parent" name="parentId" defaultValue={value("parentId")}>
          {parents.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <Field id="site-name" name="name" label={t("siteName")} defaultValue={value("name")} error={error("name")} />
      <Field
        id="site-iso"
        name="isoCode"
        label={t("siteIsoCode")}
        placeholder="RS-00"
        defaultValue={value("isoCode")}
        error={error("isoCode")}
      />
      <button className="button" type="submit" disabled={pending}>
        {t("addSite")}
      </button>
    </form>
  );
}
