#!/bin/sh
# Stand-in for Prisma schema-engine binary: generate never runs it; migrations use the WebAssembly engine (lib/platform/db/schema-engine.ts).
exit 1
