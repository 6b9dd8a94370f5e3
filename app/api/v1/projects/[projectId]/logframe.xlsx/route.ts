import { xlsxMediaType } from "@/lib/http/contracts/types";
import { projectExportRoute } from "@/lib/http/export-route";
import { projectLogframeFile } from "@/lib/server/exports/logframe-workbook-export";

export const GET = projectExportRoute(projectLogframeFile, xlsxMediaType);
