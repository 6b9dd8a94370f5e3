"use server";
// The settings page's boundary import: a GeoJSON file read, matched to the project's places and saved.
import { revalidatePath } from "next/cache";
import type { FileTooLarge } from "@/lib/domain/format/file-size";
import type { BoundaryProblem } from "@/lib/domain/maps/geometry";
import { can } from "@/lib/domain/permissions";
import { type ReadRefusal, ReadRefused } from "@/lib/formats/read/off-thread";
import { currentUser } from "@/lib/platform/auth/session";
import { oversizedFile } from "@/lib/platform/upload-limits";
import { importBoundaries } from "./service";

export type BoundaryImportState = {
  error?: "notAllowed" | "noFile" | "tooLarge" | ReadRefusal;
  /** The file past its cap (lib/platform/upload-limits.ts), with error "tooLarge". */
  tooLarge?: FileTooLarge;
  problems?: BoundaryProblem[];
  /** Places given an outline or a point, and the file's features that are none of the project's places. */
  matched?: string[];
  unmatched?: string[];
};

export async function importBoundariesAction(
  projectId: string,
  _: BoundaryImportState,
  form: FormData,
): Promise<BoundaryImportState> {
  const user = await currentUser();
  if (!user || !can(user, "project.edit", projectId)) return { error: "notAllowed" };
  const upload = form.get("file");
  if (!(upload instanceof File) || upload.size === 0) return { error: "noFile" };
  const tooLarge = oversizedFile("boundaries", form);
  if (tooLarge) return { error: "tooLarge", tooLarge };
  const reading = await importBoundaries(user, projectId, await upload.text()).catch((error) => {
    if (error instanceof ReadRefused) return { error: error.code };
    throw error;
  });
  if ("error" in reading) return reading;
  if (!reading.ok) return { problems: reading.problems };
  revalidatePath(`/projects/${projectId}`, "layout");
  return { matched: reading.matched.map((m) => m.name), unmatched: reading.unmatched };
}
