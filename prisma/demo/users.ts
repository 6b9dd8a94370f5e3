// Demo logins, printed as the server starts (scripts/demo-logins.ts). Never use these on a real deployment: create an admin with
// `npm run user:create-admin` instead.
import type { OrgRole, ProjectRole } from "@/lib/generated/prisma/enums";

export const demoUsers: {
  email: string;
  name: string;
  password: string;
  isAdmin?: boolean;
  /** An organisation-wide role (a program manager creates projects). */
  orgRole?: OrgRole;
  roles: Record<string, ProjectRole>;
}[] = [
  { email: "admin@example.org", name: "Ana Admin", password: "demo-admin-pass", isAdmin: true, roles: {} },
  {
    email: "manager@example.org",
    name: "Mateo Manager",
    password: "demo-manager-pass",
    roles: { "PE-VEN-2021": "MANAGER", "WB-ROMA-W": "MANAGER", "SA-HIV-MOB": "MANAGER" },
  },
  {
    email: "evaluator@example.org",
    name: "Elena Evaluator",
    password: "demo-evaluator-pass",
    roles: { "PE-VEN-2021": "EVALUATOR", "WB-ROMA-W": "EVALUATOR" },
  },
  {
    email: "viewer@example.org",
    name: "Victor Viewer",
    password: "demo-viewer-pass",
    roles: { "PE-VEN-2021": "VIEWER" },
  },
  {
    email: "programs@example.org",
    name: "Paula Programs",
    password: "demo-programs-pass",
    orgRole: "PROGRAM_MANAGER",
    roles: {},
  },
  // Members of the demo's partner organisation (prisma/demo/partners.ts): no project role, they work at the
  // partner's sites of the Roma women's project only.
  {
    email: "partner.reporter@example.org",
    name: "Rina Reporter",
    password: "demo-reporter-pass",
    roles: {},
  },
  {
    email: "partner.reviewer@example.org",
    name: "Rade Reviewer",
    password: "demo-reviewer-pass",
    roles: {},
  },
];
