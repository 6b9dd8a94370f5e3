// Vitest's global setup for the integration tests: the migrated demo database every file starts from,
// made once per run (lib/testing/database.ts).
import type { TestProject } from "vitest/node";
import { makeTemplate, removeTemplate } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const template = await makeTemplate();
  project.provide("databaseTemplate", template);
  return () => removeTemplate(template);
}
