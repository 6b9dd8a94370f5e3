// "Source: Final evaluation, 2021, p. 14": a value's cited study, linked where the reader may open it.
// Server-rendered with a plain link: it adds no client code to the pages that show it (their budgets).
import { getLocale, getTranslations } from "next-intl/server";
import { nameFor } from "@/lib/domain/studies/text";
import type { Citation } from "@/lib/server/studies/citations";

/** `href`: where the study opens for this reader; none: its type and year, without a link. */
export async function CitedSource({ citation, href }: { citation: Citation; href?: string }) {
  const [t, locale] = await Promise.all([getTranslations("studies.citation"), getLocale()]);
  const study = [nameFor(citation.type, locale), citation.year].filter(Boolean).join(", ");
  const page = citation.page === null ? "" : `, ${t("page", { page: citation.page })}`;
  return (
    // The study's id only beside its link: a reader who may not open it learns nothing of it.
    <span className="cited-source" data-study={href ? citation.studyId : undefined}>
      {t("source")} {href ? <a href={href}>{study}</a> : study}
      {page}
    </span>
  );
}
