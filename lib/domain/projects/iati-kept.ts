// What an imported IATI activity says that the app does not model, kept as published and written back
// by the export: the reporting organisation's names, titles and descriptions of every type in every language, participating organisations
// with their refs, types and roles, recipient regions with vocabulary and percentage, document links.
// Elements are kept whole (attributes, children, narratives with their xml:lang), so the export repeats
// them unchanged. Pure: no I/O.
import { z } from "zod";

export type KeptXml = {
  name: string;
  attributes: Record<string, string>;
  /** Text content, for elements without children (narratives). */
  text?: string;
  children: KeptXml[];
};

const keptXml: z.ZodType<KeptXml, KeptXml> = z.lazy(() =>
  z.object({
    name: z.string().min(1).max(100),
    attributes: z.record(z.string(), z.string()),
    text: z.string().optional(),
    children: z.array(keptXml),
  }),
);

export const iatiKeptSchema = z.object({
  /** The activity's own attributes besides its language and update time (default-currency, hierarchy…). */
  attributes: z.record(z.string(), z.string()).default({}),
  /** In the order of the file; each is one of KEPT_ELEMENTS. */
  elements: z.array(keptXml).default([]),
  /** Each result's own texts, document links and references (RESULT_KEPT_ELEMENTS), by the result's code. */
  results: z.record(z.string(), z.array(keptXml)).default({}),
  /** Each indicator's own texts, document links and references, by the indicator's code. */
  indicators: z.record(z.string(), z.array(keptXml)).default({}),
});

export type IatiKept = z.output<typeof iatiKeptSchema>;

/** The activity's elements kept as published, in the order the IATI 2.03 schema puts them. */
export const KEPT_ELEMENTS = [
  "reporting-org",
  "title",
  "description",
  "participating-org",
  "activity-date",
  "recipient-region",
  "document-link",
] as const;

/** A result's or indicator's elements kept as published (an indicator's own reference is its code). */
export const RESULT_KEPT_ELEMENTS = ["title", "description", "document-link", "reference"] as const;

/** Activity elements the app models itself (read into the project, written from it). */
export const MODELLED_ELEMENTS = [
  "iati-identifier",
  "activity-status",
  "recipient-country",
  "location",
  "result",
] as const;

/** Activity attributes the export writes itself. */
export const OWN_ACTIVITY_ATTRIBUTES = ["xml:lang", "last-updated-datetime"];

type Tree = { name: string; attributes: Record<string, string>; children: Tree[]; text: string };

/** An element of the parsed file as kept data: whitespace between child elements is not text. */
export function keep(e: Tree): KeptXml {
  return {
    name: e.name,
    attributes: { ...e.attributes },
    ...(e.children.length === 0 && { text: e.text }),
    children: e.children.map(keep),
  };
}

/** Each narrative of an element with the language it is in: its own, its parents', or the activity's. */
export function narrativesOf(
  e: { name: string; attributes: Record<string, string>; children: unknown[]; text?: string },
  inherited: string,
): { lang: string; text: string }[] {
  const lang = e.attributes["xml:lang"] ?? inherited;
  if (e.name === "narrative") return [{ lang, text: clean(e.text ?? "") }];
  return (e.children as (typeof e)[]).filter((c) => c.name === "narrative").flatMap((c) => narrativesOf(c, lang));
}

export const clean = (text: string) => text.trim().replace(/\s+/g, " ");
