#!/usr/bin/env bash
# Starts the built app for the end-to-end tests on a fresh database with the demo data:
# embedded PGlite in $DATA_DIR, or the PostgreSQL database in $DATABASE_URL (created when missing).
set -euo pipefail
if [ -n "${DATABASE_URL:-}" ]; then
  npx tsx e2e/create-database.ts
  npm run --silent db:reset
else
  rm -rf "$DATA_DIR"
  npm run --silent db:migrate
  npm run --silent db:seed
fi
NEXT_TELEMETRY_DISABLED=1 exec npx next start -p "$E2E_PORT"
