// Reading the statements a client sent (connect's and watchQueries' onQuery): how many bind parameters
// one carries, and how often a view loaded a project's structure and its results' partial sums. Shared
// by the tests that bound them and the bench that prints them, so both recognise a load the same way.
import type { SentQuery } from "./index";

/** The highest placeholder of a statement ($1 … $n): how many bind parameters it carries. */
export function bindParameters({ query }: SentQuery): number {
  let highest = 0;
  for (const match of query.matchAll(/\$(\d+)/g)) highest = Math.max(highest, Number(match[1]));
  return highest;
}

/** A load of projects' structure: their indicators' targets are read with it and nowhere else in a view. */
export const isStructureLoad = ({ query }: SentQuery) => /FROM "public"\."Target"/.test(query);

/** A query of projects' results' partial sums (projectResultPartials, lib/server/results/partials.ts). */
export const isPartialSumsQuery = ({ query }: SentQuery) => /FROM "Result" r\s+WHERE r\."indicatorId" IN/.test(query);

/** What a view sent: its statements, and how many of them loaded structure and partial sums. */
export function viewLoads(sent: SentQuery[]) {
  return {
    statements: sent.length,
    structureLoads: sent.filter(isStructureLoad).length,
    partialSumsQueries: sent.filter(isPartialSumsQuery).length,
  };
}
