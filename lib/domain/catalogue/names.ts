// The shared catalogue's dimensions and options in the reader's language. Only what the catalogue
// ships is translated; a project's own dimensions keep the names their project gave them.
import type { Locale } from "@/lib/domain/i18n/config";
import { BASE_DIMENSIONS } from "./reference-data";

type Named = { key: string; name: string };
type Dimension = Named & { projectId?: string | null; isCustom?: boolean; options?: Named[] };

const spanish = new Map<string, { name: string; options: Map<string, string> }>(
  BASE_DIMENSIONS.map((d) => [d.key, { name: d.es, options: new Map(d.options.map(([key, , es]) => [key, es])) }]),
);

/** Whether a dimension is the shipped catalogue's (not a project's own, not one added to it later). */
export function isShippedCatalogue(d: Dimension): boolean {
  return d.projectId == null && d.isCustom !== true && spanish.has(d.key);
}

/** A dimension with its name and its options' names in `locale` when the catalogue ships them. */
export function localizeDimension<D extends Dimension>(d: D, locale: Locale): D {
  const names = locale === "es" && isShippedCatalogue(d) ? spanish.get(d.key) : undefined;
  if (!names) return d;
  return {
    ...d,
    name: names.name,
    ...(d.options ? { options: d.options.map((o) => ({ ...o, name: names.options.get(o.key) ?? o.name })) } : {}),
  };
}
