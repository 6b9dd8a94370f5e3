// The organisation's regions (#34): its own grouping of countries for roll-ups ("Western Balkans": RS,
// BA, ME...), kept by admins and M&E leads ("library.manage"). A country is in at most one region; the
// roll-up groups a country without one under "no region". Countries are named by their ISO code, as the
// places of level COUNTRY carry it.
import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { assertCan, type Principal, requireUserId } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { refusingDuplicates } from "@/lib/platform/db/unique-violation";
import { recordAudit } from "@/lib/server/audit/record";

export const regionInput = z.object({
  key: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "required")
    .max(40, "tooLong")
    .regex(/^[a-z0-9][a-z0-9-]*$/, "invalidRegionKey"),
  nameEn: z.string().trim().min(1, "required").max(200, "tooLong"),
  nameEs: z.string().trim().min(1, "required").max(200, "tooLong"),
  countries: z
    .array(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, "notACountryCode"),
    )
    .min(1, "required")
    .max(250, "tooMany"),
});

export type RegionInput = z.input<typeof regionInput>;

/** "PE, EC HN;MX" as the form's one text field gives them: the codes, in order, once each. */
export const countryCodesOf = (text: string) => [...new Set(text.split(/[\s,;]+/).filter(Boolean))];

/** The regions with their countries' codes, by key (anyone signed in reads them: the roll-up names them). */
export async function listRegions() {
  const regions = await db().organisationRegion.findMany({
    orderBy: { key: "asc" },
    include: { countries: { orderBy: { countryCode: "asc" }, select: { countryCode: true } } },
  });
  return regions.map(({ countries, ...r }) => ({ ...r, countries: countries.map((c) => c.countryCode) }));
}

/**
 * Creates the region of this key, or replaces an existing one's names and countries. Refuses a code that
 * is no country of the places, and a country already in another region (it would count in two).
 */
export async function saveRegion(principal: Principal, input: RegionInput) {
  assertCan(principal, "library.manage");
  const actorUserId = requireUserId(principal);
  const data = regionInput.parse(input);
  const countries = [...new Set(data.countries)];
  const known = await db().location.findMany({
    where: { level: "COUNTRY", isoCode: { in: countries } },
    select: { isoCode: true },
  });
  const fields: { field: string; code: string }[] = [];
  if (known.length < countries.length) fields.push({ field: "body.countries", code: "unknownCountry" });
  const elsewhere = await db().organisationRegionCountry.findFirst({
    where: { countryCode: { in: countries }, region: { key: { not: data.key } } },
  });
  if (elsewhere) fields.push({ field: "body.countries", code: "countryInOtherRegion" });
  if (fields.length) throw new DomainError("validation", { fields });
  // Two saves at once both found a country free: the database's key on the country refuses the second.
  const refusal = () =>
    new DomainError("validation", { fields: [{ field: "body.countries", code: "countryInOtherRegion" }] });
  return refusingDuplicates(
    () =>
      db().$transaction(async (tx) => {
        const before = await tx.organisationRegion.findUnique({
          where: { key: data.key },
          include: { countries: true },
        });
        const region = await tx.organisationRegion.upsert({
          where: { key: data.key },
          create: { key: data.key, nameEn: data.nameEn, nameEs: data.nameEs },
          update: { nameEn: data.nameEn, nameEs: data.nameEs },
        });
        await tx.organisationRegionCountry.deleteMany({ where: { regionId: region.id } });
        await tx.organisationRegionCountry.createMany({
          data: countries.map((countryCode) => ({ countryCode, regionId: region.id })),
        });
        await recordAudit(tx, {
          action: before ? "region.update" : "region.create",
          entityType: "OrganisationRegion",
          entityId: region.id,
          actorUserId,
          before: before ?? undefined,
          after: { ...region, countries },
        });
        return { ...region, countries };
      }),
    refusal,
  );
}
