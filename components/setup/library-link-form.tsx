"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { useRemountingAction } from "@/components/ui/use-remounting-action";
import type { ActionState } from "@/lib/domain/errors";
import { linkIndicatorAction, unlinkIndicatorAction } from "@/lib/server/library/actions";
import type { IndicatorLinkSetup } from "@/lib/server/library/link-setup";

/** A refusal's message: the link form's own, else the library's (the link check), else the setup's. */
export function useLibraryLinkMessage() {
  const own = useErrorMessage("libraryLink.errors");
  const library = useErrorMessage("organisation.errors");
  const setup = useErrorMessage("setup.errors");
  return (key: string | null | undefined) => {
    if (!key) return null;
    for (const lookup of [own, library]) {
      const found = lookup(key);
      if (found !== key) return found;
    }
    return setup(key);
  };
}

type Props = { projectId: string; indicatorId: string; setup: IndicatorLinkSetup };

/**
 * An indicator's link to the organisation's library on its setup page: the current link with its option
 * mappings and a button removing it, and the form linking it (again) with each required option mapped.
 */
export function LibraryLinkForm({ projectId, indicatorId, setup }: Props) {
  const t = useTranslations("libraryLink");
  const message = useLibraryLinkMessage();
  const link = useRemountingAction<ActionState>(linkIndicatorAction.bind(null, projectId, indicatorId), {});
  const unlink = useRemountingAction<ActionState>(unlinkIndicatorAction.bind(null, projectId, indicatorId), {});
  const { current } = setup;
  return (
    <section className="card" aria-labelledby="library-link-title" data-testid="library-link">
      <h2 id="library-link-title" style={{ marginTop: 0 }}>
        {t("title")}
      </h2>
      {current ? (
        <>
          <p data-testid="current-link">{t("linkedTo", { code: current.code, name: current.name })}</p>
          {current.options.length > 0 && (
            <ul>
              {current.options.map((o) => (
                <li key={`${o.dimensionKey}.${o.optionKey}`}>
                  {t("mapping", { dimension: o.dimensionKey, option: o.optionKey, projectOption: o.option })}
                </li>
              ))}
            </ul>
          )}
          <form key={unlink.formKey} action={unlink.formAction}>
            {unlink.state.error && (
              <p role="alert" className="error">
                {message(unlink.state.error)}
              </p>
            )}
            <button className="button secondary" type="submit" disabled={unlink.pending}>
              {t("unlink")}
            </button>
          </form>
        </>
      ) : (
        <p data-testid="current-link">{t("notLinked")}</p>
      )}
      {unlink.state.done && !current && <p role="status">{t("unlinked")}</p>}
      <LinkFields key={link.formKey} setup={setup} state={link.state} action={link.formAction} pending={link.pending} />
    </section>
  );
}

/** The link form's fields, mounted afresh with each answer so the choice and mappings show what was sent. */
function LinkFields({
  setup,
  state,
  action,
  pending,
}: {
  setup: IndicatorLinkSetup;
  state: ActionState;
  action: (form: FormData) => void;
  pending: boolean;
}) {
  const t = useTranslations("libraryLink");
  const message = useLibraryLinkMessage();
  const [chosenId, setChosenId] = useState(state.values?.libraryIndicatorId ?? setup.current?.id ?? "");
  const chosen = setup.choices.find((c) => c.id === chosenId);
  const fitting = setup.choices.filter((c) => c.problem === null);
  const others = setup.choices.filter((c) => c.problem !== null);
  const error = (field: string) => message(state.fieldErrors?.[field]);
  const choiceError = error("libraryIndicatorId") ?? error("indicatorId");
  const optionLabel = (c: (typeof setup.choices)[number]) => `${c.code}: ${c.name}`;
  return (
    <form action={action} noValidate aria-labelledby="library-link-form-title">
      <h3 id="library-link-form-title">{t("linkTitle")}</h3>
      {state.done && <p role="status">{t("linked")}</p>}
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      <div className="field">
        <label htmlFor="link-library">{t("libraryIndicator")}</label>
        <select
          id="link-library"
          name="libraryIndicatorId"
          value={chosenId}
          onChange={(e) => setChosenId(e.target.value)}
          aria-invalid={Boolean(choiceError)}
          aria-describedby="link-library-error"
        >
          <option value="">{t("choose")}</option>
          <optgroup label={t("fitting")}>
            {fitting.map((c) => (
              <option key={c.id} value={c.id}>
                {optionLabel(c)}
              </option>
            ))}
          </optgroup>
          {others.length > 0 && (
            <optgroup label={t("others")}>
              {others.map((c) => (
                <option key={c.id} value={c.id}>
                  {optionLabel(c)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        {choiceError && (
          <span id="link-library-error" className="error">
            {choiceError}
          </span>
        )}
        {chosen?.problem && !choiceError && (
          <p className="muted" role="note">
            {t("why", { code: chosen.code, reason: message(chosen.problem) ?? "" })}
          </p>
        )}
      </div>
      {chosen && chosen.dimensions.length > 0 && (
        <fieldset key={chosen.id}>
          <legend>{t("mapTitle")}</legend>
          {setup.dimensions.length === 0 && <p className="muted">{t("noDimensions")}</p>}
          {chosen.dimensions.map((d) => (
            <div key={d.key}>
              {d.options.map((o) => {
                const name = `options.${d.key}.${o.key}`;
                const id = `link-${d.key}-${o.key}`.replace(/[^\w-]/g, "_");
                return (
                  <div className="field" key={o.key}>
                    <label htmlFor={id}>{t("optionLabel", { dimension: d.name, option: o.name })}</label>
                    <select
                      id={id}
                      name={name}
                      defaultValue={state.values?.[name] ?? o.proposed}
                      aria-invalid={Boolean(error(name))}
                      aria-describedby={`${id}-error`}
                    >
                      <option value="">{t("noOption")}</option>
                      {setup.dimensions.map((pd) => (
                        <optgroup key={pd.key} label={pd.name}>
                          {pd.options.map((po) => (
                            <option key={po.id} value={po.id}>
                              {po.name}
                            </option>
                          ))}
                        </optgroup>
                      ))}
                    </select>
                    {error(name) && (
                      <span id={`${id}-error`} className="error">
                        {error(name)}
                      </span>
                    )}
                  </div>
                );
              })}
              {error(`options.${d.key}`) && <p className="error">{error(`options.${d.key}`)}</p>}
            </div>
          ))}
        </fieldset>
      )}
      <button className="button" type="submit" disabled={pending}>
        {t("link")}
      </button>
    </form>
  );
}
