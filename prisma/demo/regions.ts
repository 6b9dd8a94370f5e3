// The demo organisation's regions (#34), from the program documents: its Latin American work (Peru,
// Ecuador, Honduras, Mexico), the Western Balkans (FAIR: Serbia, Bosnia and Herzegovina, Montenegro, with
// their neighbours; Kosovo has no ISO code among the places) and South Asia (Nepal, India, Bangladesh).
import type { Tx } from "@/lib/platform/db";

export const demoRegions = [
  {
    key: "latin-america",
    nameEn: "Latin America and the Caribbean",
    nameEs: "América Latina y el Caribe",
    countries: ["PE", "EC", "HN", "MX"],
  },
  {
    key: "western-balkans",
    nameEn: "Western Balkans",
    nameEs: "Balcanes Occidentales",
    countries: ["RS", "BA", "ME", "MK", "AL"],
  },
  { key: "south-asia", nameEn: "South Asia", nameEs: "Asia del Sur", countries: ["NP", "IN", "BD"] },
];

export async function loadRegions(tx: Tx): Promise<void> {
  for (const { countries, ...region } of demoRegions)
    await tx.organisationRegion.create({
      data: { ...region, countries: { create: countries.map((countryCode) => ({ countryCode })) } },
    });
}
