import { expect, test } from "vitest";
import { principalFor, projectId } from "@/lib/testing/principals";
import { indicatorForEditing, logframeForEditing, projectForSettings, targetsForEditing } from "./setup-views";

test("the setup pages' data: for whoever may edit the project, nothing for a reader, a donor or another project", async () => {
  const peru = await projectId("PE-VEN-2021");
  const manager = await principalFor("manager@example.org");
  const admin = await principalFor("admin@example.org");

  const logframe = await logframeForEditing(manager, peru);
  expect(logframe?.project.resultNodes.length).toBeGreaterThan(0);
  expect(logframe?.dimensions.length).toBeGreaterThan(0);
  const first = logframe?.project.resultNodes.flatMap((n) => n.indicators)[0];
  expect(first).toBeDefined();
  const edited = await indicatorForEditing(admin, peru, first?.id ?? "");
  expect(edited?.indicator.code).toBe(first?.code);
  expect((await projectForSettings(manager, peru))?.locations.length).toBe(6);
  // The chosen indicator, else the first; with its targets and the engine's warnings.
  const targets = await targetsForEditing(manager, peru, "no-such-indicator");
  expect(targets?.indicator?.id).toBe(targets?.project.indicators[0]?.id);
  expect(targets?.targets.every((t) => t.indicatorId === targets.indicator?.id)).toBe(true);
  expect(Array.isArray(targets?.warnings)).toBe(true);

  // An indicator of another project is not found through this one.
  const nepal = await projectId("SA-HIV-MOB");
  expect(await indicatorForEditing(manager, nepal, first?.id ?? "")).toBeNull();
  const refused = [
    await principalFor("viewer@example.org"),
    await principalFor("evaluator@example.org"),
    { kind: "share" as const, linkId: "x", projectId: peru },
  ];
  for (const principal of refused) {
    expect(await logframeForEditing(principal, peru)).toBeNull();
    expect(await indicatorForEditing(principal, peru, first?.id ?? "")).toBeNull();
    expect(await projectForSettings(principal, peru)).toBeNull();
    expect(await targetsForEditing(principal, peru)).toBeNull();
  }
});
