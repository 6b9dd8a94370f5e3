import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ReviewForm } from "@/components/entry/review-row";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { getProject } from "@/lib/projects/service";
import { submittedResults } from "@/lib/results/service";

export default async function ReviewPage({ params }: { params: Promise<{ projectId: string }> }) {
  const [{ projectId }, user] = await Promise.all([params, requireUser()]);
  const project = await getProject(user, projectId);
  if (!project || !can(user, "results.review", project.id)) notFound();
  const [results, t, tPage, format] = await Promise.all([
    submittedResults(user, project.id),
    getTranslations("entry.review"),
    getTranslations("indicatorPage"),
    getFormatter(),
  ]);
  const value = (r: (typeof results)[number]) =>
    r.textValue ??
    (r.numerator !== null && r.denominator !== null
      ? `${format.number(r.numerator)} / ${format.number(r.denominator)}`
      : r.value === null
        ? "–"
        : format.number(r.value));
  return (
    <>
      <p>
        <Link href={`/projects/${project.id}`}>← {project.name}</Link>
      </p>
      <h1>{t("title")}</h1>
      {results.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <caption>{t("title")}</caption>
            <thead>
              <tr>
                <th scope="col">{tPage("figure")}</th>
                <th scope="col">{tPage("location")}</th>
                <th scope="col">{tPage("periodOrRound")}</th>
                <th scope="col">{tPage("option")}</th>
                <th scope="col">{tPage("value")}</th>
                <th scope="col">{tPage("comments")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("approve")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr
                  key={r.id}
                  data-result={`${r.indicator.code}|${r.location.name}|${r.period?.label ?? r.round?.name ?? ""}`}
                >
                  <th scope="row">
                    {r.indicator.code} {r.indicator.title}
                  </th>
                  <td>{r.location.name}</td>
                  <td>{r.period?.label ?? r.round?.name}</td>
                  <td>{r.option ? `${r.option.dimension.name}: ${r.option.name}` : tPage("total")}</td>
                  <td>{value(r)}</td>
                  <td>{r.note || "–"}</td>
                  <td>
                    <ReviewForm
                      projectId={project.id}
                      resultId={r.id}
                      version={r.version}
                      label={`${r.indicator.code} ${r.location.name} ${r.period?.label ?? r.round?.name ?? ""}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
