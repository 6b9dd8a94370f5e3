// A study's page body: abstract and metadata, findings, documents and what it is linked to. Rendered on the
// server (the members' study page); labels come translated from the page.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { nameFor, textFor } from "@/lib/domain/studies/text";
import type { StudyDetail } from "@/lib/server/studies/service";

export async function StudyDetails({
  study,
  locale,
  fileHref = (fileId) => `/studies/${study.id}/files/${fileId}`,
}: {
  study: StudyDetail;
  locale: string;
  /** Where a document downloads from (the public library serves its own). */
  fileHref?: (fileId: string) => string;
}) {
  const [t, format] = await Promise.all([getTranslations("studies"), getFormatter()]);
  const text = textFor(study.texts, locale);
  const others = study.texts.filter((x) => x !== text);
  const day = (d: string | null) =>
    d ? format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : null;
  const fieldwork = [day(study.fieldworkStart), day(study.fieldworkEnd)].filter(Boolean).join(" – ");
  const rows: [string, string | null][] = [
    [t("type"), nameFor(study.type, locale)],
    [t("method"), study.method ? t(`methods.${study.method}`) : null],
    [t("instruments"), study.instruments || null],
    [t("fieldwork"), fieldwork || null],
    [t("published"), day(study.publishedOn)],
    [t("authors"), study.authors || null],
    [t("commissionedBy"), study.commissionedBy || null],
    [t("pageCount"), study.pageCount ? t("pages", { count: study.pageCount }) : null],
    [t("places"), study.places.map((p) => p.name).join(", ") || null],
    [t("themes"), study.themes.map((x) => nameFor(x, locale)).join(", ") || null],
    [t("visibility"), t(`visibilities.${study.visibility}`)],
  ];
  return (
    <article className="study">
      <h1 lang={text?.language}>{text?.title}</h1>
      {study.provenance && <p className="muted">{t(`provenance.${study.provenance}`)}</p>}
      {text?.abstract && (
        <section>
          <h2>{t("abstract")}</h2>
          <p lang={text.language}>{text.abstract}</p>
        </section>
      )}
      {others.map((o) => (
        <section key={o.language} lang={o.language}>
          <h2>{o.title}</h2>
          {o.abstract && <p>{o.abstract}</p>}
        </section>
      ))}
      <dl className="study-meta">
        {rows
          .filter((r): r is [string, string] => Boolean(r[1]))
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {study.samples.length > 0 && (
        <section>
          <h2>{t("sample")}</h2>
          <ul>
            {study.samples.map((s) => (
              <li key={s.group}>
                {s.group}
                {s.planned !== null && ` · ${t("planned")} ${s.planned}`}
                {s.achieved !== null && ` · ${t("achieved")} ${s.achieved}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      {study.findings.length > 0 && (
        <section>
          <h2>{t("findings")}</h2>
          <ul>
            {study.findings.map((f) => (
              <li key={f.id} lang={f.language}>
                {f.statement}
                {f.indicator && (
                  <>
                    {" "}
                    (
                    <Link href={`/projects/${f.indicator.projectId}/indicators/${f.indicator.id}`}>
                      {f.indicator.code}
                    </Link>
                    )
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2>{t("files")}</h2>
        {study.files.length === 0 ? (
          <p className="muted">{t("noFiles")}</p>
        ) : (
          <ul>
            {study.files.map((f) => (
              <li key={f.id}>
                <a href={fileHref(f.id)} download>
                  {f.fileName}
                </a>{" "}
                <span className="muted">({Math.ceil(f.size / 1024)} KB)</span>
                {/* A PDF or DOCX whose text could not be read (unreadable, too long, too slow): kept, not searched. */}
                {f.textStatus && f.textStatus !== "SEARCHABLE" && (
                  <span className="muted"> · {t("textNotSearchable")}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {study.projects.length > 0 && (
        <section>
          <h2>{t("projects")}</h2>
          <ul>
            {study.projects.map((p) => (
              <li key={p.id}>
                <Link href={`/projects/${p.id}`}>
                  {p.code} · {p.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {study.rounds.length > 0 && (
        <section>
          <h2>{t("rounds")}</h2>
          <ul>
            {study.rounds.map((r) => (
              <li key={r.id}>{r.name}</li>
            ))}
          </ul>
        </section>
      )}
      {study.indicators.length > 0 && (
        <section>
          <h2>{t("indicators")}</h2>
          <ul>
            {study.indicators.map((i) => (
              <li key={i.id}>
                <Link href={`/projects/${i.projectId}/indicators/${i.id}`}>
                  {i.code} · {i.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
