"use server";
import type { ImportMapping } from "@/lib/domain/results/import-mapping";
import { UnreadableTable } from "@/lib/formats/read/table-rows";
import { oversizedFile } from "@/lib/platform/upload-limits";
import { type ActionState, formAction } from "@/lib/server/action";
import { formatOf, mappingFor, tableColumns } from "./file";

export type ColumnsState = ActionState & {
  headers?: string[];
  rows?: string[][];
  mapping?: Partial<ImportMapping>;
  saved?: boolean;
};

function fileOf(form: FormData): File | null {
  const file = form.get("file");
  return file instanceof File && file.size > 0 ? file : null;
}

async function sourceOf(file: File) {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return { format: formatOf(file.name, head), source: file.stream() as unknown as AsyncIterable<Uint8Array> };
}

/** The uploaded table's columns and first rows, with the mapping to start from. */
export async function readColumnsAction(projectId: string, form: FormData): Promise<ColumnsState> {
  return formAction(
    form,
    { permission: ["results.enter", projectId], textFields: [], keep: [] },
    async (user): Promise<ColumnsState> => {
      const file = fileOf(form);
      if (!file) return { error: "noFile" };
      const tooLarge = oversizedFile("resultsColumns", form);
      if (tooLarge) return { tooLarge };
      try {
        const { format, source } = await sourceOf(file);
        const columns = await tableColumns(format, source);
        if (!columns.headers.length) return { error: "unreadable" };
        return { ...columns, ...(await mappingFor(user, projectId, columns.headers)) };
      } catch (error) {
        // A refused table answers its own code; any other failure to read it is "unreadable".
        if (error instanceof UnreadableTable) throw error;
        return { error: "unreadable" };
      }
    },
  );
}
