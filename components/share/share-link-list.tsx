import { getFormatter, getTranslations } from "next-intl/server";
import { RevokeButton } from "@/components/ui/revoke-button";
import { TableScroll } from "@/components/ui/table-scroll";
import { revokeShareLinkAction } from "@/lib/server/share-links/actions";
import type { listShareLinks } from "@/lib/server/share-links/service";

type Links = Awaited<ReturnType<typeof listShareLinks>>;

export async function ShareLinkList({ projectId, links }: { projectId: string; links: Links }) {
  const [t, format] = await Promise.all([getTranslations("share"), getFormatter()]);
  if (links.length === 0) return <p>{t("none")}</p>;
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "–");
  return (
    <TableScroll label={t("listTitle")}>
      <table className="data">
        <caption>{t("listTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("label")}</th>
            <th scope="col">{t("createdBy")}</th>
            <th scope="col">{t("expiresAt")}</th>
            <th scope="col">{t("state")}</th>
            <th scope="col">{t("lastOpened")}</th>
            <th scope="col">{t("opens")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {links.map((link) => (
            <tr key={link.id} data-link={link.label}>
              <td>{link.label}</td>
              <td>{t("createdOn", { name: link.createdBy.name, date: when(link.createdAt) })}</td>
              <td>{link.expiresAt ? when(link.expiresAt) : t("never")}</td>
              <td data-col="state">{t(`states.${link.state}`)}</td>
              <td>{when(link.lastUsedAt)}</td>
              <td data-col="opens">{format.number(link.useCount)}</td>
              <td>
                {link.state === "active" && (
                  <RevokeButton
                    action={revokeShareLinkAction.bind(null, projectId)}
                    name="linkId"
                    id={link.id}
                    label={t("revokeLabel", { label: link.label })}
                    text={t("revoke")}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
