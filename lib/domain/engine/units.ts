// Whether an indicator's unit counts whole things (people, households, schools) or measures a quantity
// that takes decimals (hectares, kilometres, money, hours). Counts of things must be whole numbers.

const measured =
  /^(ha|hectares?|hect[áa]reas?|acres?|km|kms|kilomet(er|re)s?|kil[óo]metros?|m|m2|m²|m3|m³|met(er|re)s?|metros?|kg|kgs|kilos?|kilograms?|kilogramos?|g|grams?|gramos?|t|tonnes?|tons?|toneladas?|l|litres?|liters?|litros?|hours?|hrs?|horas?|days?|d[íi]as?|months?|meses|years?|a[ñn]os?|\$|€|£|usd|eur|gbp|us\$|dollars?|d[óo]lares|euros?|soles|percent|%)$/i;

/** False for units that measure a quantity (ha, km, USD...), true for counts of people or things. */
export function countsWholeThings(unit: string | null | undefined): boolean {
  const first = (unit ?? "").trim().split(/[\s(/]+/)[0] ?? "";
  if (first === "") return true;
  if (/^[A-Z]{3}$/.test(first)) return false; // an ISO 4217 currency code: PEN, BAM, NPR
  return !measured.test(first);
}
