// Worker thread entry: runs the reader off-thread.ts names and posts back its value, or a streaming
// reader's items in batches, each once the last was taken ("next"), or the error it threw.
import { once } from "node:events";
import { parentPort, workerData } from "node:worker_threads";
import type { WorkerMessage } from "./off-thread";
import { readers, streams } from "./readers";

/** A batch ends at this many items, or once its rows hold this many cells. */
const BATCH_ITEMS = 1000;
const BATCH_CELLS = 100_000;

const { name, input } = workerData as { name: string; input: unknown };
const port = parentPort;
const post = (message: WorkerMessage) => port?.postMessage(message);

function errorOf(error: unknown) {
  const { name, message, code, reason } = (error ?? {}) as Record<string, unknown>;
  return {
    name: typeof name === "string" ? name : "Error",
    message: typeof message === "string" ? message : String(error),
    ...(typeof code === "string" ? { code } : {}),
    ...(typeof reason === "string" ? { reason } : {}),
  };
}

async function run() {
  if (name in streams) {
    const items = (streams as Record<string, (input: unknown) => AsyncIterable<unknown>>)[name]?.(input);
    if (!items || !port) return;
    let batch: unknown[] = [];
    let cells = 0;
    for await (const item of items) {
      batch.push(item);
      cells += (item as { cells?: unknown[] }).cells?.length ?? 1;
      if (batch.length < BATCH_ITEMS && cells < BATCH_CELLS) continue;
      post({ kind: "items", items: batch, done: false });
      batch = [];
      cells = 0;
      await once(port, "message");
    }
    post({ kind: "items", items: batch, done: true });
    return;
  }
  const reader = (readers as Record<string, (input: unknown) => unknown>)[name];
  if (!reader) throw new Error(`No reader named ${name}`);
  post({ kind: "value", value: await reader(input) });
}

run().catch((error: unknown) => post({ kind: "error", error: errorOf(error) }));
