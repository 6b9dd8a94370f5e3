// A project's studies in a few lines (the dashboard's and the donor report's "Studies"): title in the
// page's language, type, year, pages, and the abstract's first words on the donor report. Server-rendered,
// with plain links: it adds no client code to the dashboard or the donor page (their first-load budget).
import { nameFor, textFor } from "@/lib/domain/studies/text";

type Item = {
  id: string;
  publishedOn: string | null;
  pageCount: number | null;
  type: { nameEn: string; nameEs: string };
  texts: { language: string; title: string; abstract: string }[];
  files?: { id: string; fileName: string }[];
};

export function ProjectStudies({
  items,
  locale,
  title,
  empty,
  pages,
  linked,
  withAbstract = false,
  fileHref,
  filesLabel,
}: {
  items: Item[];
  locale: string;
  title: string;
  /** Shown when there is none; none given: the section is left out then. */
  empty?: string;
  pages: (count: number) => string;
  /** Titles link to the members' study page. */
  linked: boolean;
  withAbstract?: boolean;
  /** Where each document downloads from (the donor report's link route); none given: documents are not listed. */
  fileHref?: (studyId: string, fileId: string) => string;
  /** The documents list's accessible name. */
  filesLabel?: string;
}) {
  if (items.length === 0 && !empty) return null;
  return (
    <section aria-labelledby="project-studies-title" className="project-studies">
      <h2 id="project-studies-title">{title}</h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="plain">
          {items.map((item) => {
            const text = textFor(item.texts, locale);
            const abstract = text?.abstract ?? "";
            return (
              <li key={item.id} id={`study-${item.id}`} data-study={item.id}>
                <strong lang={text?.language}>
                  {linked ? <a href={`/studies/${item.id}`}>{text?.title}</a> : text?.title}
                </strong>{" "}
                <span className="muted">
                  {[nameFor(item.type, locale), item.publishedOn?.slice(0, 4), item.pageCount && pages(item.pageCount)]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
                {withAbstract && abstract && (
                  <p lang={text?.language}>{abstract.length > 600 ? `${abstract.slice(0, 600)}…` : abstract}</p>
                )}
                {fileHref && item.files && item.files.length > 0 && (
                  <ul className="plain" aria-label={filesLabel}>
                    {item.files.map((f) => (
                      <li key={f.id}>
                        <a href={fileHref(item.id, f.id)} download={f.fileName}>
                          {f.fileName}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
