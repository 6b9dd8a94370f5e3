"use server";
import { UnreadableTable } from "@/lib/formats/read/table-rows";
import { oversizedFile } from "@/lib/platform/upload-limits";
import { type ActionState, formAction } from "@/lib/server/action";
import { formatOf } from "@/lib/server/results/import/file";
import { type CataloguePreview, importCatalogue, mayImportCatalogue } from "./catalogue-import";

export type CatalogueImportState = ActionState & { preview?: CataloguePreview };

/**
 * The library's bulk import form: "preview" reads the file and names every problem; "import" reads it
 * again and, when it has none, files every study (all or nothing).
 */
export async function importCatalogueAction(_: CatalogueImportState, form: FormData): Promise<CatalogueImportState> {
  return formAction(form, { textFields: [], keep: [] }, async (user): Promise<CatalogueImportState> => {
    if (!mayImportCatalogue(user)) return { error: "notAllowed" };
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return { fieldErrors: { file: "required" } };
    const tooLarge = oversizedFile("studyCatalogue", form);
    if (tooLarge) return { fieldErrors: { file: "fileTooLarge" }, tooLarge };
    const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
    try {
      const preview = await importCatalogue(
        user,
        {
          format: formatOf(file.name, head),
          source: file.stream() as unknown as AsyncIterable<Uint8Array>,
          name: file.name,
        },
        { confirm: form.get("intent") === "import" },
      );
      return { preview, done: preview.created !== undefined };
    } catch (error) {
      // A table that cannot be read (broken, past a limit) is the file field's, by its own code.
      if (error instanceof UnreadableTable) return { fieldErrors: { file: error.code } };
      throw error;
    }
  });
}
