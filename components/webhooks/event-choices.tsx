"use client";
import { useTranslations } from "next-intl";
import { WEBHOOK_EVENTS } from "@/lib/domain/webhooks/schema";

/** The events a webhook may take, as checkboxes (the add and the edit forms). */
export function EventChoices({ id, checked, error }: { id: string; checked?: string[]; error?: string | null }) {
  const t = useTranslations("webhooks");
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t("fields.events")}</legend>
      {WEBHOOK_EVENTS.map((e) => (
        <label key={e} style={{ display: "block" }}>
          <input type="checkbox" name="events" value={e} defaultChecked={checked ? checked.includes(e) : true} />{" "}
          {t(`events.${e.split(".")[1]}`)} <code>{e}</code>
        </label>
      ))}
      {error && (
        <p id={`${id}-error`} className="error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
