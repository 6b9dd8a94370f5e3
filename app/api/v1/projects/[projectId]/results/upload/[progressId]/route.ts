import { importProgressParams } from "@/lib/api/contracts/results";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { brokenImportOutcome } from "@/lib/results/import-jobs";
import { type ImportPhase, readImportProgress } from "@/lib/results/import-progress";

export const GET = apiRoute({
  params: importProgressParams,
  async handler({ principal, params }) {
    const progress = await readImportProgress(principal, params.projectId, params.progressId);
    if (!progress) throw new ApiProblem("notFound", "No import with this progress id in this project");
    const unfinished = !progress.outcome && progress.phase !== "done" && progress.phase !== "failed";
    const broken = unfinished ? await brokenImportOutcome(params.progressId) : null;
    return {
      ...progress,
      phase: broken ? "failed" : (progress.phase as ImportPhase),
      outcome: (broken ?? progress.outcome) as { status: number; body: unknown } | null,
      updatedAt: progress.updatedAt.toISOString(),
    };
  },
});
