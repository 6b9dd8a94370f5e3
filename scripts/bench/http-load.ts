// The benchmark's HTTP side: the production build started on the benchmark's database, signed in as
// a browser does, and loaded with autocannon (50 connections) or timed one request at a time.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { type AddressInfo, createServer } from "node:net";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";

export type Server = { base: string; stop: () => Promise<void> };

/** A port nothing listens on now, so the load never reaches another server left running on a fixed one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The server exited before answering: on a port just probed free, most likely someone took it since. */
class ServerExitedError extends Error {}

/** Starts the app on a free port, on another one if the first was taken between the probe and the start. */
export async function startServerOnFreePort(env: Record<string, string>, attempts = 3): Promise<Server> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServer(await freePort(), env);
    } catch (error) {
      if (!(error instanceof ServerExitedError) || attempt >= attempts) throw error;
    }
  }
}

/** Starts `next start` on the database the environment names; resolves once it answers. */
export async function startServer(port: number, env: Record<string, string>): Promise<Server> {
  const base = `http://localhost:${port}`;
  const child: ChildProcess = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: randomBytes(32).toString("base64"),
      APP_URL: base,
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new ServerExitedError("The app server exited while starting");
    const ready = await fetch(`${base}/api/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (tries > 240) throw new Error("The app server did not start within 2 minutes");
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Signs in through the credentials endpoint as the login form does; returns the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = answer.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`Could not sign in as ${email} (HTTP ${answer.status})`);
  return session;
}

export type LoadResult = { reqPerSec: number; p50: number; p99: number; errors: number; statuses: string };

/** 50 connections for `seconds` against one URL: throughput, latency percentiles, and non-2xx answers. */
export async function load(
  url: string,
  headers: Record<string, string> = {},
  seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 10),
): Promise<LoadResult> {
  // Compressed answers, as browsers ask for them.
  const result = await autocannon({
    url,
    connections: 50,
    duration: seconds,
    headers: { "accept-encoding": "gzip", ...headers },
  });
  const statuses = Object.entries({
    "2xx": result["2xx"],
    "3xx": result["3xx"],
    "4xx": result["4xx"],
    "5xx": result["5xx"],
  })
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k}: ${n}`)
    .join(", ");
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result["5xx"],
    statuses,
  };
}

/** Median time of one request at a time (after one warm-up); fails on an unexpected status. */
export async function medianRequest(
  url: string,
  headers: Record<string, string>,
  runs: number,
  expected = 200,
): Promise<{ ms: number; bytes: number }> {
  const once = async () => {
    const start = performance.now();
    const answer = await fetch(url, { headers, redirect: "manual" });
    const bytes = (await answer.arrayBuffer()).byteLength;
    if (answer.status !== expected) throw new Error(`${url} answered ${answer.status}, not ${expected}`);
    return { ms: performance.now() - start, bytes };
  };
  await once();
  const times: { ms: number; bytes: number }[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  times.sort((a, b) => a.ms - b.ms);
  return times[Math.floor(times.length / 2)] ?? { ms: Number.NaN, bytes: 0 };
}
