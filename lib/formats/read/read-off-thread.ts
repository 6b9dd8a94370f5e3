// Reads a project file (IATI or logframe workbook) in a worker thread with a time and memory limit
// (off-thread.ts), so parsing a large file never stalls the requests of everyone else, and a file that
// takes too long or too much memory is refused by name instead of taking the server down.
import { type ReadLimits, ReadRefused, readLimits, readOffThread } from "./off-thread";
import type { ProjectFile, ProjectFileReading } from "./project-file";

export { type ReadLimits, readLimits };

export type OffThreadReading = Omit<ProjectFileReading, "locate"> & {
  /** The file locations of the paths asked about, in their order. */
  located: string[];
};

/** The reading of `file`, or a reading with one problem on "file" when it ran past a limit. */
export async function readProjectFileOffThread(
  file: ProjectFile,
  paths: string[] = [],
  limits = readLimits(),
): Promise<OffThreadReading> {
  try {
    return await readOffThread("projectFile", { file, paths }, limits);
  } catch (error) {
    if (!(error instanceof ReadRefused)) throw error;
    return {
      activities: [],
      definition: null,
      problems: [{ where: "file", code: error.code }],
      warnings: [],
      located: paths,
    };
  }
}
