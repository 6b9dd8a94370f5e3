// What the import child processes (crash-import-child.ts, import-worker-child.ts) send: a results table
// of one value per period label x Peru region x option, imported as the demo evaluator.
import { loadPrincipal } from "@/lib/platform/auth/principal";
import { db } from "@/lib/platform/db";

const places = ["PE-TUM", "PE-PIU", "PE-LAL", "PE-LIM", "PE-CAL"];

/** The CSV text of one value per period label x place x option (female, male, the total). */
export function oneValuePerCell(periodLabels: string): string {
  const lines = ["indicator,location,period,option,value"];
  for (const label of periodLabels.split(","))
    for (const place of places)
      for (const option of ["female", "male", ""]) lines.push(`OP1.1.1,${place},${label},${option},1`);
  return `${lines.join("\n")}\n`;
}

export async function demoEvaluator() {
  const { id } = await db().user.findUniqueOrThrow({ where: { email: "evaluator@example.org" } });
  const evaluator = await loadPrincipal(id);
  if (!evaluator) throw new Error("No evaluator");
  return evaluator;
}
