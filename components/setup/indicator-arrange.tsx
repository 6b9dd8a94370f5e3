import { getTranslations } from "next-intl/server";
import { indicatorArrangeAction } from "@/lib/server/projects/actions";

/** Move up or down, archive or restore: small buttons that post to one server action. */
export async function IndicatorArrange({
  projectId,
  indicatorId,
  code,
  archived,
}: {
  projectId: string;
  indicatorId: string;
  code: string;
  archived: boolean;
}) {
  const t = await getTranslations("setup");
  const button = (intent: string, label: string) => (
    <button className="button secondary" type="submit" name="intent" value={intent} aria-label={`${label}: ${code}`}>
      {label}
    </button>
  );
  return (
    <form action={indicatorArrangeAction.bind(null, projectId)} className="inline-actions">
      <input type="hidden" name="indicatorId" value={indicatorId} />
      {archived ? (
        button("restore", t("restore"))
      ) : (
        <>
          {button("up", t("up"))}
          {button("down", t("down"))}
          {button("archive", t("archive"))}
        </>
      )}
    </form>
  );
}
