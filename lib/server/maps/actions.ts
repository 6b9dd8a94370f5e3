"use server";
// The settings page's boundary import: a GeoJSON file read, matched to the project's places and saved.
import { revalidatePath } from "next/cache";
import type { BoundaryProblem } from "@/lib/domain/maps/geometry";
import { oversizedFile } from "@/lib/platform/upload-limits";
import { type ActionState, formAction } from "@/lib/server/action";
import { importBoundaries } from "./service";

export type BoundaryImportState = ActionState & {
  problems?: BoundaryProblem[];
  /** Places given an outline or a point, and the file's features that are none of the project's places. */
  matched?: string[];
  unmatched?: string[];
};

/** A file past its cap (lib/platform/upload-limits.ts) answers error "tooLarge" with `tooLarge`. */
export async function importBoundariesAction(
  projectId: string,
  _: BoundaryImportState,
  form: FormData,
): Promise<BoundaryImportState> {
  return formAction(
    form,
    { permission: ["project.edit", projectId], textFields: [], keep: [] },
    async (user): Promise<BoundaryImportState> => {
      const upload = form.get("file");
      if (!(upload instanceof File) || upload.size === 0) return { error: "noFile" };
      const tooLarge = oversizedFile("boundaries", form);
      if (tooLarge) return { error: "tooLarge", tooLarge };
      // A read past its time or memory limit is refused by its code (a ReadRefused DomainError).
      const reading = await importBoundaries(user, projectId, await upload.text());
      if (!reading.ok) return { problems: reading.problems };
      revalidatePath(`/projects/${projectId}`, "layout");
      return { matched: reading.matched.map((m) => m.name), unmatched: reading.unmatched };
    },
  );
}
