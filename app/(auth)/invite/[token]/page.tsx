import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/setup/accept-invitation-form";
import { JoinInvitationButton } from "@/components/setup/join-invitation-button";
import { currentUser } from "@/lib/platform/auth/session";
import { findInvitation } from "@/lib/server/projects/members";

export const metadata = { robots: { index: false } };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user, t, tApp] = await Promise.all([
    findInvitation(token),
    currentUser(),
    getTranslations("setup"),
    getTranslations("app"),
  ]);
  const role = invitation ? t(`roles.${invitation.role}`) : "";
  return (
    <main id="content" className="login">
      <p className="muted">{tApp("name")}</p>
      {invitation ? (
        <>
          <h1>{t("joinTitle", { project: invitation.project.name })}</h1>
          {user?.email === invitation.email ? (
            // Signed in as the invited address: the session proves the account, one click joins.
            <>
              <p>{t("joinSignedIn", { email: invitation.email, role })}</p>
              <JoinInvitationButton token={token} />
            </>
          ) : (
            <>
              {user && <p className="muted">{t("joinOtherAccount", { email: user.email })}</p>}
              <p>{t("joinIntro", { email: invitation.email, role })}</p>
              <AcceptInvitationForm token={token} />
            </>
          )}
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
