export type RowProblem = { row: number; column: string; code: string; detail?: string };

export type ResultImportPreview = {
  /** Data rows read, rows left out (Kobo submissions not approved), result values they make. */
  rows: number;
  skipped: number;
  /** Rows without a figure: no value, left out (as a blank cell of the grid). */
  blank: number;
  values: number;
  /** Values that replace drafts already entered. */
  replaced: number;
  problems: RowProblem[];
  /** All problems, when more were found than are listed. */
  problemCount: number;
  /** Values far from the same place's figure the period before: said, never blocking. */
  warnings: RowProblem[];
  imported: boolean;
};
