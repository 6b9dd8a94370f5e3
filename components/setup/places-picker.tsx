"use client";
import { useTranslations } from "next-intl";

export type PlaceOption = { id: string; ref: string; name: string; isoCode: string | null; depth: number };

/** Checkboxes for the places a project works in: countries with their regions indented below. */
export function PlacesPicker({
  name,
  places,
  isChecked,
  error,
}: {
  name: string;
  places: PlaceOption[];
  isChecked: (value: string) => boolean;
  error?: string | null;
}) {
  const t = useTranslations("setup");
  return (
    <fieldset className="field places" aria-invalid={Boolean(error)} aria-describedby={`${name}-error`}>
      <legend>{t("places")}</legend>
      {places.map((p) => (
        <label key={p.id} style={{ display: "block", marginInlineStart: `${p.depth * 1.5}rem` }}>
          <input type="checkbox" name={name} value={p.ref} defaultChecked={isChecked(p.ref)} /> {p.name}
          {p.isoCode && <span className="muted"> ({p.isoCode})</span>}
        </label>
      ))}
      {error && (
        <span id={`${name}-error`} className="error">
          {error}
        </span>
      )}
    </fieldset>
  );
}
