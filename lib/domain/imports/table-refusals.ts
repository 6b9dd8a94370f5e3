// Why an uploaded table is refused before its rows are read. Free of server imports: the upload page
// reads these codes from the API's answer.
export const tableRefusals = [
  "unreadable",
  "notUtf8",
  "tooManyEntries",
  "tooLargeUnzipped",
  "tooManyRows",
  "tooManyColumns",
  "cellTooLong",
  "readTimedOut",
  "readTooLarge",
] as const;

export type TableRefusal = (typeof tableRefusals)[number];

export function isTableRefusal(code: unknown): code is TableRefusal {
  return (tableRefusals as readonly unknown[]).includes(code);
}
