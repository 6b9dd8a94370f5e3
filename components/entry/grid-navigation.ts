// Spreadsheet habits in the entry grid, on the DOM the grid renders: arrow keys and Enter move between
// value inputs (tr = row, inputs in a row in reading order), and a block pasted from a spreadsheet
// fills the inputs right of and below the one it is pasted into (the reading and laying out of the
// block, without the DOM, is pasted-block.ts).
import type { ClipboardEvent, KeyboardEvent } from "react";
import { type GridInput, isSingleValue, type PastedBlock, parseBlock, placeBlock } from "./pasted-block";

const INPUT = "input[data-key]";

function rowInputs(row: Element | null): HTMLInputElement[] {
  return row ? [...row.querySelectorAll<HTMLInputElement>(INPUT)] : [];
}

/** The input of `row` in the same position as `from` (same place and field), if it can take a value. */
function sameColumn(row: Element, from: HTMLInputElement): HTMLInputElement | undefined {
  const inputs = rowInputs(row);
  const place = from.dataset.place;
  const match =
    inputs.find((i) => i.dataset.place === place && i.dataset.field === from.dataset.field) ??
    inputs.find((i) => i.dataset.place === place);
  return match && !match.disabled ? match : undefined;
}

/** Moves the focus for an arrow key or Enter; true when the key was used. */
export function moveFocus(event: KeyboardEvent<HTMLElement>): boolean {
  const from = event.target as HTMLElement;
  if (!(from instanceof HTMLInputElement) || !from.matches(INPUT)) return false;
  const row = from.closest("tr");
  if (!row) return false;
  const { key } = event;
  // A cell arrived at by the keyboard has its whole value selected, as a spreadsheet's selected cell.
  const wholeSelected = from.selectionStart === 0 && from.selectionEnd === from.value.length;
  const caretAtStart = wholeSelected || (from.selectionStart === 0 && from.selectionEnd === 0);
  const caretAtEnd = wholeSelected || from.selectionStart === from.value.length;
  let target: HTMLInputElement | undefined;
  if (key === "ArrowLeft" || key === "ArrowRight") {
    // Within the text first: the caret moves until it reaches the edge.
    if ((key === "ArrowLeft" && !caretAtStart) || (key === "ArrowRight" && !caretAtEnd)) return false;
    const inputs = rowInputs(row).filter((i) => !i.disabled || i === from);
    target = inputs[inputs.indexOf(from) + (key === "ArrowLeft" ? -1 : 1)];
  } else if (key === "ArrowUp" || key === "ArrowDown" || key === "Enter") {
    const up = key === "ArrowUp" || (key === "Enter" && event.shiftKey);
    for (let next = up ? row.previousElementSibling : row.nextElementSibling; next && !target; ) {
      target = sameColumn(next, from);
      next = up ? next.previousElementSibling : next.nextElementSibling;
    }
  } else return false;
  if (!target) return false;
  event.preventDefault();
  target.focus();
  target.select();
  return true;
}

/**
 * Where a pasted block goes (pasted-block.ts): from the input it is pasted into, across the row's inputs
 * and down the rows below. Null when the text is a single value, which the input takes as typed.
 */
export function pasteBlock(event: ClipboardEvent<HTMLElement>): PastedBlock | null {
  const from = event.target as HTMLElement;
  if (!(from instanceof HTMLInputElement) || !from.matches(INPUT)) return null;
  const block = parseBlock(event.clipboardData.getData("text/plain"));
  if (isSingleValue(block)) return null;
  event.preventDefault();
  const rows: GridInput[][] = [];
  for (let row: Element | null = from.closest("tr"); row && rows.length < block.length; row = row.nextElementSibling) {
    rows.push(
      rowInputs(row).map((i) => ({ key: i.dataset.key ?? "", field: i.dataset.field ?? "", disabled: i.disabled })),
    );
  }
  return placeBlock(block, rows, rowInputs(from.closest("tr")).indexOf(from));
}
