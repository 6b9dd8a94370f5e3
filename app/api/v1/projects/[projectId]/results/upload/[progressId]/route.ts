import { importProgressParams } from "@/lib/api/contracts/results";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { readImportProgress } from "@/lib/results/import-progress";

export const GET = apiRoute({
  params: importProgressParams,
  async handler({ principal, params }) {
    const progress = await readImportProgress(principal, params.projectId, params.progressId);
    if (!progress) throw new ApiProblem("notFound", "No import with this progress id in this project");
    return { ...progress, phase: progress.phase as "reading", updatedAt: progress.updatedAt.toISOString() };
  },
});
