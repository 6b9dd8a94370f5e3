// Rule 11 (docs/numbers.md): the project's places as a tree, so a place's figure includes its sub-places.
import { groupBy } from "./lists";
import type { SummaryLocation } from "./summary-types";

export type PlaceTree = {
  /** A place's parent, when that parent is in the project. */
  parentOf: (l: SummaryLocation) => string | null;
  childrenOf: (id: string | null) => SummaryLocation[];
  /** A place and every place below it in the project (null: every place). */
  placesUnder: (id: string | null) => string[];
  /** The working regions under a place: places without sub-places. */
  leavesUnder: (id: string | null) => string[];
};

/** Built once per summary and shared with the trajectory's figures (see SummaryMemo). */
export function placeTree(locations: SummaryLocation[]): PlaceTree {
  const subtrees = new Map<string | null, string[]>();
  const leaves = new Map<string | null, string[]>();
  const inProject = new Set(locations.map((l) => l.id));
  const parentOf = (l: SummaryLocation) => (l.parentId && inProject.has(l.parentId) ? l.parentId : null);
  const children = groupBy(locations, (l) => String(parentOf(l)));
  const childrenOf = (id: string | null) => children.get(String(id)) ?? [];
  const placesUnder = (id: string | null): string[] => {
    const known = subtrees.get(id);
    if (known) return known;
    const found = [...(id === null ? [] : [id]), ...childrenOf(id).flatMap((c) => placesUnder(c.id))];
    subtrees.set(id, found);
    return found;
  };
  const leavesUnder = (id: string | null): string[] => {
    const known = leaves.get(id);
    if (known) return known;
    const found = placesUnder(id).filter((p) => childrenOf(p).length === 0);
    leaves.set(id, found);
    return found;
  };
  return { parentOf, childrenOf, placesUnder, leavesUnder };
}
