import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CustomDimensionForm } from "@/components/setup/custom-dimension-form";
import { FromLibraryForm } from "@/components/setup/from-library-form";
import { IndicatorArrange } from "@/components/setup/indicator-arrange";
import { IndicatorForm } from "@/components/setup/indicator-form";
import { ResultNodeForm } from "@/components/setup/result-node-form";
import { SetupNav } from "@/components/setup/setup-nav";
import { TableScroll } from "@/components/ui/table-scroll";
import type { Locale } from "@/lib/domain/i18n/config";
import { requireUser } from "@/lib/platform/auth/session";
import { libraryChoices } from "@/lib/server/library/link-setup";
import { logframeForEditing } from "@/lib/server/projects/setup-views";

export default async function LogframePage({ params }: { params: Promise<{ projectId: string }> }) {
  const [{ projectId }, user] = await Promise.all([params, requireUser()]);
  const locale = (await getLocale()) as Locale;
  const [logframe, library, t] = await Promise.all([
    logframeForEditing(user, projectId),
    libraryChoices(user, projectId, locale),
    getTranslations("setup"),
  ]);
  if (!logframe) notFound();
  const { project, dimensions } = logframe;
  const nodes = project.resultNodes.map(({ id, code, title }) => ({ id, code, title }));
  const archived = project.resultNodes.flatMap((n) => n.indicators.filter((i) => i.archivedAt));
  return (
    <>
      <SetupNav projectId={project.id} projectName={project.name} current="logframe" />
      <h1>{t("logframeTitle")}</h1>
      {project.resultNodes.length === 0 && <p>{t("noResults")}</p>}
      {project.resultNodes.map((node) => (
        <section key={node.id} className="card logframe-node" aria-labelledby={`node-${node.id}`}>
          <h2 id={`node-${node.id}`}>
            <span className="muted">{t(`levels.${node.level}`)}</span> {node.code} {node.title}
          </h2>
          {node.description && <p className="muted">{node.description}</p>}
          <details>
            <summary>{t("editResult")}</summary>
            <ResultNodeForm
              projectId={project.id}
              nodes={nodes}
              node={{
                id: node.id,
                level: node.level,
                code: node.code,
                title: node.title,
                description: node.description,
                parentId: node.parentId,
              }}
            />
          </details>
          <TableScroll label={`${node.code} ${node.title}`}>
            <table className="data text-table">
              <thead>
                <tr>
                  <th scope="col">{t("code")}</th>
                  <th scope="col">{t("title")}</th>
                  <th scope="col">{t("measure")}</th>
                  <th scope="col">{t("source")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {node.indicators
                  .filter((i) => !i.archivedAt)
                  .map((i) => (
                    <tr key={i.id} data-indicator={i.code}>
                      <th scope="row">{i.code}</th>
                      <td>
                        <Link href={`/projects/${project.id}/logframe/${i.id}`}>{i.title}</Link>
                        {i.libraryLink && (
                          <span className="muted" data-testid="library-code">
                            {" "}
                            · {i.libraryLink.libraryIndicator.code}
                          </span>
                        )}
                      </td>
                      <td>{t(`measures.${i.measure}`)}</td>
                      <td>{t(`sources.${i.source}`)}</td>
                      <td>
                        <IndicatorArrange projectId={project.id} indicatorId={i.id} code={i.code} archived={false} />
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
      {archived.length > 0 && (
        <section aria-labelledby="archived-title">
          <h2 id="archived-title">{t("archived")}</h2>
          <ul>
            {archived.map((i) => (
              <li key={i.id}>
                {i.code} {i.title} <IndicatorArrange projectId={project.id} indicatorId={i.id} code={i.code} archived />
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="two-columns">
        <ResultNodeForm projectId={project.id} nodes={nodes} />
        <CustomDimensionForm projectId={project.id} />
        {nodes.length > 0 && (
          <IndicatorForm
            projectId={project.id}
            indicatorId={null}
            initial={null}
            nodes={nodes}
            dimensions={dimensions.map((d) => ({
              key: d.key,
              name: d.name,
              options: d.options.map((o) => o.name).join(", "),
            }))}
          />
        )}
        {nodes.length > 0 && library && library.length > 0 && (
          <FromLibraryForm projectId={project.id} library={library} nodes={nodes} />
        )}
      </div>
    </>
  );
}
