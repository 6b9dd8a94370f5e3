import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { WebhookPanel } from "@/components/webhooks/webhook-panel";
import { can } from "@/lib/domain/permissions";
import { requireUser } from "@/lib/platform/auth/session";
import { listWebhooks } from "@/lib/server/webhooks/service";

// The instance webhooks (every project's events), with the project webhooks' panel and form: admins only.
export default async function InstanceWebhooksPage() {
  const user = await requireUser();
  if (!can(user, "webhooks.manageInstance")) notFound();
  const [webhooks, t] = await Promise.all([listWebhooks(user, null), getTranslations("webhooks")]);
  return (
    <>
      <h1>{t("instanceTitle")}</h1>
      <p className="muted">{t("instanceIntro")}</p>
      {webhooks.length === 0 && <p>{t("none")}</p>}
      {webhooks.map((w) => (
        <WebhookPanel key={w.id} projectId={null} webhook={w} />
      ))}
      <WebhookForm projectId={null} />
    </>
  );
}
