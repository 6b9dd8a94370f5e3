// A small in-memory rate limiter (fixed window per key): one process's counts. Donor views add them up
// across app instances through lib/platform/ops/synced-rate-limit.ts; sign-in, invitations and API tokens are
// counted in the database on every attempt (lib/platform/ops/shared-rate-limit.ts).
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
