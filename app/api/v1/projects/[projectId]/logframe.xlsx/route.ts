import { xlsxMediaType } from "@/lib/api/contracts/types";
import { projectExportRoute } from "@/lib/api/export-route";
import { projectLogframeFile } from "@/lib/exports/logframe-workbook-export";

export const GET = projectExportRoute(projectLogframeFile, xlsxMediaType);
