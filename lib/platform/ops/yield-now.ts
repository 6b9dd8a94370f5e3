// Long loops on the server (a million-row import preview) hand the event loop back every few
// milliseconds, so other requests keep being answered while one large file is read.
import { setImmediate } from "node:timers/promises";

/** A pause to call once per item of a long loop; it only waits once `sliceMs` of work have passed. */
export function eventLoopBreaks(sliceMs = 10): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return undefined;
    return setImmediate().then(() => {
      since = performance.now();
    });
  };
}
