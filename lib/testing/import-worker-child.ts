import { queueResultsImport } from "@/lib/server/results/import/jobs";
import { demoEvaluator, oneValuePerCell } from "./child-import";
import { namedColumns } from "./import-mapping";

const [projectId = "", periodLabels = "", progressId = ""] = process.argv.slice(2);
const table = oneValuePerCell(periodLabels);
const evaluator = await demoEvaluator();

const queued = await queueResultsImport(evaluator, projectId, {
  format: "csv",
  content: new TextEncoder().encode(table),
  progressId,
  mapping: namedColumns,
  dryRun: false,
  submit: false,
});
console.log(queued ? "queued" : "no queue");
setInterval(() => {}, 1000); // a server stays up until it is stopped
