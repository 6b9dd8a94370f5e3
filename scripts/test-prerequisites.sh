#!/usr/bin/env bash
# What the test suite needs beyond npm packages: Debian's Chromium for the browser tests, xmllint for
# schema validation, and the PostgreSQL server on 127.0.0.1:5432 for the PostgreSQL integration tests.
# Installs or starts what is missing (as root, with apt-get), else says what to do.
set -euo pipefail

missing=()
[ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null || missing+=(chromium)
command -v xmllint >/dev/null || missing+=(libxml2-utils)
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]} from Debian's packages…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Please install: ${missing[*]} (Debian/Ubuntu: sudo apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
fi

postgres_up() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
if [ -z "${TEST_DATABASE_URL:-}" ] && ! postgres_up; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "Starting PostgreSQL…"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
    for _ in $(seq 1 30); do postgres_up && break; sleep 1; done
  fi
  postgres_up || {
    echo "PostgreSQL is not reachable on 127.0.0.1:5432; start it, or set TEST_DATABASE_URL." >&2
    exit 1
  }
fi
