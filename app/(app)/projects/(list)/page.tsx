import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PortfolioTable } from "@/components/portfolio/portfolio-table";
import { canCreateProjects } from "@/lib/domain/permissions";
import { type PortfolioSort, portfolioSorts } from "@/lib/domain/portfolio/filter";
import { requireUser } from "@/lib/platform/auth/session";
import { portfolioListing } from "@/lib/server/portfolio/service";

type Search = { country?: string; donor?: string; sort?: string; page?: string };

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [user, search] = await Promise.all([requireUser(), searchParams]);
  const sort = (portfolioSorts as readonly string[]).includes(search.sort ?? "")
    ? (search.sort as PortfolioSort)
    : "name";
  const query = { country: search.country || undefined, donor: search.donor || undefined, sort };
  // The database finds the page; only its projects' figures are read (every project's for a sort by status counts).
  const [{ listed, choices, readable }, t] = await Promise.all([
    portfolioListing(user, query, Number(search.page ?? 1)),
    getTranslations("projects"),
  ]);
  return (
    <>
      <h1>{t("title")}</h1>
      {canCreateProjects(user) && (
        <p>
          <Link className="button" href="/projects/new">
            {t("newProject")}
          </Link>
        </p>
      )}
      {readable === 0 ? <p>{t("empty")}</p> : <PortfolioTable listed={listed} choices={choices} query={query} />}
    </>
  );
}
