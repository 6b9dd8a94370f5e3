// A small in-memory rate limiter (fixed window per key) for high-volume reads (donor pages), where a
// database write per request would cost more than it protects. It protects one app process; several
// processes behind a load balancer each keep their own counts. Sign-in and invitations are limited in
// the database instead (lib/ops/shared-rate-limit.ts).
const windows = new Map<string, { start: number; count: number }>();
const MAX_KEYS = 10_000;

export function allowRequest(key: string, limit: number, windowMs: number, now = Date.now()): boolean {
  const current = windows.get(key);
  if (!current || now - current.start >= windowMs) {
    // Bounded memory under a flood of distinct keys: the oldest windows go first, never all at once
    // (clearing everything would hand a flooding client fresh allowances).
    windows.delete(key);
    while (windows.size >= MAX_KEYS) {
      const oldest = windows.keys().next().value;
      if (oldest === undefined) break;
      windows.delete(oldest);
    }
    windows.set(key, { start: now, count: 1 });
    return true;
  }
  current.count += 1;
  return current.count <= limit;
}
