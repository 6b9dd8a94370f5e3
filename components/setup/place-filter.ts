// Which places the project's place picker shows for what was typed. Pure: no I/O.

type Place = { id: string; name: string; isoCode: string | null; depth: number };

/** A text as places are searched: lower case, without accents, spaces collapsed. */
export const searchKey = (s: string) =>
  s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * The ids of the places matching the filter, the list being a tree in order (each place after its
 * parent, one level deeper). A place matches by its own name or code or by those of a place it lies in,
 * so "Serbia" finds Belgrade and "Peru" every Peruvian region; case and accents do not matter.
 */
export function matchingPlaces(places: Place[], filter: string): Set<string> {
  const needle = searchKey(filter);
  const shown = new Set<string>();
  const trail: string[] = [];
  for (const p of places) {
    trail.length = Math.max(0, p.depth);
    trail.push(searchKey(`${p.name} ${p.isoCode ?? ""}`));
    if (!needle || trail.some((t) => t.includes(needle))) shown.add(p.id);
  }
  return shown;
}
