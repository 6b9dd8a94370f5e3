// npm run db:backup [-- <file>]     a backup of the configured database (default backups/<time>.<ext>)
// npm run db:restore -- <file>      restores one (stop the app first; see README "Backups")
import path from "node:path";
import { configuredTarget, describeTarget } from "@/lib/platform/db/adapter";
import { backupDatabase, restoreDatabase } from "@/lib/platform/ops/backup";

async function main() {
  const [command, file] = process.argv.slice(2);
  const target = configuredTarget();
  console.log(`Database: ${describeTarget(target)}`);
  if (command === "backup") {
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
    const out = file ?? path.join("backups", `${stamp}.${target.kind === "postgres" ? "dump" : "tar.gz"}`);
    await backupDatabase(target, out);
    console.log(`Backup written to ${out}`);
  } else if (command === "restore" && file) {
    const kept = await restoreDatabase(target, file);
    console.log(`Restored from ${file}.${kept ? ` The previous data folder is kept as ${kept}.` : ""}`);
  } else {
    throw new Error("Usage: tsx scripts/backup.ts backup [file] | restore <file>");
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
