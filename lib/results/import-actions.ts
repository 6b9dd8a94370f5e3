"use server";
import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { ImportRaced, type ResultImportPreview } from "./import";
import { formatOf, importResultsFile, mappingFor, tableColumns } from "./import-file";
import { type ImportMapping, importMappingSchema, mappedFields } from "./import-mapping";

export type ColumnsState = {
  error?: "notAllowed" | "noFile" | "unreadable";
  headers?: string[];
  rows?: string[][];
  mapping?: Partial<ImportMapping>;
  saved?: boolean;
};

export type ImportState = {
  error?: "notAllowed" | "noFile" | "raced";
  mappingErrors?: Record<string, string>;
  preview?: ResultImportPreview;
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
  try {
    const { format, source } = await sourceOf(file);
    const columns = await tableColumns(format, source);
    if (!columns.headers.length) return { error: "unreadable" };
    return { ...columns, ...(await mappingFor(user, projectId, columns.headers)) };
  } catch {
    return { error: "unreadable" };
  }
}

export async function importResultsAction(projectId: string, _: ImportState, form: FormData): Promise<ImportState> {
  const user = await currentUser();
  if (!user || !can(user, "results.enter", projectId)) return { error: "notAllowed" };
  const file = fileOf(form);
  if (!file) return { error: "noFile" };
  const raw = Object.fromEntries(mappedFields.map((f) => [f, String(form.get(`map-${f}`) ?? "")]));
  const mapping = importMappingSchema.safeParse({ ...raw, includeUnapproved: form.get("includeUnapproved") === "on" });
  if (!mapping.success) {
    const mappingErrors: Record<string, string> = {};
    for (const issue of mapping.error.issues) mappingErrors[String(issue.path[0])] ??= issue.message;
    return { mappingErrors };
  }
  try {
    const preview = await importResultsFile(user, projectId, {
      ...(await sourceOf(file)),
      mapping: mapping.data,
      dryRun: form.get("intent") !== "import",
      submit: form.get("submit") === "on",
    });
    if (preview.imported) revalidatePath(`/projects/${projectId}`, "layout");
    return { preview };
  } catch (error) {
    if (error instanceof ImportRaced) return { error: "raced" };
    throw error;
  }
}
