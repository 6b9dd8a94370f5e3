import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/setup/accept-invitation-form";
import { findInvitation } from "@/lib/server/projects/members";

export const metadata = { robots: { index: false } };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, t, tApp] = await Promise.all([
    findInvitation(token),
    getTranslations("setup"),
    getTranslations("app"),
  ]);
  return (
    <main id="content" className="login">
      <p className="muted">{tApp("name")}</p>
      {invitation ? (
        <>
          <h1>{t("joinTitle", { project: invitation.project.name })}</h1>
          <p>{t("joinIntro", { email: invitation.email, role: t(`roles.${invitation.role}`) })}</p>
          <AcceptInvitationForm token={token} />
        </>
      ) : (
        <>
          <h1>{t("joinTitleUnknown")}</h1>
          <p role="alert">{t("errors.failed")}</p>
        </>
      )}
    </main>
  );
}
