// An app instance's background import worker in a process of its own, for
// lib/server/results/import/heartbeat.integration.test.ts to kill (SIGKILL) or pause (SIGSTOP) in the middle of
// a job. On the configured PostgreSQL database it queues a results import of one value per period label
// x place x option (as the upload does) and works on it, as every instance's worker does. It says
// "queued" once the job is in the queue, then stays up until it is stopped.
import { db } from "@/lib/platform/db";
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
