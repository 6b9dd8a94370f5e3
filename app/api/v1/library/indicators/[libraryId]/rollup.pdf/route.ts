import { rollupExportRoute } from "@/lib/http/rollup-export-route";
import { rollupPdf } from "@/lib/server/exports/rollup-export";

export const GET = rollupExportRoute(rollupPdf, "application/pdf");
