#!/usr/bin/env bash
# Starts the app for the end-to-end tests on a fresh embedded database with the demo data.
set -euo pipefail
rm -rf "$DATA_DIR"
npm run --silent db:migrate
npm run --silent db:seed
npx next build
exec npx next start -p "$E2E_PORT"
