// A separate process that imports a large results table into the configured database, to be killed
// with SIGKILL in the middle by lib/results/crash.integration.test.ts. It says "importing" on standard
// output just before the import starts, then "done" if it lives to the end.
import { loadPrincipal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { bytesOf } from "@/lib/imports/table-rows";
import { importResultsFile } from "@/lib/results/import-file";
import { namedColumns } from "./import-mapping";

// One value per row: every period label x place x option once.
const [projectId = "", periodLabels = ""] = process.argv.slice(2);
const places = ["PE-TUM", "PE-PIU", "PE-LAL", "PE-LIM", "PE-CAL"];
const lines = ["indicator,location,period,option,value"];
for (const label of periodLabels.split(",")) {
  for (const place of places)
    for (const option of ["female", "male", ""]) lines.push(`OP1.1.1,${place},${label},${option},1`);
}
const { id } = await db().user.findUniqueOrThrow({ where: { email: "evaluator@example.org" } });
const evaluator = await loadPrincipal(id);
if (!evaluator) throw new Error("No evaluator");

console.log("importing");
await importResultsFile(evaluator, projectId, {
  format: "csv",
  source: bytesOf(`${lines.join("\n")}\n`),
  mapping: namedColumns,
  dryRun: false,
  submit: false,
});
console.log("done");
await db().$disconnect();
process.exit(0);
