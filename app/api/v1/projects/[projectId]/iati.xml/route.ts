import { projectExportRoute } from "@/lib/http/export-route";
import { projectIatiXml } from "@/lib/server/exports/iati-export";

export const GET = projectExportRoute(projectIatiXml, "application/xml; charset=utf-8");
