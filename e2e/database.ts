import { connect } from "../lib/platform/db";
import { e2eDatabaseUrl } from "./database-url";

/** The data layer on the end-to-end PostgreSQL database, for fixtures of *.pg.spec.ts. */
export function e2eDatabase() {
  return connect({ kind: "postgres", url: e2eDatabaseUrl });
}
