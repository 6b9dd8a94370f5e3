import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { UserActions } from "@/components/admin/user-actions";
import { TableScroll } from "@/components/ui/table-scroll";
import { can } from "@/lib/domain/permissions";
import { requireUser } from "@/lib/platform/auth/session";
import { listUsers } from "@/lib/server/users/manage";

export default async function AdminUsersPage() {
  const user = await requireUser();
  if (!can(user, "users.manage")) notFound();
  const [users, t, tSetup, format] = await Promise.all([
    listUsers(user),
    getTranslations("adminUsers"),
    getTranslations("setup"),
    getFormatter(),
  ]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : t("never"));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <TableScroll label={t("title")}>
        <table className="data">
          <caption>{t("title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("user")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("orgRoles")}</th>
              <th scope="col">{t("projects")}</th>
              <th scope="col">{t("lastSignIn")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-user={u.email}>
                <th scope="row">
                  {u.name}
                  <br />
                  <span className="muted">{u.email}</span>
                </th>
                <td data-col="status">{u.deactivatedAt ? t("deactivated") : t("active")}</td>
                <td data-col="roles">
                  {[
                    u.isAdmin && t("admin"),
                    u.orgRole === "PROGRAM_MANAGER" && t("programManager"),
                    u.orgRole === "ME_LEAD" && t("meLead"),
                  ]
                    .filter(Boolean)
                    .join(", ") || "–"}
                </td>
                <td>
                  {u.projects.length === 0 ? (
                    "–"
                  ) : (
                    <ul className="plain">
                      {u.projects.map((p) => (
                        <li key={p.id}>
                          {p.name} ({tSetup(`roles.${p.role}`)})
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{when(u.lastSignInAt)}</td>
                <td>
                  <UserActions
                    userId={u.id}
                    name={u.name}
                    isAdmin={u.isAdmin}
                    isProgramManager={u.orgRole === "PROGRAM_MANAGER"}
                    isMeLead={u.orgRole === "ME_LEAD"}
                    active={!u.deactivatedAt}
                    self={u.id === user.userId}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
