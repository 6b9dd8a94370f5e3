"use server";
import { redirect } from "next/navigation";
import { studyFormField, studyInputOfForm } from "@/lib/domain/studies/form";
import { studyInput } from "@/lib/domain/studies/input";
import { oversizedFile } from "@/lib/platform/upload-limits";
import { type ActionState, formAction } from "@/lib/server/action";
import { EvidenceRefused } from "@/lib/server/evidence/service";
import { createStudy } from "./service";

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
      const tooLarge = oversizedFile("study", form);
      if (tooLarge) return { fieldErrors: { file: "fileTooLarge" }, tooLarge };
      const file = form.get("file");
      const files =
        file instanceof File && file.size > 0
          ? [{ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }]
          : [];
      try {
        created = (await createStudy(user, input, files)).id;
      } catch (error) {
        // A refused document is the file field's (the API names the body).
        if (error instanceof EvidenceRefused) return { fieldErrors: { file: error.reason } };
        throw error;
      }
    },
  );
  if (created) redirect(`/studies/${created}`);
  return state;
}
