// The reference data every instance has, demo or not: the countries of ISO 3166-1 (projects pick their
// places from them and add regions and sites below) and the shared disaggregation catalogue. Added by
// `npm run db:migrate`; adding it again changes nothing.

import { BASE_DIMENSIONS, COUNTRY_CODES } from "@/lib/domain/catalogue/reference-data";
import type { Db } from "@/lib/platform/db";

type Client = Pick<Db, "location" | "disaggregationDimension" | "disaggregationOption">;

const countryName = new Intl.DisplayNames(["en"], { type: "region" });

export async function ensureReferenceData(client: Client): Promise<void> {
  await client.location.createMany({
    data: COUNTRY_CODES.map((isoCode) => ({
      isoCode,
      level: "COUNTRY" as const,
      name: (countryName.of(isoCode) ?? isoCode).replace(" & ", " and "),
    })),
    skipDuplicates: true,
  });
  for (const d of BASE_DIMENSIONS) await ensureDimension(client, { ...d, isCustom: false });
}

/**
 * A dimension of the shared catalogue with at least the given options: created when missing, its missing
 * options added after the ones it has. Existing names and options are left as they are.
 */
export async function ensureDimension(
  client: Client,
  d: { key: string; name: string; isCustom: boolean; options: readonly (readonly [string, string, ...string[]])[] },
): Promise<void> {
  const dimension =
    (await client.disaggregationDimension.findFirst({
      where: { projectId: null, key: d.key },
      include: { options: true },
    })) ??
    (await client.disaggregationDimension.create({
      data: { key: d.key, name: d.name, isCustom: d.isCustom },
      include: { options: true },
    }));
  const known = new Set(dimension.options.map((o) => o.key));
  const missing = d.options.filter(([key]) => !known.has(key));
  if (!missing.length) return;
  await client.disaggregationOption.createMany({
    data: missing.map(([key, name], i) => ({
      dimensionId: dimension.id,
      key,
      name,
      sortOrder: dimension.options.length + i,
    })),
  });
}
