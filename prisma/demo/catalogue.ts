// The demo's places below the reference countries (lib/server/catalogue/reference.ts): Peru's regions.
export const regions = [
  { isoCode: "PE-TUM", name: "Tumbes", parent: "PE" },
  { isoCode: "PE-PIU", name: "Piura", parent: "PE" },
  { isoCode: "PE-LAL", name: "La Libertad", parent: "PE" },
  { isoCode: "PE-LIM", name: "Lima", parent: "PE" },
  { isoCode: "PE-CAL", name: "Callao", parent: "PE" },
] as const;
