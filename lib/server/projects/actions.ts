"use server";
// The project-setup forms' server actions. Each checks who is asking, validates with the same schemas
// as the API, and answers with field errors and what was typed, so a refused form loses nothing.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { Locale } from "@/lib/domain/i18n/config";
import { assertCan, can } from "@/lib/domain/permissions";
import { slugKey } from "@/lib/domain/projects/schemas";
import { readTargetsForm } from "@/lib/domain/projects/targets-form";
import { formValues } from "@/lib/domain/validation/form-values";
import { numberLocale } from "@/lib/domain/validation/numbers";
import { currentUser } from "@/lib/platform/auth/session";
import { env } from "@/lib/platform/env";
import { oversizedFile } from "@/lib/platform/upload-limits";
import { type ActionState, anonymousFormAction, formAction } from "@/lib/server/action";
import { createProject, type ImportPreview, importProject } from "./create";
import {
  addCustomDimension,
  addSite,
  moveIndicator,
  saveIndicator,
  saveResultNode,
  setIndicatorArchived,
  updateProjectDetails,
} from "./edit";
import { acceptInvitation, inviteMember, revokeInvitation, setMemberRole } from "./members";
import { saveTargets, TargetProblems } from "./targets";
import { asTemplate, projectDefinition } from "./template";

/** A setup form's state: the one action state, and what some forms show after their work. */
export type SetupFormState = ActionState & {
  /** A one-time secret to show (an invitation link's token). */
  token?: string | null;
  /** Whether the invitation was also e-mailed. */
  emailed?: boolean;
  preview?: ImportPreview;
};

const list = (form: FormData, name: string) => form.getAll(name).map(String).filter(Boolean);

function refresh(projectId: string) {
  revalidatePath(`/projects/${projectId}`, "layout");
}

// ---------- creating and importing ----------

/** A creation's problems on the form's fields: "managers.0" is the manager field, "code" the code. */
function refusedCreation(problems: { where: string; code: string }[], form: FormData): SetupFormState {
  const fieldErrors: Record<string, string> = {};
  for (const p of problems)
    fieldErrors[p.where.replace(/^managers\.\d+$/, "manager").split(".")[0] ?? "form"] ??= p.code;
  return { fieldErrors, values: formValues(form) };
}

export async function createProjectAction(_: SetupFormState, form: FormData): Promise<SetupFormState> {
  let created: string | undefined;
  const state = await formAction(form, {}, async (user) => {
    const get = (name: string) => String(form.get(name) ?? "");
    const result = await createProject(
      user,
      {
        code: get("code"),
        name: get("name"),
        donor: get("donor"),
        summary: get("summary"),
        startDate: get("startDate"),
        endDate: get("endDate"),
        reportingFrequency: get("reportingFrequency") as "QUARTERLY",
        languages: [get("language") || "en"],
        locations: list(form, "locations"),
      },
      { managerEmails: list(form, "manager"), source: "form" },
    );
    if (result.problems.length) return refusedCreation(result.problems, form);
    created = result.projectId;
  });
  if (created) redirect(`/projects/${created}/logframe`);
  return state;
}

export async function importProjectAction(_: SetupFormState, form: FormData): Promise<SetupFormState> {
  let created: string | undefined;
  const state = await formAction(form, {}, async (user) => {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return { fieldErrors: { file: "required" } };
    const tooLarge = oversizedFile("projectImport", form);
    if (tooLarge) return { fieldErrors: { [tooLarge.field]: "fileTooLarge" }, tooLarge, values: formValues(form) };
    const bytes = Buffer.from(await file.arrayBuffer());
    const isXml = /\.xml$/i.test(file.name) || bytes.subarray(0, 100).toString("utf8").trimStart().startsWith("<");
    const preview = await importProject(
      user,
      {
        format: isXml ? "iati" : "spreadsheet",
        content: isXml ? bytes.toString("utf8") : bytes.toString("base64"),
        activities: form.getAll("activities").map(String).filter(Boolean),
        code: String(form.get("code") ?? "").trim() || undefined,
      },
      { dryRun: form.get("intent") !== "import" },
    );
    created = preview.projectId;
    return { preview, values: formValues(form) };
  });
  if (created) redirect(`/projects/${created}`);
  return state;
}

export async function copyProjectAction(projectId: string, _: SetupFormState, form: FormData): Promise<SetupFormState> {
  let created: string | undefined;
  const state = await formAction(form, {}, async (user) => {
    const get = (name: string) => String(form.get(name) ?? "");
    const definition = asTemplate(await projectDefinition(user, projectId), {
      code: get("code"),
      name: get("name"),
      startDate: get("startDate"),
      endDate: get("endDate"),
    });
    const result = await createProject(user, definition, { source: "template", managerEmails: list(form, "manager") });
    if (result.problems.length) return refusedCreation(result.problems, form);
    created = result.projectId;
  });
  if (created) redirect(`/projects/${created}/settings`);
  return state;
}

// ---------- editing ----------

export async function projectDetailsAction(
  projectId: string,
  _: SetupFormState,
  form: FormData,
): Promise<SetupFormState> {
  return formAction(form, {}, async (user) => {
    await updateProjectDetails(user, projectId, {
      ...(Object.fromEntries(form) as Record<string, string>),
      version: String(form.get("version")),
      locationIds: list(form, "locationIds"),
      ...(form.has("themesShown") ? { themes: list(form, "themes") } : {}),
    } as never);
    refresh(projectId);
  });
}

export async function addSiteAction(projectId: string, _: SetupFormState, form: FormData): Promise<SetupFormState> {
  return formAction(form, {}, async (user) => {
    await addSite(user, projectId, {
      name: String(form.get("name") ?? ""),
      parentId: String(form.get("parentId") ?? ""),
      isoCode: String(form.get("isoCode") ?? ""),
    });
    refresh(projectId);
  });
}

export async function resultNodeAction(projectId: string, _: SetupFormState, form: FormData): Promise<SetupFormState> {
  return formAction(form, {}, async (user) => {
    await saveResultNode(user, projectId, String(form.get("nodeId") ?? "") || null, Object.fromEntries(form) as never);
    refresh(projectId);
  });
}

export async function customDimensionAction(
  projectId: string,
  _: SetupFormState,
  form: FormData,
): Promise<SetupFormState> {
  return formAction(form, {}, async (user) => {
    const name = String(form.get("name") ?? "");
    await addCustomDimension(user, projectId, {
      name,
      key: String(form.get("key") ?? "") || slugKey(name),
      options: String(form.get("options") ?? ""),
    });
    refresh(projectId);
  });
}

export async function indicatorAction(
  projectId: string,
  indicatorId: string | null,
  _: SetupFormState,
  form: FormData,
): Promise<SetupFormState> {
  return formAction(form, {}, async (user) => {
    await saveIndicator(user, projectId, indicatorId, {
      ...(Object.fromEntries(form) as Record<string, string>),
      dimensionKeys: list(form, "dimensionKeys"),
    } as never);
    refresh(projectId);
  });
}

// The two forms below answer nothing; a caller who may not use them is turned away before any work.
export async function indicatorArrangeAction(projectId: string, form: FormData): Promise<void> {
  const user = await currentUser();
  if (!user || !can(user, "project.edit", projectId)) return;
  const indicatorId = String(form.get("indicatorId") ?? "");
  const intent = String(form.get("intent") ?? "");
  if (intent === "up" || intent === "down") await moveIndicator(user, projectId, indicatorId, intent === "up" ? -1 : 1);
  if (intent === "archive" || intent === "restore")
    await setIndicatorArchived(user, projectId, indicatorId, intent === "archive");
  refresh(projectId);
}

export async function targetsAction(projectId: string, _: SetupFormState, form: FormData): Promise<SetupFormState> {
  return formAction(form, {}, async (user) => {
    assertCan(user, "project.edit", projectId); // also when the form holds no targets
    const { cells, names, problems } = readTargetsForm(form, numberLocale(await getLocale()));
    const fieldErrors = Object.fromEntries(problems.map((p) => [p.name, p.code]));
    try {
      if (!problems.length && cells.length) await saveTargets(user, projectId, cells);
    } catch (error) {
      if (!(error instanceof TargetProblems)) throw error;
      for (const p of error.problems) fieldErrors[names[p.index] ?? "form"] ??= p.code;
    }
    if (Object.keys(fieldErrors).length) return { fieldErrors, values: formValues(form) };
    refresh(projectId);
  });
}

// ---------- team ----------

export async function inviteAction(projectId: string, _: SetupFormState, form: FormData): Promise<SetupFormState> {
  return formAction(form, {}, async (user) => {
    const result = await inviteMember(
      user,
      projectId,
      { email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "") as "VIEWER" },
      { appUrl: env().APP_URL, locale: (await getLocale()) as Locale },
    );
    refresh(projectId);
    return { done: true, token: result.token, emailed: result.emailed };
  });
}

export async function memberRoleAction(projectId: string, _: SetupFormState, form: FormData): Promise<SetupFormState> {
  return formAction(form, {}, async (user) => {
    const role = String(form.get("role") ?? "");
    await setMemberRole(
      user,
      projectId,
      String(form.get("userId") ?? ""),
      role === "REMOVE" ? null : (role as "VIEWER"),
    );
    refresh(projectId);
  });
}

export async function revokeInvitationAction(projectId: string, form: FormData): Promise<void> {
  const user = await currentUser();
  if (!user || !can(user, "members.manage", projectId)) return;
  await revokeInvitation(user, projectId, String(form.get("invitationId") ?? ""));
  refresh(projectId);
}

export async function acceptInvitationAction(
  token: string,
  _: SetupFormState,
  form: FormData,
): Promise<SetupFormState> {
  let joined = false;
  const state = await anonymousFormAction<SetupFormState>(form, ["name"], async () => {
    const accepted = await acceptInvitation(token, {
      name: String(form.get("name") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    if (!accepted) return { error: "failed" };
    joined = true;
  });
  if (!joined) return state;
  redirect("/login?joined=1");
}
