"use client";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { matchingPlaces } from "./place-filter";

export type PlaceOption = { id: string; ref: string; name: string; isoCode: string | null; depth: number };

/**
 * Checkboxes for the places a project works in: countries with their regions and sites indented below,
 * narrowed by typing part of a name or code (a region's or its country's). Chosen places always stay in view.
 */
export function PlacesPicker({
  name,
  places,
  isChecked,
  error,
  note,
}: {
  name: string;
  places: PlaceOption[];
  isChecked: (value: string) => boolean;
  error?: string | null;
  /** Said after a place's name (who reports there, on a project's partners page). */
  note?: (place: PlaceOption) => string | null;
}) {
  const t = useTranslations("setup");
  const [filter, setFilter] = useState("");
  const [checked, setChecked] = useState(() => new Set(places.filter((p) => isChecked(p.ref)).map((p) => p.ref)));
  const matching = useMemo(() => matchingPlaces(places, filter), [places, filter]);
  const shown = (p: PlaceOption) => checked.has(p.ref) || matching.has(p.id);
  return (
    <fieldset className="field" aria-invalid={Boolean(error)} aria-describedby={`${name}-error`}>
      <legend>{t("places")}</legend>
      <input
        type="search"
        aria-label={t("placesFilter")}
        placeholder={t("placesFilter")}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <div className="places">
        {places.map((p) => (
          <label
            key={p.id}
            hidden={!shown(p)}
            style={{ display: shown(p) ? "block" : "none", marginInlineStart: `${p.depth * 1.5}rem` }}
          >
            <input
              type="checkbox"
              name={name}
              value={p.ref}
              defaultChecked={isChecked(p.ref)}
              onChange={(e) =>
                setChecked((before) => {
                  const next = new Set(before);
                  if (e.target.checked) next.add(p.ref);
                  else next.delete(p.ref);
                  return next;
                })
              }
            />{" "}
            {p.name}
            {p.isoCode && <span className="muted"> ({p.isoCode})</span>}
            {note?.(p) && <span className="muted"> · {note(p)}</span>}
          </label>
        ))}
      </div>
      {error && (
        <span id={`${name}-error`} className="error">
          {error}
        </span>
      )}
    </fieldset>
  );
}
