// A block copied from a spreadsheet and where it goes in the entry grid, without the DOM: the text is
// read into rows of cells, then laid over the grid's inputs from the one it is pasted into.

/** A spreadsheet selection as text: rows by line, cells by tab (a trailing line end is not a row). */
export function parseBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
  return lines.map((line) => line.split("\t"));
}

/** Whether pasted text is one value, which the input takes as typed. */
export const isSingleValue = (block: string[][]) => block.length === 1 && (block[0]?.length ?? 0) === 1;

/** An input of the grid: the cell and field it holds, and whether it takes a value. */
export type GridInput = { key: string; field: string; disabled: boolean };
export type PastedCell = { key: string; field: string; value: string };
export type PastedBlock = { cells: PastedCell[]; skipped: number };

/**
 * The values of `block` laid over `rows` (the grid's inputs, the row pasted into first), from the
 * `start`th input of each row. What falls past the grid is dropped; inputs that take no value
 * (submitted, approved) keep theirs and are counted as skipped. Values are trimmed, kept as typed.
 */
export function placeBlock(block: string[][], rows: GridInput[][], start: number): PastedBlock {
  const cells: PastedCell[] = [];
  let skipped = 0;
  block.forEach((values, r) => {
    const inputs = rows[r]?.slice(start) ?? [];
    values.forEach((value, i) => {
      const input = inputs[i];
      if (!input) return;
      if (input.disabled) skipped++;
      else cells.push({ key: input.key, field: input.field, value: value.trim() });
    });
  });
  return { cells, skipped };
}
