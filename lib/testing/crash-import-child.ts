// A separate process that imports a large results table into the configured database, to be killed
// with SIGKILL in the middle by lib/results/crash.integration.test.ts. It says "importing" on standard
// output just before the import starts, then "done" if it lives to the end.
import { db } from "@/lib/db";
import { bytesOf } from "@/lib/imports/table-rows";
import { importResultsFile } from "@/lib/results/import-file";
import { demoEvaluator, oneValuePerCell } from "./child-import";
import { namedColumns } from "./import-mapping";

const [projectId = "", periodLabels = ""] = process.argv.slice(2);
const table = oneValuePerCell(periodLabels);
const evaluator = await demoEvaluator();

console.log("importing");
await importResultsFile(evaluator, projectId, {
  format: "csv",
  source: bytesOf(table),
  mapping: namedColumns,
  dryRun: false,
  submit: false,
});
console.log("done");
await db().$disconnect();
process.exit(0);
