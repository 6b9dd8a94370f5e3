import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreateApiTokenForm } from "@/components/settings/create-api-token-form";
import { RevokeButton } from "@/components/ui/revoke-button";
import { TableScroll } from "@/components/ui/table-scroll";
import { requireUser } from "@/lib/platform/auth/session";
import { revokeApiTokenAction } from "@/lib/server/api-tokens/actions";
import { listApiTokens } from "@/lib/server/api-tokens/service";

export default async function ApiTokensPage() {
  const user = await requireUser();
  const [tokens, t, format] = await Promise.all([listApiTokens(user), getTranslations("tokens"), getFormatter()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "–");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">
        {t("intro")} <Link href="/api-docs">{t("docs")}</Link>
      </p>
      <CreateApiTokenForm />
      <h2>{t("listTitle")}</h2>
      {tokens.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <TableScroll label={t("listTitle")}>
          <table className="data">
            <caption>{t("listTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("createdAt")}</th>
                <th scope="col">{t("expiresAt")}</th>
                <th scope="col">{t("lastUsed")}</th>
                <th scope="col">{t("state")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} data-token={token.name}>
                  <th scope="row">{token.name}</th>
                  <td>{when(token.createdAt)}</td>
                  <td>{token.expiresAt ? when(token.expiresAt) : t("never")}</td>
                  <td>{when(token.lastUsedAt)}</td>
                  <td data-col="state">{t(`states.${token.state}`)}</td>
                  <td>
                    {token.state === "active" && (
                      <RevokeButton
                        action={revokeApiTokenAction}
                        name="tokenId"
                        id={token.id}
                        label={t("revokeLabel", { name: token.name })}
                        text={t("revoke")}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
