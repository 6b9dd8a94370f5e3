// The organisation dashboard's status counts by country (#34): per country of the projects the caller may
// read, the sum of those projects' indicator status counts, and the projects behind each with their own.
// The counts are the portfolio's own (lib/server/portfolio/service.ts withFigures): the persisted
// ProjectAggregate rows at each project's current data version (#32), computed and persisted only where
// missing. A project's countries are those of its places (the tree up to COUNTRY), so a project working
// in two countries counts in both: the countries' counts are not to be added up.
import "server-only";
import { z } from "zod";
import { allStatuses, type Status } from "@/lib/domain/engine/schedule";
import type { Principal } from "@/lib/domain/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/platform/db";
import { readableProjectsWhere } from "@/lib/server/access/scoped-list";
import { withFigures } from "@/lib/server/portfolio/service";
import { listRegions } from "./regions";
import { noRegion, placesOf } from "./rollup";

/** The dashboard's filters as the URL gives them; a malformed value is ignored (no filter), never an error page. */
export const statusByCountryFilters = z.object({
  region: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/)
    .optional()
    .catch(undefined),
  donor: z.string().trim().min(1).max(200).optional().catch(undefined),
});

export type StatusByCountryFilters = z.output<typeof statusByCountryFilters>;

export type StatusCounts = Record<Status, number>;

export type CountryStatus = {
  code: string;
  name: string;
  region: string;
  statusCounts: StatusCounts;
  projects: { id: string; code: string; name: string; statusCounts: StatusCounts }[];
};

const zero = (): StatusCounts => Object.fromEntries(allStatuses.map((s) => [s, 0])) as StatusCounts;

/** A place whose country (itself or an ancestor, the tree being at most four levels deep) has one of the codes. */
const inCountries = (codes: string[]): Prisma.LocationWhereInput => ({
  OR: [
    { level: "COUNTRY", isoCode: { in: codes } },
    { parent: { level: "COUNTRY", isoCode: { in: codes } } },
    { parent: { parent: { level: "COUNTRY", isoCode: { in: codes } } } },
    { parent: { parent: { parent: { level: "COUNTRY", isoCode: { in: codes } } } } },
  ],
});

/**
 * Per country of the caller's readable, unarchived projects (ANDed with the filters in one query), the
 * summed status counts and the projects behind it. An unknown region is ignored (reported back as no
 * filter). Also the donors of the readable projects, for the filter's choices.
 */
export async function statusByCountry(principal: Principal, input: unknown) {
  const asked = statusByCountryFilters.parse(input ?? {});
  const regions = await listRegions();
  const region = regions.find((r) => r.key === asked.region);
  const filters: StatusByCountryFilters = { region: region?.key, donor: asked.donor };
  const scope: Prisma.ProjectWhereInput = { AND: [readableProjectsWhere(principal), { archivedAt: null }] };
  const [projects, donorRows] = await Promise.all([
    db().project.findMany({
      where: {
        AND: [
          scope,
          filters.donor ? { donor: filters.donor } : {},
          region ? { locations: { some: { location: inCountries(region.countries) } } } : {},
        ],
      },
      select: { id: true, code: true, name: true, donor: true, locations: { select: { locationId: true } } },
      orderBy: { code: "asc" },
    }),
    db().project.findMany({ where: scope, distinct: ["donor"], select: { donor: true }, orderBy: { donor: "asc" } }),
  ]);
  const regionOf = new Map(regions.flatMap((r) => r.countries.map((c) => [c, r.key] as const)));
  const places = await placesOf(
    projects.flatMap((p) => p.locations.map((l) => l.locationId)),
    regionOf,
  );
  const rows = await withFigures(
    principal,
    projects.map(({ id, code, name, donor }) => ({ id, code, name, donor, countries: [] })),
  );
  const countries = new Map<string, CountryStatus>();
  for (const [i, project] of projects.entries()) {
    const statusCounts = rows[i]?.statusCounts ?? zero();
    const own = new Map(
      project.locations.flatMap((l) => {
        const place = places.get(l.locationId);
        return place ? [[place.country, place] as const] : [];
      }),
    );
    for (const [code, place] of own) {
      if (region && place.region !== region.key) continue;
      const country = countries.get(code) ?? {
        code,
        name: place.countryName,
        region: place.region ?? noRegion,
        statusCounts: zero(),
        projects: [],
      };
      for (const s of allStatuses) country.statusCounts[s] += statusCounts[s];
      country.projects.push({ id: project.id, code: project.code, name: project.name, statusCounts });
      countries.set(code, country);
    }
  }
  return {
    filters,
    regions,
    donors: donorRows.map((d) => d.donor).filter(Boolean),
    countries: [...countries.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
