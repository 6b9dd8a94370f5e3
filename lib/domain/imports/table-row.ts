/** One row; `sheet` names the workbook sheet it came from when every sheet is read. */
export type TableRow = { row: number; cells: string[]; sheet?: string };
