import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { getProject } from "@/lib/projects/service";

type Project = NonNullable<Awaited<ReturnType<typeof getProject>>>;

/** The logframe as a list of links, one per indicator, grouped by goal, outcome and output. */
export async function LogframeNav({ project, selectedId }: { project: Project; selectedId: string | null }) {
  const t = await getTranslations("project");
  return (
    <nav className="logframe" aria-label={t("logframe")}>
      <h2>{t("logframe")}</h2>
      {project.resultNodes.map((node) => (
        <div key={node.id}>
          <div className="level">
            {t(`levels.${node.level}`)} {node.code}
          </div>
          <div>{node.title}</div>
          <ul>
            {node.indicators.map((i) => (
              <li key={i.id}>
                <Link
                  href={`/projects/${project.id}?indicator=${i.id}`}
                  aria-current={i.id === selectedId ? "page" : undefined}
                >
                  {i.code} {i.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
