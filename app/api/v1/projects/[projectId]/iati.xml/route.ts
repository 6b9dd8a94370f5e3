import { projectExportRoute } from "@/lib/api/export-route";
import { projectIatiXml } from "@/lib/exports/iati-export";

export const GET = projectExportRoute(projectIatiXml, "application/xml; charset=utf-8");
