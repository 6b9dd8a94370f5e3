"use server";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { studyFormField, studyInputOfForm } from "@/lib/domain/studies/form";
import { citationInput, studyInput } from "@/lib/domain/studies/input";
import { oversizedFile } from "@/lib/platform/upload-limits";
import { type ActionState, formAction } from "@/lib/server/action";
import { EvidenceRefused } from "@/lib/server/evidence/service";
import { citeSource } from "./citations";
import { attachStudyFiles, createStudy, removeStudyFile, updateStudy } from "./service";
import { addStudyVocabulary, vocabularyInput } from "./vocabulary";

/** Files a study from the library's form (its document checked as evidence files are); opens its page. */
export async function createStudyAction(_: ActionState, form: FormData): Promise<ActionState> {
  let created: string | undefined;
  const state = await formAction(
    form,
    {
      parse: {
        schema: studyInput,
        input: studyInputOfForm,
        field: (issue) => studyFormField(issue.path),
      },
    },
    async (user, input) => {
      const files = await documentsOf(form);
      if ("tooLarge" in files) return files;
      try {
        created = (await createStudy(user, input, files)).id;
      } catch (error) {
        return refusedDocument(error);
      }
    },
  );
  if (created) redirect(`/studies/${created}`);
  return state;
}

/** The form's document (none when left empty), or its refusal when past the cap. */
async function documentsOf(form: FormData) {
  const tooLarge = oversizedFile("study", form);
  if (tooLarge) return { fieldErrors: { file: "fileTooLarge" }, tooLarge };
  const file = form.get("file");
  return file instanceof File && file.size > 0
    ? [{ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }]
    : [];
}

/** A refused document is the file field's (the API names the body); anything else goes on. */
function refusedDocument(error: unknown): ActionState {
  if (error instanceof EvidenceRefused) return { fieldErrors: { file: error.reason } };
  throw error;
}

const idOf = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/** Saves the edit form as of the version it was opened on (refused as stale when someone saved since); opens the study's page. */
export async function updateStudyAction(_: ActionState, form: FormData): Promise<ActionState> {
  const studyId = idOf(form, "studyId");
  let saved = false;
  const state = await formAction(
    form,
    { parse: { schema: studyInput, input: studyInputOfForm, field: (issue) => studyFormField(issue.path) } },
    async (user, input) => {
      const updated = await updateStudy(user, studyId, input, Number(idOf(form, "version")));
      if (!updated) notFound();
      saved = true;
    },
  );
  if (saved) redirect(`/studies/${studyId}`);
  return state;
}

/** Adds a document to a study (checked as evidence files are). */
export async function attachStudyFileAction(_: ActionState, form: FormData): Promise<ActionState> {
  const studyId = idOf(form, "studyId");
  return formAction(form, {}, async (user) => {
    const files = await documentsOf(form);
    if ("tooLarge" in files) return files;
    if (files.length === 0) return { fieldErrors: { file: "required" } };
    try {
      if (!(await attachStudyFiles(user, studyId, files))) notFound();
    } catch (error) {
      return refusedDocument(error);
    }
    revalidatePath(`/studies/${studyId}`);
  });
}

/** Removes a document of a study. */
export async function removeStudyFileAction(_: ActionState, form: FormData): Promise<ActionState> {
  const studyId = idOf(form, "studyId");
  return formAction(form, {}, async (user) => {
    if (!(await removeStudyFile(user, studyId, idOf(form, "fileId")))) notFound();
    revalidatePath(`/studies/${studyId}`);
  });
}

/** Names the study and page a value of the project is taken from (or clears them), from the entry page. */
export async function citeSourceAction(projectId: string, _: ActionState, form: FormData): Promise<ActionState> {
  return formAction(
    form,
    {
      permission: ["results.enter", projectId],
      parse: {
        schema: citationInput,
        input: (f) => ({
          resultId: idOf(f, "resultId"),
          studyId: idOf(f, "studyId") || null,
          page: idOf(f, "page").trim() === "" ? null : Number(idOf(f, "page")),
        }),
      },
    },
    async (user, input) => {
      await citeSource(user, projectId, input);
      revalidatePath(`/projects/${projectId}/entry`);
    },
  );
}

/** Adds a study type or theme (admins only: the service refuses anyone else). */
export async function addStudyVocabularyAction(_: ActionState, form: FormData): Promise<ActionState> {
  return formAction(
    form,
    {
      parse: {
        schema: vocabularyInput,
        input: (f) => ({
          kind: idOf(f, "kind"),
          key: idOf(f, "key"),
          nameEn: idOf(f, "nameEn"),
          nameEs: idOf(f, "nameEs"),
        }),
      },
    },
    async (user, input) => {
      await addStudyVocabulary(user, input);
      revalidatePath("/admin/studies");
    },
  );
}
