// The demo projects are project definitions (lib/domain/projects/definition.ts): declarative, so a reader can
// check each figure against its source.
import type { ProjectDefinitionInput } from "@/lib/domain/projects/definition";

export type DemoProject = ProjectDefinitionInput;
type DemoIndicator = NonNullable<NonNullable<DemoProject["nodes"]>[number]["indicators"]>[number];
export type DemoTarget = NonNullable<DemoIndicator["targets"]>[number];
export type DemoResult = NonNullable<DemoIndicator["results"]>[number];
