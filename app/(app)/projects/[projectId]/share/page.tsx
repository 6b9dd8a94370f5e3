import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateShareLinkForm } from "@/components/share/create-share-link-form";
import { HeadlinesForm } from "@/components/share/headlines-form";
import { ShareLinkList } from "@/components/share/share-link-list";
import { gateProjectPage } from "@/lib/server/projects/page-gate";
import { headlineChoice, MAX_HEADLINES } from "@/lib/server/share-links/donor-report";
import { listShareLinks } from "@/lib/server/share-links/service";

export default async function ShareLinksPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { user, project } = await gateProjectPage(params, "shareLinks.manage");
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
