// Creates the PostgreSQL database named in DATABASE_URL when it does not exist yet.
import { createDatabaseIfMissing } from "../lib/platform/db/server-admin";

await createDatabaseIfMissing(process.env.DATABASE_URL ?? "");
