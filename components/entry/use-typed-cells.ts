"use client";
// What is typed in the entry grid and not saved yet, kept in this browser at once so that a reload or
// a dropped connection loses nothing.
import { useEffect, useState } from "react";
import { isBlankCell, parseTypedValues, typedValuesKey } from "@/lib/formats/write/typed-values";
import { type Cell, cellValueOf, type Existing } from "./grid-cells";

export type CellEdit = { key: string; field: string; value: string };

export function useTypedCells(projectId: string, timeId: string, saved: Map<string, Existing>) {
  const storageKey = typedValuesKey(projectId, timeId);
  const [cells, setCells] = useState<Record<string, Cell>>({});

  // What this browser kept, read leniently; a blank cell with nothing saved behind it is no change.
  useEffect(() => {
    const kept = parseTypedValues(window.localStorage.getItem(storageKey));
    for (const [key, cell] of Object.entries(kept)) if (isBlankCell(cell) && !saved.has(key)) delete kept[key];
    setCells(kept);
  }, [storageKey, saved]);

  /** What a cell shows: what was typed, else its saved value. */
  const cellValue = (key: string): Cell => cellValueOf(cells, saved, key);
  const changeMany = (edits: CellEdit[]) => {
    const next = { ...cells };
    for (const { key, field, value } of edits) {
      next[key] = { ...(next[key] ?? cellValue(key)), [field]: value };
      // Emptied with nothing saved behind it: no value, nothing to send.
      if (isBlankCell(next[key]) && !saved.has(key)) delete next[key];
    }
    setCells(next);
    window.localStorage.setItem(storageKey, JSON.stringify(next));
  };
  /** Once saved, nothing typed is kept. */
  const forget = () => {
    window.localStorage.removeItem(storageKey);
    setCells({});
  };
  return { cells, cellValue, changeMany, forget };
}
