// Worker thread entry: reads one project file (read-off-thread.ts sends it) and posts the reading back,
// with the file locations of the definition paths it was asked about.
import { parentPort, workerData } from "node:worker_threads";
import { type ProjectFile, readProjectFile } from "./project-file";

const { file, paths } = workerData as { file: ProjectFile; paths: string[] };
void readProjectFile(file).then(({ locate, ...reading }) => {
  parentPort?.postMessage({ ...reading, located: paths.map(locate) });
});
