"use client";
import { useTranslations } from "next-intl";
import { INSTANCE_WEBHOOK_EVENTS, WEBHOOK_EVENTS } from "@/lib/domain/webhooks/schema";

/** The events a webhook may take, as checkboxes (the add and the edit forms); fewer for an instance one. */
export function EventChoices({
  id,
  checked,
  error,
  instance,
}: {
  id: string;
  checked?: string[];
  error?: string | null;
  instance?: boolean;
}) {
  const t = useTranslations("webhooks");
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t("fields.events")}</legend>
      {(instance ? INSTANCE_WEBHOOK_EVENTS : WEBHOOK_EVENTS).map((e) => (
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
