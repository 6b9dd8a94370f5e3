import { xlsxMediaType } from "@/lib/http/contracts/types";
import { rollupExportRoute } from "@/lib/http/export-route";
import { rollupXlsx } from "@/lib/server/exports/rollup-export";

export const GET = rollupExportRoute(rollupXlsx, xlsxMediaType);
