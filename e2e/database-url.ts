/** The PostgreSQL database of the end-to-end server on PostgreSQL (emptied and reseeded at each run). */
export const e2eDatabaseUrl = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/me_dashboard_e2e";
