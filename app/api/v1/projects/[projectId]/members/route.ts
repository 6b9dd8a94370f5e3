import { inviteSchema } from "@/lib/domain/projects/schemas";
import { summaryParams } from "@/lib/http/contracts/summary";
import { apiRoute } from "@/lib/http/route";
import { env } from "@/lib/platform/env";
import { requestLocale } from "@/lib/platform/i18n/translator";
import { inviteMember, listTeam } from "@/lib/server/projects/members";

export const GET = apiRoute({
  params: summaryParams,
  async handler({ principal, params }) {
    const team = await listTeam(principal, params.projectId);
    return {
      members: team.members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role })),
      invitations: team.invitations.map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role,
        expiresAt: i.expiresAt.toISOString(),
      })),
    };
  },
});

export const POST = apiRoute({
  params: summaryParams,
  body: inviteSchema,
  async handler({ principal, params, body, request }) {
    const result = await inviteMember(principal, params.projectId, body, {
      appUrl: env().APP_URL,
      locale: requestLocale(request),
    });
    return {
      invitationUrl: new URL(`/invite/${result.token}`, env().APP_URL).toString(),
      emailed: result.emailed,
    };
  },
});
