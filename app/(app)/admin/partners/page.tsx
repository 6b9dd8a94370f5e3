import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AddMemberForm, NewPartnerForm, RemoveMemberForm } from "@/components/admin/partner-forms";
import { TableScroll } from "@/components/ui/table-scroll";
import { can } from "@/lib/domain/permissions";
import { requireUser } from "@/lib/platform/auth/session";
import { listPartners } from "@/lib/server/partners/service";

// The partner organisations and their members (#34): admins only ("partners.manage"); projects' managers
// assign them sites on each project's partners page.
export default async function AdminPartnersPage() {
  const user = await requireUser();
  if (!can(user, "partners.manage")) notFound();
  const [partners, t] = await Promise.all([listPartners(user), getTranslations("partners")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {partners.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <TableScroll label={t("title")}>
          <table className="data text-table">
            <caption>{t("title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("partner")}</th>
                <th scope="col">{t("sites")}</th>
                <th scope="col">{t("members")}</th>
              </tr>
            </thead>
            <tbody>
              {partners.map((p) => (
                <tr key={p.id} data-partner={p.name}>
                  <th scope="row">{p.name}</th>
                  <td data-col="sites">{p.sites}</td>
                  <td>
                    {p.members.length === 0 ? (
                      <p className="muted">{t("noMembers")}</p>
                    ) : (
                      <ul className="plain">
                        {p.members.map((m) => (
                          <li key={m.userId} data-member={m.email} className="inline-actions">
                            <span>
                              {m.name} ({m.email}): {t(`roles.${m.role}`)}
                            </span>
                            <RemoveMemberForm partnerId={p.id} partner={p.name} userId={m.userId} name={m.name} />
                          </li>
                        ))}
                      </ul>
                    )}
                    <AddMemberForm partnerId={p.id} partner={p.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <NewPartnerForm />
    </>
  );
}
