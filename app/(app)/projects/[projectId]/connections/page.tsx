import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConnectionForm } from "@/components/connections/connection-form";
import { ConnectionPanel } from "@/components/connections/connection-panel";
import { connectionsOverview } from "@/lib/server/connections/overview";
import { gateProjectPage } from "@/lib/server/projects/page-gate";

export default async function ConnectionsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { user, project } = await gateProjectPage(params, "connections.sync");
  const [overview, t] = await Promise.all([connectionsOverview(user, project.id), getTranslations("connections")]);
  return (
    <>
      <p>
        <Link href={`/projects/${project.id}`}>← {project.name}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <p>
        <Link href={`/projects/${project.id}/import/survey`}>{t("rulesLink")}</Link>
      </p>
      {overview.connections.length === 0 && <p>{t("none")}</p>}
      {overview.connections.map((c) => (
        <ConnectionPanel key={c.id} projectId={project.id} connection={c} mayManage={overview.mayManage} />
      ))}
      {overview.mayManage && <ConnectionForm projectId={project.id} />}
    </>
  );
}
