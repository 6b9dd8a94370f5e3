// A separate process that imports a large results table into the configured database, to be killed
// with SIGKILL in the middle by lib/server/results/import/crash.integration.test.ts. It says "importing" on standard
// output just before the import starts, then "done" if it lives to the end.

import { bytesOf } from "@/lib/formats/read/table-rows";
import { db } from "@/lib/platform/db";
import { importResultsFile } from "@/lib/server/results/import/file";
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
