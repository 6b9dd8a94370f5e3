// What offline entry keeps beside the typed values (use-typed-cells), in the same browser storage:
// - the version of its saved value each typed cell was typed over ("bases"), so that a save sent later
//   (after a reload, or when the connection returns) names the version the evaluator saw, and a value
//   someone else changed meanwhile is answered as a conflict instead of being overwritten;
// - the save waiting to be sent ("waiting"): which typed cells the evaluator saved, and whether they
//   submitted, while there was no connection. Pure: stored text in, values out.
import { typedValuesKey } from "@/lib/formats/write/typed-values";
import type { Existing } from "./grid-cells";

/** Per typed cell, the version of the saved value it was typed over (null: nothing was saved there). */
export type Bases = Record<string, number | null>;
/**
 * A save made without a connection: the typed cells it holds, whether it submits them, and who made it
 * (the user's id: it is sent only in their session, never in another account's signed in on this browser).
 */
export type Waiting = { submit: boolean; keys: string[]; by: string };

export const basesKey = (userId: string, projectId: string, timeId: string) =>
  `${typedValuesKey(userId, projectId, timeId)}:bases`;
export const waitingKey = (userId: string, projectId: string, timeId: string) =>
  `${typedValuesKey(userId, projectId, timeId)}:waiting`;

const isCellKey = (key: string) => key.split("|").length === 3;

function parseObject(stored: string | null): Record<string, unknown> | null {
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : null;
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Bases read back leniently: anything but a cell's whole version (or null) is left out. */
export function parseBases(stored: string | null): Bases {
  const bases: Bases = {};
  for (const [key, v] of Object.entries(parseObject(stored) ?? {})) {
    if (isCellKey(key) && (v === null || (typeof v === "number" && Number.isInteger(v) && v > 0))) bases[key] = v;
  }
  return bases;
}

/** A waiting save read back leniently: none unless it names at least one cell and who saved it. */
export function parseWaiting(stored: string | null): Waiting | null {
  const raw = parseObject(stored);
  const keys = Array.isArray(raw?.keys)
    ? raw.keys.filter((k): k is string => typeof k === "string" && isCellKey(k))
    : [];
  const by = typeof raw?.by === "string" ? raw.by : "";
  return keys.length && by ? { submit: raw?.submit === true, keys: [...new Set(keys)], by } : null;
}

/** The bases once `keys` are typed in: a cell keeps the version it was first typed over. */
export function withBases(bases: Bases, keys: string[], saved: Map<string, Existing>): Bases {
  const next = { ...bases };
  for (const key of keys) if (!(key in next)) next[key] = saved.get(key)?.version ?? null;
  return next;
}

/** The version a save of typed cell `key` names: the one it was typed over, else the one shown now. */
export function versionToSend(key: string, bases: Bases, saved: Map<string, Existing>): number | undefined {
  if (key in bases) return bases[key] ?? undefined;
  return saved.get(key)?.version;
}

/** Waiting cells joined: a later offline save adds its cells; it submits if either does. Another user's: replaced. */
export function joinWaiting(waiting: Waiting | null, more: Waiting): Waiting {
  if (!waiting || waiting.by !== more.by) return { ...more, keys: [...new Set(more.keys)] };
  return { submit: waiting.submit || more.submit, keys: [...new Set([...waiting.keys, ...more.keys])], by: more.by };
}

/** What is left of `record` without `keys`. */
export function without<T>(record: Record<string, T>, keys: Iterable<string>): Record<string, T> {
  const next = { ...record };
  for (const key of keys) delete next[key];
  return next;
}
