// How long the event loop was kept busy: a liveness ping every 20 ms while `work` runs; the longest
// wait between two (or until the end) is how long another request would have stalled.
export async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; longestMs: number }> {
  let last = performance.now();
  let longest = 0;
  const ping = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 20);
  try {
    const result = await work();
    return { result, longestMs: Math.max(longest, performance.now() - last) };
  } finally {
    clearInterval(ping);
  }
}
