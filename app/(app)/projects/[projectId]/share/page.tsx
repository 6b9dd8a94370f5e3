import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CreateShareLinkForm } from "@/components/share/create-share-link-form";
import { HeadlinesForm } from "@/components/share/headlines-form";
import { ShareLinkList } from "@/components/share/share-link-list";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { getProject } from "@/lib/projects/service";
import { headlineChoice, MAX_HEADLINES } from "@/lib/share-links/donor-report";
import { listShareLinks } from "@/lib/share-links/service";

export default async function ShareLinksPage({ params }: { params: Promise<{ projectId: string }> }) {
  const [{ projectId }, user] = await Promise.all([params, requireUser()]);
  const project = await getProject(user, projectId);
  if (!project || !can(user, "shareLinks.manage", project.id)) notFound();
  const [links, choices, t] = await Promise.all([
    listShareLinks(user, project.id),
    headlineChoice(user, project.id),
    getTranslations("share"),
  ]);
  return (
    <>
      <p>
        <Link href={`/projects/${project.id}`}>← {project.name}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <CreateShareLinkForm projectId={project.id} />
      <h2>{t("listTitle")}</h2>
      <ShareLinkList projectId={project.id} links={links} />
      <HeadlinesForm projectId={project.id} choices={choices} max={MAX_HEADLINES} />
    </>
  );
}
