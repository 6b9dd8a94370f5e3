// Every reader of an untrusted file (results and survey tables, GeoJSON, IATI and logframe files, XLSForms,
// evidence files) runs in a worker thread with a time and memory limit (IMPORT_READ_TIMEOUT_MS,
// IMPORT_READ_MEMORY_MB), so parsing a hostile file never stalls the requests of everyone else: a file
// that takes too long or too much memory is refused by name ("readTimedOut", "readTooLarge"), and the
// worker is ended after every read, so the memory it took goes back. The memory limit is the worker's V8
// heap and, watched from this thread (watchMemory), what the process takes outside it while the worker
// reads: buffers a reader inflates (a PDF's compressed streams, a zip's entries) are not on the heap.
//
// A reader is named in lib/formats/read/readers.ts. `readOffThread` runs one that returns a single value;
// `streamOffThread` one that yields items (table rows), handed over in batches as the caller asks for
// them (the worker waits while the caller works), its time limit counting only the worker's own time.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { DomainError } from "@/lib/domain/errors";
import type { TableRefusal } from "@/lib/domain/imports/table-refusals";
import { env } from "@/lib/platform/env";
import type { ReaderInput, ReaderOutput, SingleName, StreamItem, StreamName } from "./readers";
import { UnreadableTable } from "./table-rows";
import { type ZipRefusal, ZipRefused } from "./zip-limits";

export type ReadLimits = { timeoutMs: number; maxMemoryMb: number };

export function readLimits(): ReadLimits {
  return { timeoutMs: env().IMPORT_READ_TIMEOUT_MS, maxMemoryMb: env().IMPORT_READ_MEMORY_MB };
}

/** A read that ran past its time or memory limit. */
export type ReadRefusal = "readTimedOut" | "readTooLarge";

export class ReadRefused extends DomainError {
  declare readonly code: ReadRefusal;
  constructor(code: ReadRefusal) {
    super(code, { fields: [{ field: "body", code }], message: `The file was refused: ${code}` });
    this.name = "ReadRefused";
  }
}

/** An error thrown in the worker, as it crosses back (class instances do not survive the copy). */
export type WorkerError = { name: string; message: string; code?: string; reason?: string };

/** The error as the caller would have seen it had the reader run on its own thread. */
function reviveError(error: WorkerError): Error {
  if (error.name === "UnreadableTable") return new UnreadableTable(error.code as TableRefusal, error.reason);
  if (error.name === "ZipRefused") return new ZipRefused(error.code as ZipRefusal);
  return Object.assign(new Error(error.message), { name: error.name, code: error.code });
}

/** What the worker posts: a reader's value, a batch of a stream's items (`done` at its end), or its error. */
export type WorkerMessage =
  | { kind: "value"; value: unknown }
  | { kind: "items"; items: unknown[]; done: boolean }
  | { kind: "error"; error: WorkerError };

const MB = 1024 * 1024;
/** How often this thread looks at the process's memory while a worker reads (60 MB/s of inflating: ~2 MB). */
const MEMORY_POLL_MS = 25;

/** The process's memory not held by this thread's own heap and buffers: mostly its workers'. */
function outsideThisThread(): number {
  const { rss, heapTotal, external } = process.memoryUsage();
  return rss - heapTotal - external;
}

/**
 * Calls `over` once the process has grown by more than the read's memory limit outside this thread since
 * the worker started; gives the function that stops watching. Why: the worker's resourceLimits count only
 * its V8 heap, but the buffers a reader inflates (pdf.js's FlateDecode streams, a zip's entries) live
 * outside it, and a worker shares its process, so a decompression bomb of a few hundred KB would grow past
 * any limit until the OS ends the whole server. Its event loop may be busy for seconds inflating, so the
 * watch runs here, where the loop is free. Reads running at once are held to the limit together.
 */
function watchMemory(limits: ReadLimits, over: () => void): () => void {
  const start = outsideThisThread();
  const timer = setInterval(() => {
    if (outsideThisThread() - start > limits.maxMemoryMb * MB) over();
  }, MEMORY_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

function startWorker(workerData: unknown, limits: ReadLimits): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: limits.maxMemoryMb };
  if (import.meta.url.endsWith(".ts")) {
    // Tests run the TypeScript sources: tsx compiles the worker as it loads. The built app runs the
    // worker that Next.js bundled from the URL below.
    const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "reader-worker.ts");
    const code = `require("tsx/cjs/api").register(); require(${JSON.stringify(entry)});`;
    return new Worker(code, { eval: true, workerData, resourceLimits });
  }
  return new Worker(new URL("./reader-worker.ts", import.meta.url), { workerData, resourceLimits });
}

/** How a worker ended: refused by a limit, or an error of its own. */
function failure(error: Error & { code?: string }): Error {
  return error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new ReadRefused("readTooLarge") : error;
}

/**
 * Runs the named reader on `input` in a new worker and gives its value; throws ReadRefused past a
 * limit, or the reader's own error (UnreadableTable, ZipRefused keep their class and code).
 */
export function readOffThread<N extends SingleName>(
  name: N,
  input: ReaderInput<N>,
  limits = readLimits(),
): Promise<ReaderOutput<N>> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ name, input }, limits);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unwatch();
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(new ReadRefused("readTimedOut"))), limits.timeoutMs);
    const unwatch = watchMemory(limits, () => settle(() => reject(new ReadRefused("readTooLarge"))));
    worker.on("message", (message: WorkerMessage) =>
      settle(() =>
        message.kind === "value"
          ? resolve(message.value as ReaderOutput<N>)
          : reject(message.kind === "error" ? reviveError(message.error) : new Error("Unexpected reply")),
      ),
    );
    worker.once("error", (error: Error & { code?: string }) => settle(() => reject(failure(error))));
    worker.once("exit", (code) => settle(() => reject(new Error(`The file reader stopped (exit code ${code})`))));
  });
}

/**
 * The items the named streaming reader yields, read in a worker a batch at a time: the worker reads the
 * next batch only once this one is taken, so memory holds a batch, not the file. Ending the loop early
 * ends the worker. The time limit counts the worker's reading only, not the caller's work between batches.
 */
export async function* streamOffThread<N extends StreamName>(
  name: N,
  input: ReaderInput<N>,
  limits = readLimits(),
): AsyncGenerator<StreamItem<N>> {
  const worker = startWorker({ name, input }, limits);
  let budget = limits.timeoutMs;
  let waiting: { resolve: (m: WorkerMessage) => void; reject: (e: Error) => void } | null = null;
  let ended: Error | null = null;
  const fail = (error: Error) => {
    ended ??= error;
    waiting?.reject(ended);
    waiting = null;
  };
  worker.on("message", (message: WorkerMessage) => {
    waiting?.resolve(message);
    waiting = null;
  });
  worker.on("error", (error: Error & { code?: string }) => fail(failure(error)));
  worker.on("exit", (code) => fail(new Error(`The file reader stopped (exit code ${code})`)));
  // Past the memory limit the worker is ended at once (its batches may be slow to come): the exit that
  // follows finds the refusal already set.
  const unwatch = watchMemory(limits, () => {
    fail(new ReadRefused("readTooLarge"));
    void worker.terminate();
  });
  /** The next batch the worker posts; it is asked for it when `ask` is set (it posts the first unasked). */
  const next = (ask: boolean) =>
    new Promise<WorkerMessage>((resolve, reject) => {
      if (ended) return reject(ended);
      const started = performance.now();
      const timer = setTimeout(() => fail(new ReadRefused("readTimedOut")), budget);
      const done = () => {
        clearTimeout(timer);
        budget -= performance.now() - started;
      };
      waiting = {
        resolve: (m) => {
          done();
          resolve(m);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      };
      if (ask) worker.postMessage("next");
    });
  try {
    let ask = false;
    for (;;) {
      const message = await next(ask);
      ask = true;
      if (message.kind === "error") throw reviveError(message.error);
      if (message.kind !== "items") throw new Error("Unexpected reply");
      yield* message.items as StreamItem<N>[];
      if (message.done) return;
    }
  } finally {
    unwatch();
    ended ??= new Error("The reading was ended");
    await worker.terminate();
  }
}
