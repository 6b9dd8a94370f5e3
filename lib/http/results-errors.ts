import "server-only";
import { BatchProblems, VersionConflict } from "@/lib/server/results/entry";
import { ApiProblem } from "./problem";

/** Runs a results operation and turns its expected failures into problem answers. */
export async function withResultProblems<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BatchProblems) {
      const fieldPrefix = (p: BatchProblems["problems"][number]) => `items.${p.index}.${p.field}`;
      throw new ApiProblem(
        "validation",
        "The batch was not saved",
        error.problems.map((p) => ({ field: fieldPrefix(p), message: p.code })),
      );
    }
    if (error instanceof VersionConflict) {
      throw new ApiProblem(
        "conflict",
        "Changed by someone else since it was read",
        [{ field: `items.${error.index}.version`, message: "stale" }],
        {
          current: {
            id: error.current.id,
            version: error.current.version,
            value: error.current.value,
            numerator: error.current.numerator,
            denominator: error.current.denominator,
            status: error.current.status,
          },
        },
      );
    }
    throw error;
  }
}
