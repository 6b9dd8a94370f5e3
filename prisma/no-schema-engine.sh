#!/bin/sh
# Stand-in for Prisma schema-engine binary: generate never runs it; migrations use the WebAssembly engine (lib/db/migrate).
exit 1
