import { xlsxMediaType } from "@/lib/http/contracts/types";
import { projectExportRoute } from "@/lib/http/export-route";
import { trackingXlsx } from "@/lib/server/exports/tracking-export";

export const GET = projectExportRoute(trackingXlsx, xlsxMediaType);
