import Link from "next/link";
import { getTranslations } from "next-intl/server";

const sections = ["settings", "logframe", "targets", "team", "partners"] as const;

/** Links between a project's setup pages, with the current one marked. */
export async function SetupNav({
  projectId,
  projectName,
  current,
}: {
  projectId: string;
  projectName: string;
  current: (typeof sections)[number];
}) {
  const t = await getTranslations("setup");
  return (
    <nav aria-label={t("setupNav")} className="project-actions">
      <Link href={`/projects/${projectId}`}>← {projectName}</Link>
      {sections.map((s) => (
        <Link key={s} href={`/projects/${projectId}/${s}`} aria-current={s === current ? "page" : undefined}>
          {t(`nav.${s}`)}
        </Link>
      ))}
    </nav>
  );
}
