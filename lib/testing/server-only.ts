// Tests import server modules directly; Next.js's "server-only" guard is meant for the bundler.
export {};
