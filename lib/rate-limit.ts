// A small in-memory rate limiter (fixed window per key). It protects one app process; several
// processes behind a load balancer each keep their own counts.
const windows = new Map<string, { start: number; count: number }>();

export function allowRequest(key: string, limit: number, windowMs: number, now = Date.now()): boolean {
  const current = windows.get(key);
  if (!current || now - current.start >= windowMs) {
    if (windows.size > 10_000) windows.clear(); // bounded memory under a flood of distinct keys
    windows.set(key, { start: now, count: 1 });
    return true;
  }
  current.count += 1;
  return current.count <= limit;
}
