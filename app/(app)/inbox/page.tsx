import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/platform/auth/session";
import { failingConnections } from "@/lib/server/connections/notices";
import { inbox } from "@/lib/server/results/inbox";

/**
 * What waits for the signed-in user: values returned to them, values waiting for their review, and the
 * connections that fail (told once per failure, listed until they work again).
 */
export default async function InboxPage() {
  const user = await requireUser();
  const [items, failing, t, reasons] = await Promise.all([
    inbox(user),
    failingConnections(user),
    getTranslations("inbox"),
    getTranslations("connections.reasons"),
  ]);
  const returned = items.filter((i) => i.kind === "returned");
  const toReview = items.filter((i) => i.kind === "toReview");
  const list = (kind: "returned" | "toReview", entries: typeof items) => (
    <section aria-labelledby={`inbox-${kind}`}>
      <h2 id={`inbox-${kind}`}>{t(`${kind}.title`)}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t(`${kind}.none`)}</p>
      ) : (
        <ul>
          {entries.map((item) => (
            <li key={`${item.projectId}-${item.timeId}`}>
              <Link
                href={
                  kind === "returned"
                    ? `/projects/${item.projectId}/entry?time=${item.timeId}`
                    : `/projects/${item.projectId}/review?time=${item.timeId}`
                }
              >
                {t(`${kind}.item`, { count: item.count, project: item.project, time: item.time })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <>
      <h1>{t("title")}</h1>
      {list("returned", returned)}
      {list("toReview", toReview)}
      <section aria-labelledby="inbox-connections">
        <h2 id="inbox-connections">{t("connections.title")}</h2>
        {failing.length === 0 ? (
          <p className="muted">{t("connections.none")}</p>
        ) : (
          <ul>
            {failing.map((c) => (
              <li key={c.id}>
                <Link href={`/projects/${c.projectId}/connections`}>
                  {t("connections.item", {
                    name: c.name,
                    project: c.project,
                    since: c.since.toISOString().slice(0, 16).replace("T", " "),
                    reason: reasons.has(c.reason) ? reasons(c.reason) : c.reason,
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
