"use server";
// The partners' forms (#34): the admins' partners screen (partners.manage, checked by the services) and a
// project's partners page (partners.assign, checked before the form is read). Refusals name the field.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState, formAction } from "@/lib/server/action";
import {
  addPartnerMember,
  assignSites,
  createPartner,
  partnerMemberSchema,
  partnerSchema,
  removePartnerMember,
  setTwoLevelApproval,
  unassignSites,
} from "./service";

const id = z.string().min(1, "required").max(100, "tooLong");

/** Adds a partner organisation by name (a name taken is refused on `name`). */
export async function createPartnerAction(_: ActionState, form: FormData): Promise<ActionState> {
  return formAction<ActionState, typeof partnerSchema>(
    form,
    { parse: { schema: partnerSchema, input: (f) => ({ name: f.get("name") ?? "" }) } },
    async (user, input) => {
      await createPartner(user, input);
      revalidatePath("/admin/partners");
    },
  );
}

const memberSchema = partnerMemberSchema.extend({ partnerId: id });

/** Adds a user (by e-mail) to a partner as reporter or reviewer, or changes the role of a member. */
export async function addPartnerMemberAction(_: ActionState, form: FormData): Promise<ActionState> {
  return formAction<ActionState, typeof memberSchema>(
    form,
    { parse: { schema: memberSchema, input: (f) => Object.fromEntries(f) } },
    async (user, { partnerId, ...member }) => {
      await addPartnerMember(user, partnerId, member);
      revalidatePath("/admin/partners");
    },
  );
}

const removeSchema = z.object({ partnerId: id, userId: id });

/** Takes a member out of a partner. */
export async function removePartnerMemberAction(_: ActionState, form: FormData): Promise<ActionState> {
  return formAction<ActionState, typeof removeSchema>(
    form,
    { parse: { schema: removeSchema, input: (f) => Object.fromEntries(f) } },
    async (user, { partnerId, userId }) => {
      await removePartnerMember(user, partnerId, userId);
      revalidatePath("/admin/partners");
    },
  );
}

const sitesSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("assign"),
    partnerId: z.string().min(1, "required").max(100, "tooLong"),
    locationIds: z.array(id).min(1, "required"),
    reassign: z.boolean(),
  }),
  z.object({ intent: z.literal("unassign"), locationIds: z.array(id).min(1, "required") }),
]);

/** Assigns the places ticked to a partner, or takes them from their partner (intent "unassign"). */
export async function partnerSitesAction(projectId: string, _: ActionState, form: FormData): Promise<ActionState> {
  return formAction<ActionState, typeof sitesSchema>(
    form,
    {
      permission: ["partners.assign", projectId],
      parse: {
        schema: sitesSchema,
        input: (f) => ({
          intent: f.get("intent") === "unassign" ? "unassign" : "assign",
          partnerId: String(f.get("partnerId") ?? ""),
          locationIds: f.getAll("locationIds").map(String),
          reassign: f.get("reassign") === "on",
        }),
      },
    },
    async (user, input) => {
      if (input.intent === "assign")
        await assignSites(user, projectId, input.partnerId, input.locationIds, { reassign: input.reassign });
      else await unassignSites(user, projectId, input.locationIds);
      revalidatePath(`/projects/${projectId}`, "layout");
    },
  );
}

/** Turns the project's two-level approval on or off. */
export async function twoLevelApprovalAction(projectId: string, _: ActionState, form: FormData): Promise<ActionState> {
  return formAction(form, { permission: ["partners.assign", projectId] }, async (user) => {
    await setTwoLevelApproval(user, projectId, form.get("twoLevelApproval") === "on");
    revalidatePath(`/projects/${projectId}`, "layout");
  });
}
