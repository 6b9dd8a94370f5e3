import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PortfolioTable } from "@/components/portfolio/portfolio-table";
import { canCreateProjects } from "@/lib/domain/permissions";
import {
  filterAndSortPortfolio,
  type PortfolioSort,
  portfolioPage,
  portfolioSorts,
} from "@/lib/domain/portfolio/filter";
import { requireUser } from "@/lib/platform/auth/session";
import { portfolio } from "@/lib/server/portfolio/service";

type Search = { country?: string; donor?: string; sort?: string; page?: string };

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [user, search] = await Promise.all([requireUser(), searchParams]);
  const [rows, t] = await Promise.all([portfolio(user), getTranslations("projects")]);
  const sort = (portfolioSorts as readonly string[]).includes(search.sort ?? "")
    ? (search.sort as PortfolioSort)
    : "name";
  const query = { country: search.country || undefined, donor: search.donor || undefined, sort };
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
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <PortfolioTable
          listed={portfolioPage(filterAndSortPortfolio(rows, query), Number(search.page ?? 1))}
          all={rows}
          query={query}
        />
      )}
    </>
  );
}
