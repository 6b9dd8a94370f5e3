import { importProgressParams } from "@/lib/http/contracts/results";
import { ApiProblem } from "@/lib/http/problem";
import { apiRoute } from "@/lib/http/route";
import { brokenImportOutcome } from "@/lib/server/results/import/jobs";
import { type ImportPhase, readImportProgress } from "@/lib/server/results/import/progress";

export const GET = apiRoute({
  params: importProgressParams,
  async handler({ principal, params }) {
    const found = await readImportProgress(principal, params.projectId, params.progressId);
    if (!found) throw new ApiProblem("notFound", "No import with this progress id in this project");
    const { heartbeatAt, ...progress } = found;
    // A background import whose worker stopped is given up here too (its heartbeat is old), so the
    // page learns it within the heartbeat's limit whichever instance it asks.
    const unfinished = !progress.outcome && progress.phase !== "done" && progress.phase !== "failed";
    const broken = unfinished ? await brokenImportOutcome(params.projectId, params.progressId, heartbeatAt) : null;
    return {
      ...progress,
      phase: broken ? "failed" : (progress.phase as ImportPhase),
      outcome: (broken ?? progress.outcome) as { status: number; body: unknown } | null,
      updatedAt: progress.updatedAt.toISOString(),
    };
  },
});
