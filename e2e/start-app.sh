#!/usr/bin/env bash
# Starts the built app for the end-to-end tests on a fresh database with the demo data:
# embedded PGlite in $DATA_DIR, or the PostgreSQL database in $DATABASE_URL (created when missing).
set -euo pipefail
if [ -n "${E2E_WAIT_FOR:-}" ]; then
  # A second instance: the first one prepares the shared database; wait until it is ready.
  for _ in $(seq 1 180); do
    if node -e "fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" "$E2E_WAIT_FOR"; then break; fi
    sleep 1
  done
elif [ -n "${DATABASE_URL:-}" ]; then
  npx tsx e2e/create-database.ts
  npm run --silent db:reset
else
  rm -rf "$DATA_DIR"
  npm run --silent db:migrate
  npm run --silent db:seed
fi
NEXT_TELEMETRY_DISABLED=1 exec npx next start -p "$E2E_PORT"
