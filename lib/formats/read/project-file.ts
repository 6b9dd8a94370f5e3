// Reading an uploaded project file (IATI XML or the logframe workbook) into a project definition.
// Pure: no database, no request. It runs in a worker thread (read-off-thread.ts).
import { type IatiReading, readIati } from "@/lib/formats/iati/read";
import { readLogframeWorkbook } from "./logframe-read";

export type ProjectFile = {
  format: "iati" | "spreadsheet";
  /** The XML text of an IATI file; the base64 bytes of an XLSX workbook. */
  content: string;
  /** Which activity of an IATI file with several (its iati-identifier); the first by default. */
  activity?: string;
  /** Several activities of an IATI file, each imported as its own project (all or nothing). */
  activities?: string[];
  /** A project code to use instead of the one in the file. */
  code?: string;
};

/** A logframe workbook reads into the same shape as an IATI file (without activities to choose from). */
export type ProjectFileReading = IatiReading;

/** Reads an uploaded file into a definition, with what was found wrong or read differently. */
export async function readProjectFile(file: ProjectFile): Promise<ProjectFileReading> {
  if (file.format === "iati") return readIati(file.content, { activity: file.activity, code: file.code });
  const reading = await readLogframeWorkbook(Buffer.from(file.content, "base64"));
  if (reading.definition && file.code) reading.definition.code = file.code;
  return { ...reading, activities: [] };
}
