"use server";
import { currentUser } from "@/lib/auth/session";
import type { FileTooLarge } from "@/lib/file-size";
import type { TableRefusal } from "@/lib/imports/table-refusals";
import { UnreadableTable } from "@/lib/imports/table-rows";
import { can } from "@/lib/permissions";
import { oversizedFile } from "@/lib/upload-limits";
import { formatOf, mappingFor, tableColumns } from "./import-file";
import type { ImportMapping } from "./import-mapping";

export type ColumnsState = {
  error?: "notAllowed" | "noFile" | TableRefusal;
  headers?: string[];
  rows?: string[][];
  mapping?: Partial<ImportMapping>;
  saved?: boolean;
  /** The file past its cap (lib/upload-limits.ts). */
  tooLarge?: FileTooLarge;
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
  const user = await currentUser();
  if (!user || !can(user, "results.enter", projectId)) return { error: "notAllowed" };
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
    return { error: error instanceof UnreadableTable ? error.code : "unreadable" };
  }
}
