import { rollupExportRoute } from "@/lib/http/export-route";
import { rollupPdf } from "@/lib/server/exports/rollup-export";

export const GET = rollupExportRoute(rollupPdf, "application/pdf");
