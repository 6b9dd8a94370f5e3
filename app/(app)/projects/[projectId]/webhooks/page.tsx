import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { WebhookPanel } from "@/components/webhooks/webhook-panel";
import { gateProjectPage } from "@/lib/server/projects/page-gate";
import { listWebhooks } from "@/lib/server/webhooks/service";

export default async function WebhooksPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { user, project } = await gateProjectPage(params, "webhooks.manage");
  const [webhooks, t] = await Promise.all([listWebhooks(user, project.id), getTranslations("webhooks")]);
  return (
    <>
      <p>
        <Link href={`/projects/${project.id}`}>← {project.name}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {webhooks.length === 0 && <p>{t("none")}</p>}
      {webhooks.map((w) => (
        <WebhookPanel key={w.id} projectId={project.id} webhook={w} />
      ))}
      <WebhookForm projectId={project.id} />
    </>
  );
}
