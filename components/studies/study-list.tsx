// A list of studies (the library's results, a project's studies): title in the page's language, type,
// year, countries, and the words that matched, highlighted. Rendered on the server: no client code.
import Link from "next/link";
import { nameFor, textFor } from "@/lib/domain/studies/text";
import type { StudyListItem } from "@/lib/server/studies/search";

export function StudyList({
  items,
  locale,
  href,
  empty,
}: {
  items: StudyListItem[];
  locale: string;
  /** Where a study's title links to; none: plain text. */
  href?: (id: string) => string;
  empty: string;
}) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="plain study-list">
      {items.map((item) => {
        const title = textFor(item.texts, locale)?.title ?? "";
        return (
          <li key={item.id} data-study={item.id}>
            <strong>{href ? <Link href={href(item.id)}>{title}</Link> : title}</strong>
            <br />
            <span className="muted">
              {[nameFor(item.type, locale), item.publishedOn?.slice(0, 4), item.countries.map((c) => c.name).join(", ")]
                .filter(Boolean)
                .join(" · ")}
            </span>
            {item.snippet && (
              <p className="snippet">
                {item.snippet.map((part, i) =>
                  part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                )}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
