#!/bin/sh
# Run once by the PostgreSQL image when it creates the primary's database (docker-entrypoint-initdb.d):
# a role that may stream the primary's changes to a read replica (compose.yaml, profile "replica").
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '${REPLICATION_PASSWORD:-replicator}';
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
