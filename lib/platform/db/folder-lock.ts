// One process at a time on an embedded database folder: PGlite has no server to arbitrate, and two
// processes writing the same files corrupt them. A lock file beside the folder names the process that
// holds it; a second process is refused with a clear message, a lock left by a dead process is taken over.
import { readFileSync, rmSync, writeFileSync } from "node:fs";

export class DatabaseInUse extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dir} is in use by process ${pid}. Stop that process first, or set DATABASE_URL to a PostgreSQL server to run several processes.`,
    );
    this.name = "DatabaseInUse";
  }
}

const held = new Set<string>();
// A process that exits (after a SIGTERM, or at the end of a script) leaves no lock behind: in a
// container the next process may well get the same process id.
process.once("exit", () => {
  for (const file of held) rmSync(file, { force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the folder's lock for this process; returns the function that releases it. A second open in
 * the same process is refused too: two PGlite instances on one folder corrupt it as two processes do.
 */
export function lockFolder(dir: string): () => void {
  const file = `${dir}.lock`;
  if (held.has(file)) throw new DatabaseInUse(dir, process.pid);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const owner = Number(readFileSync(file, "utf8").trim());
      if (owner && owner !== process.pid && alive(owner)) throw new DatabaseInUse(dir, owner);
      rmSync(file, { force: true }); // left by a process that is gone, or by this one before a restart
    }
  }
  held.add(file);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.delete(file);
    rmSync(file, { force: true });
  };
}
