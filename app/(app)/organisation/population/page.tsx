import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PopulationFigureText } from "@/components/organisation/population-figure";
import { DeletePopulationFigure, PopulationForm } from "@/components/organisation/population-form";
import { TableScroll } from "@/components/ui/table-scroll";
import { requireUser } from "@/lib/platform/auth/session";
import { populationPage } from "@/lib/server/population/service";

type Search = Record<string, string | string[] | undefined>;

const dayText = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The places' population figures (people in need, population) with their sources and dates, read by
 * coverage on the roll-ups and the project dashboards; admins, M&E leads and the projects' managers
 * keep them (`?edit=<id>` opens one in the form).
 */
export default async function PopulationPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const [page, search, t, format] = await Promise.all([
    populationPage(user),
    searchParams,
    getTranslations("population"),
    getFormatter(),
  ]);
  const figures = page?.figures ?? [];
  const edited = figures.find((f) => f.id === search.edit && f.mayEdit);
  return (
    <>
      <p>
        <Link href="/organisation">{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {figures.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <TableScroll label={t("title")}>
          <table className="data" data-testid="population">
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.locationId")}</th>
                <th scope="col">{t("fields.kind")}</th>
                <th scope="col">{t("fields.value")}</th>
                <th scope="col">{t("sourceAndPeriod")}</th>
                <th scope="col">{t("entered")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.map((f) => (
                <tr key={f.id} data-figure={f.id} data-place={f.location.isoCode ?? f.location.name}>
                  <th scope="row">{f.placeLabel}</th>
                  <td>{t(`kinds.${f.kind}`)}</td>
                  <td data-col="value">{format.number(f.value)}</td>
                  <td>
                    <PopulationFigureText figure={f} />
                  </td>
                  <td className="muted">
                    {f.enteredBy ? `${f.enteredBy.name}, ` : ""}
                    {format.dateTime(f.enteredAt, { dateStyle: "medium", timeZone: "UTC" })}
                  </td>
                  <td>
                    {f.mayEdit && (
                      <div className="inline-actions">
                        <Link href={`/organisation/population?edit=${f.id}`}>{t("edit")}</Link>
                        <DeletePopulationFigure id={f.id} label={`${f.placeLabel}, ${t(`kinds.${f.kind}`)}`} />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {page && page.places.length > 0 && (
        <PopulationForm
          key={edited?.id ?? "new"}
          places={page.places}
          editing={
            edited && {
              id: edited.id,
              values: {
                locationId: edited.locationId,
                kind: edited.kind,
                value: String(edited.value),
                sharePercent: edited.sharePercent === null ? "" : String(edited.sharePercent),
                periodStart: dayText(edited.periodStart),
                periodEnd: dayText(edited.periodEnd),
                source: edited.source,
                sourceUrl: edited.sourceUrl ?? "",
              },
            }
          }
        />
      )}
    </>
  );
}
