// A form's file past its cap, as an action answers it and the form shows it. Free of server imports.

/** The field (the file input's name) and the most it may hold, in bytes. */
export type FileTooLarge = { field: string; maxBytes: number };

/** Whole megabytes for a message ("larger than 15 MB"), rounded down so a file of the cap is never "over" it. */
export function megabytes(bytes: number): number {
  return Math.floor(bytes / (1024 * 1024));
}

/** The chosen file as a refusal when it is past its field's cap (checked before it is sent), else null. */
export function fileOverCap(field: string, file: File | null | undefined, maxBytes: number): FileTooLarge | null {
  return file && file.size > maxBytes ? { field, maxBytes } : null;
}
