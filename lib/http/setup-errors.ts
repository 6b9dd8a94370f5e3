import "server-only";
import { ZodError } from "zod";
import { EditRefused, StaleEdit } from "@/lib/server/projects/edit";
import { TargetConflict, TargetProblems } from "@/lib/server/projects/targets";
import { ApiProblem } from "./problem";

/** Runs a project-setup operation and turns its expected failures into problem answers. */
export async function withSetupProblems<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ZodError)
      throw new ApiProblem(
        "validation",
        "Invalid input",
        error.issues.map((i) => ({ field: `body.${i.path.join(".")}`, message: i.message })),
      );
    if (error instanceof EditRefused && error.code === "rateLimited") throw new ApiProblem("rateLimited");
    if (error instanceof EditRefused)
      throw new ApiProblem("validation", "Not accepted", [{ field: `body.${error.field}`, message: error.code }]);
    if (error instanceof StaleEdit)
      throw new ApiProblem("conflict", "Changed by someone else since it was read", undefined, {
        current: error.current,
      });
    if (error instanceof TargetProblems)
      throw new ApiProblem(
        "validation",
        "The targets were not saved",
        error.problems.map((p) => ({ field: `body.cells.${p.index}.${p.field}`, message: p.code })),
      );
    if (error instanceof TargetConflict)
      throw new ApiProblem(
        "conflict",
        "Changed by someone else since it was read",
        [{ field: `body.cells.${error.index}.updatedAt`, message: "stale" }],
        { current: error.current },
      );
    throw error;
  }
}

/** An import or creation that found problems: 400 with each problem, and the preview. */
export function previewOrProblem<T extends { problems: { where: string; code: string }[] }>(preview: T): T {
  if (preview.problems.length === 0) return preview;
  throw new ApiProblem(
    "validation",
    "Nothing was created",
    preview.problems.map((p) => ({ field: p.where, message: p.code })),
    { preview },
  );
}
