// The readers of untrusted files that run in a worker thread (off-thread.ts starts it, reader-worker.ts
// runs them), by name. Each takes and gives structured-cloneable data only (no class instances, no
// functions): what crosses between threads is copied.

import type { PlaceToMatch } from "@/lib/domain/maps/geometry";
import { readSurveyFile } from "@/lib/domain/survey/tables";
import { readBoundaries } from "@/lib/formats/geojson/read";
import { readDocumentText } from "@/lib/formats/read/document-text";
import { inspectEvidence } from "@/lib/formats/read/file-type";
import { readXlsForm } from "@/lib/formats/read/xlsform";
import { type ProjectFile, readProjectFile } from "./project-file";
import { tableFileRows } from "./table-rows";

export const readers = {
  /** An IATI file or logframe workbook, with the file locations of the definition paths asked about. */
  projectFile: async ({ file, paths }: { file: ProjectFile; paths: string[] }) => {
    const { locate, ...reading } = await readProjectFile(file);
    return { ...reading, located: paths.map(locate) };
  },
  /** A GeoJSON file matched to the project's places. */
  boundaries: ({ text, places }: { text: string; places: PlaceToMatch[] }) => readBoundaries(text, places),
  /** A survey export (on disk) as joined tables: every sheet is read (repeat groups are sheets of their own). */
  survey: ({ path, format, maxRows }: { path: string; format: "csv" | "xlsx"; maxRows: number }) =>
    readSurveyFile(tableFileRows(format, path, maxRows, true)),
  /** The XLSForm beside a survey export. */
  xlsForm: ({ bytes }: { bytes: Uint8Array }) => readXlsForm(bytes),
  /** An evidence file's media type, told by its bytes (an office file's zip inspected), or why it is refused. */
  evidence: ({ name, bytes }: { name: string; bytes: Uint8Array }) => inspectEvidence(name, bytes),
  /** A study document's text (PDF by page, DOCX), for the library's search. */
  documentText: ({ mediaType, bytes, maxChars }: { mediaType: string; bytes: Uint8Array; maxChars: number }) =>
    readDocumentText(mediaType, bytes, maxChars),
};

/** Readers that yield items, handed over a batch at a time. */
export const streams = {
  /** A results table's rows (on disk), first sheet or every sheet. */
  tableRows: ({ path, format, maxRows, allSheets }: TableRowsInput) => tableFileRows(format, path, maxRows, allSheets),
};

type TableRowsInput = { path: string; format: "csv" | "xlsx"; maxRows: number; allSheets: boolean };

export type ReaderName = keyof typeof readers | keyof typeof streams;
export type StreamName = keyof typeof streams;
export type SingleName = keyof typeof readers;
type Fn<N extends ReaderName> = N extends keyof typeof readers
  ? (typeof readers)[N]
  : N extends StreamName
    ? (typeof streams)[N]
    : never;
export type ReaderInput<N extends ReaderName> = Parameters<Fn<N>>[0];
export type ReaderOutput<N extends keyof typeof readers> = Awaited<ReturnType<(typeof readers)[N]>>;
export type StreamItem<N extends StreamName> =
  ReturnType<(typeof streams)[N]> extends AsyncIterable<infer T> ? T : never;
