"use client";
// What is typed in the entry grid and not saved yet, kept in this browser at once so that a reload or
// a dropped connection loses nothing; beside it, the version each typed cell was typed over (offline-sync).
import { useEffect, useState } from "react";
import { isBlankCell, parseTypedValues, typedValuesKey } from "@/lib/formats/write/typed-values";
import { type Cell, cellValueOf, type Existing } from "./grid-cells";
import { type Bases, basesKey, parseBases, withBases, without } from "./offline-sync";

export type CellEdit = { key: string; field: string; value: string };

export function useTypedCells(userId: string, projectId: string, timeId: string, saved: Map<string, Existing>) {
  const storageKey = typedValuesKey(userId, projectId, timeId);
  const baseKey = basesKey(userId, projectId, timeId);
  const [cells, setCells] = useState<Record<string, Cell>>({});
  const [bases, setBases] = useState<Bases>({});

  // What this browser kept, read leniently; a blank cell with nothing saved behind it is no change.
  useEffect(() => {
    const kept = parseTypedValues(window.localStorage.getItem(storageKey));
    for (const [key, cell] of Object.entries(kept)) if (isBlankCell(cell) && !saved.has(key)) delete kept[key];
    setCells(kept);
    setBases(parseBases(window.localStorage.getItem(baseKey)));
  }, [storageKey, baseKey, saved]);

  const store = (nextCells: Record<string, Cell>, nextBases: Bases) => {
    setCells(nextCells);
    setBases(nextBases);
    window.localStorage.setItem(storageKey, JSON.stringify(nextCells));
    window.localStorage.setItem(baseKey, JSON.stringify(nextBases));
  };
  /** What a cell shows: what was typed, else its saved value. */
  const cellValue = (key: string): Cell => cellValueOf(cells, saved, key);
  const changeMany = (edits: CellEdit[]) => {
    const next = { ...cells };
    for (const { key, field, value } of edits) {
      next[key] = { ...(next[key] ?? cellValue(key)), [field]: value };
      // Emptied with nothing saved behind it: no value, nothing to send.
      if (isBlankCell(next[key]) && !saved.has(key)) delete next[key];
    }
    const typed = withBases(bases, Object.keys(next), saved);
    store(
      next,
      without(
        typed,
        Object.keys(typed).filter((k) => !next[k]),
      ),
    );
  };
  /** Once saved, nothing typed is kept (of `keys` only, when named). */
  const forget = (keys?: string[]) => {
    if (!keys) {
      window.localStorage.removeItem(storageKey);
      window.localStorage.removeItem(baseKey);
      setCells({});
      setBases({});
    } else store(without(cells, keys), without(bases, keys));
  };
  /** A conflict settled by keeping what was typed: the next save overwrites the version seen in it. */
  const keepMine = (key: string, version: number) => store(cells, { ...bases, [key]: version });
  return { cells, bases, cellValue, changeMany, forget, keepMine };
}
