import { getFormatter, getTranslations } from "next-intl/server";
import { InviteForm } from "@/components/setup/invite-form";
import { MemberRoleForm } from "@/components/setup/member-role-form";
import { SetupNav } from "@/components/setup/setup-nav";
import { RevokeButton } from "@/components/ui/revoke-button";
import { TableScroll } from "@/components/ui/table-scroll";
import { env } from "@/lib/platform/env";
import { revokeInvitationAction } from "@/lib/server/projects/actions";
import { listTeam } from "@/lib/server/projects/members";
import { gateProjectPage } from "@/lib/server/projects/page-gate";

export default async function TeamPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { user, project } = await gateProjectPage(params, "members.manage");
  const [{ members, invitations }, t, format] = await Promise.all([
    listTeam(user, project.id),
    getTranslations("setup"),
    getFormatter(),
  ]);
  return (
    <>
      <SetupNav projectId={project.id} projectName={project.name} current="team" />
      <h1>{t("teamTitle")}</h1>
      <TableScroll label={t("members")}>
        <table className="data text-table">
          <caption>{t("members")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("memberName")}</th>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("role")}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id} data-member={m.user.email}>
                <th scope="row">{m.user.name}</th>
                <td>{m.user.email}</td>
                <td>
                  <MemberRoleForm projectId={project.id} userId={m.user.id} name={m.user.name} role={m.role} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {invitations.length > 0 && (
        <TableScroll label={t("pending")}>
          <table className="data text-table">
            <caption>{t("pending")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("email")}</th>
                <th scope="col">{t("role")}</th>
                <th scope="col">{t("expires")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("revoke")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.email}</th>
                  <td>{t(`roles.${i.role}`)}</td>
                  <td>{format.dateTime(i.expiresAt, { dateStyle: "medium" })}</td>
                  <td>
                    <RevokeButton
                      action={revokeInvitationAction.bind(null, project.id)}
                      name="invitationId"
                      id={i.id}
                      label={`${t("revoke")}: ${i.email}`}
                      text={t("revoke")}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <InviteForm projectId={project.id} appUrl={env().APP_URL} />
    </>
  );
}
