import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { DatabaseInUse, lockFolder } from "./folder-lock";

const folder = () => path.join(mkdtempSync(path.join(tmpdir(), "lock-")), "pglite");

test("one process at a time: a live owner refuses the folder, a dead one's lock is taken over", () => {
  const dir = folder();
  // Another live process holds it: the test runner's parent stands in for a second server.
  writeFileSync(`${dir}.lock`, String(process.ppid));
  expect(() => lockFolder(dir)).toThrow(DatabaseInUse);
  expect(() => lockFolder(dir)).toThrow(new RegExp(`in use by process ${process.ppid}`));
  // A lock left by a process that has exited.
  const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
  writeFileSync(`${dir}.lock`, gone);
  const release = lockFolder(dir);
  expect(existsSync(`${dir}.lock`)).toBe(true);
  release();
  expect(existsSync(`${dir}.lock`)).toBe(false);
});

test("a second open in the same process is refused until the first is closed", () => {
  const dir = folder();
  const first = lockFolder(dir);
  expect(() => lockFolder(dir)).toThrow(DatabaseInUse);
  first();
  expect(existsSync(`${dir}.lock`)).toBe(false);
  lockFolder(dir)();
});
