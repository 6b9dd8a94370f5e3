"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import type { ActionState } from "@/lib/domain/errors";
import { deletePopulationFigureAction, savePopulationFigureAction } from "@/lib/server/population/actions";

const kinds = ["PEOPLE_IN_NEED", "POPULATION", "TARGET_POPULATION"] as const;

type Props = {
  places: { id: string; label: string }[];
  /** The figure being changed, as its fields' text; none to add one. */
  editing?: { id: string; values: Record<string, string> };
};

/** Adds or changes a place's population figure; the service checks who keeps the place. */
export function PopulationForm({ places, editing }: Props) {
  const t = useTranslations("population");
  const message = useErrorMessage("population.errors");
  const [state, action, pending] = useActionState<ActionState, FormData>(savePopulationFigureAction, {});
  const value = (name: string) => (state.done && !editing ? "" : (state.values?.[name] ?? editing?.values[name] ?? ""));
  const error = (name: string) => message(state.fieldErrors?.[name]);
  const formKey = JSON.stringify([state.done, state.values, state.fieldErrors]);
  const field = (name: string, type = "text") => (
    <Field
      id={`pop-${name}`}
      name={name}
      type={type}
      label={t(`fields.${name}`)}
      defaultValue={value(name)}
      error={error(name)}
      inputMode={name === "value" || name === "sharePercent" ? "decimal" : undefined}
    />
  );
  return (
    <form action={action} className="card" noValidate aria-labelledby="population-form-title" key={formKey}>
      <h2 id="population-form-title" style={{ marginTop: 0 }}>
        {editing ? t("editTitle") : t("addTitle")}
      </h2>
      {state.done && (
        <p role="status" className="success">
          {t("saved")}
        </p>
      )}
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      {editing && <input type="hidden" name="id" value={editing.id} />}
      <div className="field">
        <label htmlFor="pop-locationId">{t("fields.locationId")}</label>
        <select
          id="pop-locationId"
          name="locationId"
          defaultValue={value("locationId")}
          aria-invalid={Boolean(error("locationId"))}
          aria-describedby="pop-locationId-error"
        >
          <option value="">{t("choosePlace")}</option>
          {places.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        {error("locationId") && (
          <span id="pop-locationId-error" className="error">
            {error("locationId")}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor="pop-kind">{t("fields.kind")}</label>
        <select id="pop-kind" name="kind" defaultValue={value("kind") || kinds[0]}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {field("value")}
      {field("sharePercent")}
      {field("periodStart", "date")}
      {field("periodEnd", "date")}
      {field("source")}
      {field("sourceUrl", "url")}
      <button className="button" type="submit" disabled={pending}>
        {editing ? t("save") : t("add")}
      </button>
    </form>
  );
}

/** Deletes one figure (a button in its row). */
export function DeletePopulationFigure({ id, label }: { id: string; label: string }) {
  const t = useTranslations("population");
  const message = useErrorMessage("population.errors");
  const [state, action, pending] = useActionState<ActionState, FormData>(deletePopulationFigureAction, {});
  return (
    <form action={action} className="inline-actions">
      <input type="hidden" name="id" value={id} />
      <button
        className="button secondary"
        type="submit"
        disabled={pending}
        aria-label={t("deleteLabel", { figure: label })}
      >
        {t("delete")}
      </button>
      {state.error && (
        <span role="alert" className="error">
          {message(state.error)}
        </span>
      )}
    </form>
  );
}
