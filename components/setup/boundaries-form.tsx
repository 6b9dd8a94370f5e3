"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { type FileTooLarge, fileOverCap, megabytes } from "@/lib/domain/format/file-size";
import { type BoundaryImportState, importBoundariesAction } from "@/lib/server/maps/actions";

type Coverage = { name: string; shape: "outline" | "point" | "none" }[];

/** The settings page's map outlines: which places are on the map, and a GeoJSON file to add them. */
export function BoundariesForm({
  projectId,
  coverage,
  caps,
}: {
  projectId: string;
  coverage: Coverage;
  /** The file's cap (lib/platform/upload-limits.ts): a larger one is refused here, before it is sent. */
  caps: { file: number };
}) {
  const t = useTranslations("maps.settings");
  const [state, formAction, pending] = useActionState<BoundaryImportState, FormData>(
    importBoundariesAction.bind(null, projectId),
    {},
  );
  const [oversized, setOversized] = useState<FileTooLarge | null>(null);
  const tooLarge = oversized ?? state.tooLarge;
  const matched = state.matched ?? [];
  const unmatched = state.unmatched ?? [];
  return (
    <form action={formAction} className="card" aria-labelledby="boundaries-title">
      <h2 id="boundaries-title" style={{ marginTop: 0 }}>
        {t("title")}
      </h2>
      <p className="muted">{t("intro")}</p>
      <h3>{t("coverage")}</h3>
      <ul data-testid="map-coverage">
        {coverage.map((p) => (
          <li key={p.name} data-shape={p.shape}>
            {p.name}: {t(`shape.${p.shape}`)}
          </li>
        ))}
      </ul>
      {(oversized || state.error) && (
        <p role="alert" className="error">
          {t(`errors.${oversized ? "tooLarge" : (state.error ?? "tooLarge")}`, {
            field: t("file"),
            mb: megabytes(tooLarge?.maxBytes ?? 0),
          })}
        </p>
      )}
      {state.problems && (
        <ul role="alert" className="error">
          {state.problems.map((p) => (
            <li key={JSON.stringify(p)}>{t(`errors.${p.code}`, p as never)}</li>
          ))}
        </ul>
      )}
      {state.matched && (
        <div role="status">
          {matched.length ? (
            <p>{t("matched", { count: matched.length, names: matched.join(", ") })}</p>
          ) : (
            <p className="error">{t("noneMatched")}</p>
          )}
          {unmatched.length > 0 && (
            <p className="muted">
              {t("unmatched", {
                count: unmatched.length,
                names: unmatched.slice(0, 12).join(", ") + (unmatched.length > 12 ? ", …" : ""),
              })}
            </p>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor="boundaries-file">{t("file")}</label>
        <input
          id="boundaries-file"
          name="file"
          type="file"
          accept=".geojson,.json,application/geo+json"
          onChange={(e) => {
            const refusal = fileOverCap("file", e.target.files?.[0], caps.file);
            setOversized(refusal);
            if (refusal) e.target.value = "";
          }}
        />
      </div>
      <button className="button" type="submit" aria-disabled={pending}>
        {t("upload")}
      </button>
    </form>
  );
}
