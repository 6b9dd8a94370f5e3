// Every page and every server action x every kind of caller, over HTTP against the production build, as
// an attacker would call them (the /api/v1 routes have their own matrix: lib/http/access-matrix). Each
// cell's expected answer is stated: a caller the permission table refuses gets a refusal and changes
// nothing in the database, an allowed caller is never refused for who they are, and nobody gets a 5xx.
// A page or server action added without an entry here fails the test.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, request as newRequest, test } from "@playwright/test";
import { hashToken, newSecretToken } from "../lib/domain/api-tokens/token";
import { hashPassword } from "../lib/platform/auth/password";
import { e2eDatabase } from "./database";
import { demoUser } from "./fixtures";

type Need =
  | "public"
  | "signedOut"
  | "signedIn"
  | "create"
  | "read"
  | "edit"
  | "enter"
  | "review"
  | "members"
  | "share"
  | "webhooks"
  | "connections" // syncs and reads a project's connections: its managers and evaluators
  | "connectionsManage" // adds and removes them: its managers
  | "library" // the organisation's indicator library: admins and M&E leads
  | "enterSites" // the entry grid: the project's evaluators and managers, and a partner's members (at its sites)
  | "reviewSites" // the review page: the project's managers, and a partner's reviewers (at its sites)
  | "assignPartners" // assigning the project's places to partners, two-level approval: managers and admins
  | "fileStudies" // files studies in bulk: admins and the managers of some project
  | "users";

/** What each page asks of its caller (on the Peru project). */
const pages: Record<string, Need> = {
  "/": "public", // sends everyone on to /projects
  "/login": "signedOut", // sends the signed-in on to /projects
  "/reset": "public",
  "/reset/[token]": "public",
  "/invite/[token]": "public",
  "/s/[token]": "public", // the donor link is the credential
  "/api-docs": "signedIn",
  "/inbox": "signedIn",
  "/projects": "signedIn",
  "/settings/account": "signedIn",
  "/settings/tokens": "signedIn",
  "/projects/new": "create",
  "/admin/users": "users",
  "/projects/[projectId]": "read",
  "/projects/[projectId]/indicators/[indicatorId]": "read",
  "/projects/[projectId]/entry": "enterSites",
  "/projects/[projectId]/import": "enter",
  "/projects/[projectId]/import/survey": "enter",
  "/projects/[projectId]/schedule": "enter",
  "/projects/[projectId]/review": "reviewSites",
  "/projects/[projectId]/share": "share",
  "/projects/[projectId]/settings": "edit",
  "/projects/[projectId]/targets": "edit",
  "/projects/[projectId]/logframe": "edit",
  "/projects/[projectId]/logframe/[indicatorId]": "edit",
  "/projects/[projectId]/team": "members",
  "/projects/[projectId]/partners": "assignPartners",
  "/projects/[projectId]/webhooks": "webhooks",
  "/projects/[projectId]/connections": "connections",
  "/organisation": "signedIn",
  "/organisation/indicators/[libraryId]": "signedIn",
  "/organisation/population": "signedIn", // everyone reads the figures; the form is for those who keep a place
  "/studies": "signedIn",
  "/studies/new": "signedIn", // the form; filing checks studies.edit on the linked projects
  "/studies/import": "fileStudies",
  "/studies/[studyId]": "read", // an internal study of the Peru project
  "/studies/[studyId]/edit": "edit", // its managers (studies.edit) and admins; anyone else: not found
  "/admin/studies": "users", // the library's types and themes: admins only (as the users screen)
  "/admin/webhooks": "users", // the instance webhooks (every project's events): admins only
  "/admin/partners": "users", // the partner organisations and their members (partners.manage): admins only
  // The public library is open on this server (PUBLIC_LIBRARY=1 in playwright.config.ts); its study is public.
  "/library": "public",
  "/library/[studyId]": "public",
};

type Ids = Record<
  "projectId" | "indicatorId" | "viewerId" | "periodId" | "libraryId" | "studyId" | "publicStudyId" | "limaId",
  string
>;
type Form = Record<string, string>;
type Arg = string | boolean | null | unknown[] | Record<string, never> | { form: Form };
const state = {} as Record<string, never>;
const form = (fields: Form = {}) => ({ form: fields });

/** What each server action asks of its caller, and arguments that reach its permission check. */
const actions: Record<string, { need: Need; args: (ids: Ids) => Arg[] }> = {
  setLocale: { need: "public", args: () => ["en"] },
  requestResetAction: { need: "public", args: () => [state, form({ email: "nobody" })] },
  resetPasswordAction: { need: "public", args: () => ["r_bogus", state, form()] },
  acceptInvitationAction: { need: "public", args: () => ["i_bogus", state, form()] },
  createApiTokenAction: { need: "signedIn", args: () => [state, form({ name: "" })] },
  revokeApiTokenAction: { need: "signedIn", args: () => [form({ tokenId: "none" })] },
  changePasswordAction: { need: "signedIn", args: () => [state, form()] },
  joinInvitationAction: { need: "signedIn", args: () => ["i_bogus", state, form()] },
  manageUserAction: {
    need: "users",
    args: ({ viewerId }) => [state, form({ userId: viewerId, intent: "resetLink" })],
  },
  createProjectAction: { need: "create", args: () => [state, form()] },
  importProjectAction: { need: "create", args: () => [state, form()] },
  copyProjectAction: { need: "create", args: ({ projectId }) => [projectId, state, form()] },
  projectDetailsAction: { need: "edit", args: ({ projectId }) => [projectId, state, form()] },
  addSiteAction: { need: "edit", args: ({ projectId }) => [projectId, state, form()] },
  importBoundariesAction: { need: "edit", args: ({ projectId }) => [projectId, state, form()] },
  resultNodeAction: { need: "edit", args: ({ projectId }) => [projectId, state, form()] },
  customDimensionAction: { need: "edit", args: ({ projectId }) => [projectId, state, form()] },
  indicatorAction: { need: "edit", args: ({ projectId }) => [projectId, null, state, form()] },
  indicatorArrangeAction: {
    need: "edit",
    args: ({ projectId, indicatorId }) => [projectId, form({ indicatorId, intent: "archive" })],
  },
  targetsAction: { need: "edit", args: ({ projectId }) => [projectId, state, form()] },
  addPeriodAction: { need: "edit", args: ({ projectId }) => [projectId, state, form()] },
  addSurveyRoundAction: { need: "enter", args: ({ projectId }) => [projectId, state, form()] },
  removeScheduleEntryAction: {
    need: "edit", // a period; a survey round asks "enter"
    args: ({ projectId }) => [projectId, state, form({ kind: "period", id: "none" })],
  },
  saveResultsAction: { need: "enterSites", args: ({ projectId }) => [projectId, [], false] },
  readColumnsAction: { need: "enter", args: ({ projectId }) => [projectId, form()] },
  readSurveyAction: { need: "enter", args: ({ projectId }) => [projectId, form()] },
  importSurveyAction: { need: "enter", args: ({ projectId }) => [projectId, form({ rules: "{}" })] },
  reviewResultAction: { need: "reviewSites", args: ({ projectId }) => [projectId, state, form()] },
  reviewBatchAction: { need: "reviewSites", args: ({ projectId }) => [projectId, state, form()] },
  progressNoteAction: {
    need: "review",
    args: ({ projectId, periodId }) => [projectId, state, form({ periodId, note: "", seenAt: "" })],
  },
  periodLockAction: {
    need: "review",
    args: ({ projectId, periodId }) => [projectId, state, form({ periodId, lock: "0", reason: "" })],
  },
  inviteAction: { need: "members", args: ({ projectId }) => [projectId, state, form({ email: "", role: "VIEWER" })] },
  memberRoleAction: {
    need: "members",
    args: ({ projectId, viewerId }) => [projectId, state, form({ userId: viewerId, role: "VIEWER" })],
  },
  revokeInvitationAction: { need: "members", args: ({ projectId }) => [projectId, form({ invitationId: "none" })] },
  createShareLinkAction: { need: "share", args: ({ projectId }) => [projectId, state, form({ label: "" })] },
  headlinesAction: { need: "share", args: ({ projectId }) => [projectId, state, form()] },
  revokeShareLinkAction: { need: "share", args: ({ projectId }) => [projectId, form({ linkId: "none" })] },
  createWebhookAction: {
    need: "webhooks",
    args: ({ projectId }) => [projectId, state, form({ url: "http://127.0.0.1:9/x", events: "results.approved" })],
  },
  deleteWebhookAction: { need: "webhooks", args: ({ projectId }) => [projectId, state, form({ webhookId: "none" })] },
  testWebhookAction: { need: "webhooks", args: ({ projectId }) => [projectId, state, form({ webhookId: "none" })] },
  updateWebhookAction: {
    need: "webhooks",
    args: ({ projectId }) => [projectId, state, form({ webhookId: "none", version: "1", active: "false" })],
  },
  rotateWebhookSecretAction: {
    need: "webhooks",
    args: ({ projectId }) => [projectId, state, form({ webhookId: "none", version: "1" })],
  },
  // The instance webhooks (webhooks.manageInstance): admins only, as the users screen.
  createInstanceWebhookAction: {
    need: "users",
    args: () => [state, form({ url: "http://127.0.0.1:9/x", events: "results.approved" })],
  },
  updateInstanceWebhookAction: {
    need: "users",
    args: () => [state, form({ webhookId: "none", version: "1", active: "false" })],
  },
  rotateInstanceWebhookSecretAction: { need: "users", args: () => [state, form({ webhookId: "none", version: "1" })] },
  deleteInstanceWebhookAction: { need: "users", args: () => [state, form({ webhookId: "none" })] },
  testInstanceWebhookAction: { need: "users", args: () => [state, form({ webhookId: "none" })] },
  createConnectionAction: { need: "connectionsManage", args: ({ projectId }) => [projectId, state, form()] },
  updateConnectionAction: {
    need: "connectionsManage",
    args: ({ projectId }) => [projectId, state, form({ connectionId: "none", version: "1" })],
  },
  deleteConnectionAction: {
    need: "connectionsManage",
    args: ({ projectId }) => [projectId, state, form({ connectionId: "none" })],
  },
  pushAction: {
    need: "connectionsManage",
    args: ({ projectId }) => [projectId, state, form({ connectionId: "none" })],
  },
  testConnectionAction: {
    need: "connections",
    args: ({ projectId }) => [projectId, state, form({ connectionId: "none" })],
  },
  syncConnectionAction: {
    need: "connections",
    args: ({ projectId }) => [projectId, state, form({ connectionId: "none" })],
  },
  createLibraryIndicatorAction: { need: "library", args: () => [state, form()] },
  // The organisation's regions (library.manage): admins and M&E leads save one (again: it is replaced).
  saveRegionAction: {
    need: "library",
    args: () => [state, form({ key: "matrix-region", nameEn: "Matrix", nameEs: "Matriz", countries: "BO" })],
  },
  // Population figures of Lima, a Peru place (#34): its managers (project.edit) and admins keep them; the
  // allowed callers add one, the others are refused before anything is read. Deleting nothing is not found.
  savePopulationFigureAction: {
    need: "edit",
    args: ({ limaId }) => [
      state,
      form({
        locationId: limaId,
        kind: "PEOPLE_IN_NEED",
        value: "1000",
        periodStart: "2030-01-01",
        periodEnd: "2030-12-31",
        source: "Matrix",
      }),
    ],
  },
  deletePopulationFigureAction: { need: "edit", args: () => [state, form({ id: "none" })] },
  // Partner organisations (partners.manage, admins only, as the users screen): the admin adds one, and is
  // refused on the unknown partner for the member forms; nobody else changes anything.
  createPartnerAction: { need: "users", args: () => [state, form({ name: "Matrix partner added" })] },
  addPartnerMemberAction: {
    need: "users",
    args: () => [state, form({ partnerId: "none", email: "viewer@example.org", role: "REPORTER" })],
  },
  removePartnerMemberAction: {
    need: "users",
    args: ({ viewerId }) => [state, form({ partnerId: "none", userId: viewerId })],
  },
  // A project's places for partners and its two-level approval (partners.assign): nothing assigned to take back, off stays off.
  partnerSitesAction: {
    need: "assignPartners",
    args: ({ projectId }) => [projectId, state, form({ intent: "unassign", locationIds: "none" })],
  },
  twoLevelApprovalAction: { need: "assignPartners", args: ({ projectId }) => [projectId, state, form()] },
  // Linking a project's indicator to the library, or making one from it: the project's managers
  // (project.edit). The matrix indicator has no unit, so an allowed link is refused as unitDiffers.
  linkIndicatorAction: {
    need: "edit",
    args: ({ projectId, indicatorId, libraryId }) => [
      projectId,
      indicatorId,
      state,
      form({ libraryIndicatorId: libraryId }),
    ],
  },
  unlinkIndicatorAction: {
    need: "edit",
    args: ({ projectId, indicatorId }) => [projectId, indicatorId, state, form()],
  },
  createFromLibraryAction: {
    need: "edit",
    args: ({ projectId }) => [projectId, state, form({ libraryIndicatorId: "none", resultNodeId: "none" })],
  },
  // Signed in to reach the form's checks; who may file for which project is the studies service's
  // (lib/server/studies/studies.integration.test.ts).
  createStudyAction: { need: "signedIn", args: () => [state, form()] },
  // Editing the Peru study and its documents: studies.edit on its projects (managers, admins).
  updateStudyAction: {
    need: "edit",
    args: ({ studyId, projectId }) => [
      state,
      form({
        studyId,
        version: "1",
        typeKey: "evaluation",
        language0: "en",
        title0: "Matrix study",
        projectIds: projectId,
      }),
    ],
  },
  attachStudyFileAction: { need: "edit", args: ({ studyId }) => [state, form({ studyId })] },
  removeStudyFileAction: { need: "edit", args: ({ studyId }) => [state, form({ studyId, fileId: "none" })] },
  // Admins only (the same callers as "users"); the admin's call is refused as a key taken, adding nothing.
  addStudyVocabularyAction: {
    need: "users",
    args: () => [state, form({ kind: "type", key: "evaluation", nameEn: "Evaluation", nameEs: "Evaluación" })],
  },
  citeSourceAction: {
    need: "enter",
    args: ({ projectId }) => [projectId, state, form({ resultId: "none", studyId: "", page: "" })],
  },
  importCatalogueAction: { need: "fileStudies", args: () => [state, form()] },
  // Last: it ends the caller's sessions.
  signOutEverywhereAction: { need: "signedIn", args: () => [] },
};

const managerRights: Need[] = [
  "signedIn",
  "read",
  "edit",
  "enter",
  "review",
  "members",
  "share",
  "webhooks",
  "connections",
  "connectionsManage",
  "fileStudies",
  "enterSites",
  "reviewSites",
  "assignPartners",
];
type Caller = { name: string; may: Need[]; email?: string; removeAfterSignIn?: boolean };
const callers: Caller[] = [
  { name: "anonymous", may: ["signedOut"] },
  { name: "viewer", email: "viewer@example.org", may: ["signedIn", "read"] },
  {
    name: "evaluator",
    email: "evaluator@example.org",
    may: ["signedIn", "read", "enter", "enterSites", "connections"],
  },
  { name: "evaluator of another project", email: "matrix.nepal@example.org", may: ["signedIn"] },
  { name: "removed member", email: "matrix.removed@example.org", may: ["signedIn"], removeAfterSignIn: true },
  { name: "manager", email: "manager@example.org", may: managerRights },
  {
    name: "admin",
    email: "admin@example.org",
    may: [
      "signedIn",
      "create",
      "read",
      "edit",
      "members",
      "share",
      "users",
      "library",
      "fileStudies",
      "assignPartners",
    ],
  },
  // Members of a partner organisation reporting Tumbes of the Peru project (#34): they read the project, enter
  // at their site (the entry grid, not the imports), and the reviewer reviews there; nothing else.
  { name: "partner reporter", email: "matrix.partner.reporter@example.org", may: ["signedIn", "read", "enterSites"] },
  {
    name: "partner reviewer",
    email: "matrix.partner.reviewer@example.org",
    may: ["signedIn", "read", "enterSites", "reviewSites"],
  },
];
const MATRIX_PASSWORD = "matrix-password-1";

/** Page files as URL templates: app/(app)/projects/[projectId]/page.tsx is /projects/[projectId]. */
function pageRoutes(dir = "app", prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === "page.tsx" ? [prefix || "/"] : [];
    const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
    return pageRoutes(path.join(dir, entry.name), prefix + segment);
  });
}

/** Server actions exported by the source ("use server" modules), by name. */
function sourceActions(): string[] {
  const names: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "generated") walk(file);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.includes(".test.")) {
        const text = readFileSync(file, "utf8");
        if (!/^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(text)) continue;
        for (const match of text.matchAll(/^export async function (\w+)/gm)) names.push(match[1] ?? "");
      }
    }
  };
  for (const dir of ["app", "lib", "components"]) walk(dir);
  return names.sort();
}

/** The build's action ids by exported name, and a page whose bundle holds each. */
function builtActions(): Map<string, { id: string; page: string }> {
  const found = new Map<string, { id: string; page: string }>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name === "server-reference-manifest.json") {
        const manifest = JSON.parse(readFileSync(file, "utf8")) as {
          node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
        };
        for (const [id, action] of Object.entries(manifest.node)) {
          const page = Object.keys(action.workers)[0];
          if (action.exportedName && page) found.set(action.exportedName, { id, page });
        }
      }
    }
  };
  walk(".next/server/app");
  return found;
}

const fill = (template: string, params: Record<string, string>) =>
  template.replace(/\[(\w+)\]/g, (_, key: string) => params[key] ?? "");

/** Signs in through the credentials endpoint, as the login form does; the context keeps the cookie. */
async function signIn(context: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const answer = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect(answer.status(), `signing in as ${email}`).toBeLessThan(400);
  const session = (await (await context.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email, `session of ${email}`).toBe(email);
}

/** Calls a server action as the browser does: the action id in a header, the arguments encoded as React encodes them. */
async function callAction(context: APIRequestContext, origin: string, url: string, id: string, args: Arg[]) {
  const headers = { "next-action": id, accept: "text/x-component", origin };
  const forms = args.flatMap((arg) => (arg && typeof arg === "object" && "form" in arg ? [arg.form] : []));
  if (forms.length === 0) return context.post(url, { headers, data: JSON.stringify(args), maxRedirects: 0 });
  // A FormData argument travels as "$K<n>" in the root part and its fields as "_<n>_<name>" parts,
  // which must come before the root part (the server resolves the root as soon as it arrives).
  const multipart = new FormData();
  let part = 0;
  const root = args.map((arg) => {
    if (!(arg && typeof arg === "object" && "form" in arg)) return arg;
    part++;
    for (const [key, value] of Object.entries(arg.form)) multipart.append(`_${part}_${key}`, value);
    return `$K${part.toString(16)}`;
  });
  multipart.append("0", JSON.stringify(root));
  return context.post(url, { headers, multipart, maxRedirects: 0 });
}

/** The action's return value in a React Server Components answer: row 0 points at it ("a":"$@<row>"). */
function actionResult(body: string): string {
  const row = /^0:.*?"a":"\$@([0-9a-f]+)"/m.exec(body)?.[1];
  if (!row) return /^0:.*?"a":("[^"]*")/m.exec(body)?.[1] ?? "";
  return (
    body
      .split("\n")
      .find((line) => line.startsWith(`${row}:`))
      ?.slice(row.length + 1) ?? ""
  );
}

/** Everything the database holds that a request could change, as one string. */
async function fingerprint(): Promise<string> {
  const { prisma, close } = e2eDatabase();
  try {
    const tables = await prisma.$queryRaw<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        AND table_name NOT IN ('_prisma_migrations', 'RateLimit') ORDER BY table_name`;
    const parts = tables.map(
      ({ name }) =>
        `(SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM "${name}" t)`,
    );
    const [row] = await prisma.$queryRawUnsafe<{ all: string }[]>(
      `SELECT concat_ws('|', ${parts.join(", ")}) AS "all"`,
    );
    return row?.all ?? "";
  } finally {
    await close();
  }
}

test.describe.configure({ timeout: 600_000 });

test("page x caller and server action x caller matrices: refusals change nothing, no 5xx", async ({ baseURL }) => {
  expect(Object.keys(pages).sort()).toEqual(pageRoutes().sort());
  expect(Object.keys(actions).sort()).toEqual(sourceActions());
  const built = builtActions();
  expect([...built.keys()].sort()).toEqual(sourceActions());

  const origin = baseURL ?? "";
  const { prisma, close } = e2eDatabase();
  const ids = {} as Ids;
  const tokens: Record<string, string> = {};
  try {
    const peru = await prisma.project.findUniqueOrThrow({ where: { code: "PE-VEN-2021" } });
    const nepal = await prisma.project.findFirstOrThrow({ where: { code: { not: "PE-VEN-2021" } } });
    const manager = await prisma.user.findUniqueOrThrow({ where: { email: "manager@example.org" } });
    ids.projectId = peru.id;
    // An indicator of the matrix's own: the archive action it tries must not archive one other specs read.
    const node = await prisma.resultNode.findFirstOrThrow({ where: { projectId: peru.id } });
    ids.indicatorId = (
      await prisma.indicator.create({
        data: {
          projectId: peru.id,
          resultNodeId: node.id,
          code: "MATRIX.1",
          title: "Matrix indicator",
          measure: "COUNT",
        },
      })
    ).id;
    ids.viewerId = (await prisma.user.findUniqueOrThrow({ where: { email: "viewer@example.org" } })).id;
    ids.periodId = (
      await prisma.reportingPeriod.findFirstOrThrow({ where: { projectId: peru.id, lockedAt: null } })
    ).id;
    ids.libraryId = (await prisma.libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-REACH" } })).id;
    ids.limaId = (await prisma.location.findUniqueOrThrow({ where: { isoCode: "PE-LIM" } })).id;
    ids.studyId = (
      await prisma.study.create({
        data: {
          typeKey: "evaluation",
          visibility: "INTERNAL",
          texts: { create: { language: "en", title: "Matrix study", abstract: "" } },
          projects: { create: { projectId: peru.id } },
        },
      })
    ).id;
    ids.publicStudyId = (await prisma.study.findFirstOrThrow({ where: { visibility: "PUBLIC" } })).id;
    const passwordHash = await hashPassword(MATRIX_PASSWORD);
    await prisma.user.create({
      data: {
        email: "matrix.nepal@example.org",
        name: "Other project",
        passwordHash,
        memberships: { create: { projectId: nepal.id, role: "EVALUATOR" } },
      },
    });
    await prisma.user.create({
      data: {
        email: "matrix.removed@example.org",
        name: "Former manager",
        passwordHash,
        memberships: { create: { projectId: peru.id, role: "MANAGER" } },
      },
    });
    const [reporter, reviewer] = await Promise.all(
      ["reporter", "reviewer"].map((role) =>
        prisma.user.create({
          data: { email: `matrix.partner.${role}@example.org`, name: `Partner ${role}`, passwordHash },
        }),
      ),
    );
    const tumbes = await prisma.location.findUniqueOrThrow({ where: { isoCode: "PE-TUM" } });
    await prisma.partner.create({
      data: {
        name: "Matrix partner",
        nameKey: "matrix partner",
        members: {
          create: [
            { userId: reporter?.id ?? "", role: "REPORTER" },
            { userId: reviewer?.id ?? "", role: "REVIEWER" },
          ],
        },
        sites: { create: { projectId: peru.id, locationId: tumbes.id } },
      },
    });
    const hour = new Date(Date.now() + 3_600_000);
    tokens.share = newSecretToken("s");
    await prisma.shareLink.create({
      data: { projectId: peru.id, label: "Matrix", tokenHash: hashToken(tokens.share), createdById: manager.id },
    });
    tokens.invite = newSecretToken("i");
    await prisma.invitation.create({
      data: {
        projectId: peru.id,
        email: "matrix.invited@example.org",
        role: "VIEWER",
        tokenHash: hashToken(tokens.invite),
        invitedById: manager.id,
        expiresAt: hour,
      },
    });
    tokens.reset = newSecretToken("r");
    await prisma.passwordReset.create({
      data: { userId: ids.viewerId, tokenHash: hashToken(tokens.reset), expiresAt: hour },
    });
  } finally {
    await close();
  }

  const contexts = new Map<string, APIRequestContext>();
  for (const caller of callers) {
    const context = await newRequest.newContext({ baseURL: origin });
    if (caller.email) {
      await signIn(context, caller.email, passwordOf(caller.email));
      if (caller.removeAfterSignIn) {
        const db = e2eDatabase();
        await db.prisma.membership.deleteMany({ where: { user: { email: caller.email } } });
        await db.close();
      }
    }
    contexts.set(caller.name, context);
  }

  const projectName = "Venezuelan migrants and refugees in Peru";
  let cells = 0;
  const unauthorized: string[] = [];
  for (const [template, need] of Object.entries(pages)) {
    const token = template.startsWith("/s/")
      ? tokens.share
      : template.startsWith("/invite/")
        ? tokens.invite
        : tokens.reset;
    const studyId = template.startsWith("/library/") ? ids.publicStudyId : ids.studyId;
    const url = fill(template, { ...ids, studyId, token: token ?? "" });
    for (const caller of callers) {
      const response = await (contexts.get(caller.name) as APIRequestContext).get(url, { maxRedirects: 0 });
      const status = response.status();
      const where = `GET ${template} as ${caller.name}: ${status}`;
      expect(response.headers()["x-request-id"], `${where}: request id`).toMatch(/^[\w.:-]{8,128}$/);
      cells++;
      expect(status, where).toBeLessThan(500);
      if (need === "public" || caller.may.includes(need)) {
        expect(status, where).toBe(template === "/" ? 307 : 200);
        continue;
      }
      if (need === "signedOut") {
        expect(status, where).toBe(307);
        expect(response.headers().location, where).toMatch(/\/projects$/);
        continue;
      }
      if (status === 200) unauthorized.push(where);
      const body = await response.text();
      expect(body, `${where} shows the project`).not.toContain(projectName);
      if (caller.name === "anonymous") {
        expect(status, where).toBe(307);
        expect(response.headers().location, where).toMatch(/\/login/);
      } else expect(status, where).toBe(404);
    }
  }
  // What does not exist answers as what may not be read: 404, for the admin too.
  for (const url of [
    "/projects/no-such-project",
    "/projects/no-such-project/entry",
    `/projects/${ids.projectId}/indicators/no-such-indicator`,
  ]) {
    const response = await (contexts.get("admin") as APIRequestContext).get(url, { maxRedirects: 0 });
    expect(response.status(), `GET ${url} as admin`).toBe(404);
    cells++;
  }
  const pageCells = cells;

  for (const [name, { need, args }] of Object.entries(actions)) {
    const { id, page } = built.get(name) as { id: string; page: string };
    const url = fill(
      page
        .replace(/^app/, "")
        .replace(/\/\([^)]*\)/g, "")
        .replace(/\/page$/, "") || "/",
      {
        ...ids,
        token: tokens.share ?? "",
      },
    );
    for (const caller of callers) {
      const allowed = need === "public" || caller.may.includes(need);
      const before = allowed ? "" : await fingerprint();
      const response = await callAction(contexts.get(caller.name) as APIRequestContext, origin, url, id, args(ids));
      const status = response.status();
      const result = actionResult(await response.text());
      const where = `${name} as ${caller.name}: ${status} ${result.slice(0, 300)}`;
      cells++;
      expect(status, where).toBeLessThan(500);
      expect(response.headers()["content-type"] ?? "", where).toMatch(/text\/x-component|^$/);
      if (allowed) {
        expect(result, where).not.toContain("notAllowed");
        continue;
      }
      if (/"done":true|"ok":true/.test(result)) unauthorized.push(where);
      expect(await fingerprint(), `${where} changed the database`).toBe(before);
    }
  }
  for (const context of contexts.values()) await context.dispose();
  expect(unauthorized).toEqual([]);
  console.log(
    `access matrix over HTTP: ${pageCells} page cells, ${cells - pageCells} server action cells, ${unauthorized.length} unauthorized successes`,
  );
});

function passwordOf(email: string) {
  return email.startsWith("matrix.") ? MATRIX_PASSWORD : demoUser(email).password;
}
