// Reads a project file in a worker thread with a time and memory limit, so parsing a large IATI file or
// workbook never stalls the requests of everyone else, and a file that takes too long or too much
// memory is refused by name instead of taking the server down.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { env } from "@/lib/env";
import type { ProjectFile, ProjectFileReading } from "./project-file";

export type OffThreadReading = Omit<ProjectFileReading, "locate"> & {
  /** The file locations of the paths asked about, in their order. */
  located: string[];
};

export type ReadLimits = { timeoutMs: number; maxMemoryMb: number };

export function readLimits(): ReadLimits {
  return { timeoutMs: env().IMPORT_READ_TIMEOUT_MS, maxMemoryMb: env().IMPORT_READ_MEMORY_MB };
}

function startWorker(workerData: unknown, limits: ReadLimits): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: limits.maxMemoryMb };
  if (import.meta.url.endsWith(".ts")) {
    // Tests run the TypeScript sources: tsx compiles the worker as it loads. The built app runs the
    // worker that Next.js bundled from the URL below.
    const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "project-file-worker.ts");
    const code = `require("tsx/cjs/api").register(); require(${JSON.stringify(entry)});`;
    return new Worker(code, { eval: true, workerData, resourceLimits });
  }
  return new Worker(new URL("./project-file-worker.ts", import.meta.url), { workerData, resourceLimits });
}

/** The reading of `file`, or a reading with one problem on "file" when it ran past a limit. */
export function readProjectFileOffThread(
  file: ProjectFile,
  paths: string[] = [],
  limits = readLimits(),
): Promise<OffThreadReading> {
  const refused = (code: "readTimedOut" | "readTooLarge"): OffThreadReading => ({
    activities: [],
    definition: null,
    problems: [{ where: "file", code }],
    warnings: [],
    located: paths,
  });
  return new Promise((resolve, reject) => {
    const worker = startWorker({ file, paths }, limits);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => resolve(refused("readTimedOut"))), limits.timeoutMs);
    worker.once("message", (reading: OffThreadReading) => settle(() => resolve(reading)));
    worker.once("error", (error: Error & { code?: string }) =>
      settle(() => (error.code === "ERR_WORKER_OUT_OF_MEMORY" ? resolve(refused("readTooLarge")) : reject(error))),
    );
    worker.once("exit", (code) => settle(() => reject(new Error(`The file reader stopped (exit code ${code})`))));
  });
}
