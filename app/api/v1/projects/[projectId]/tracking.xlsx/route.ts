import { xlsxMediaType } from "@/lib/api/contracts/types";
import { projectExportRoute } from "@/lib/api/export-route";
import { trackingXlsx } from "@/lib/exports/tracking-export";

export const GET = projectExportRoute(trackingXlsx, xlsxMediaType);
