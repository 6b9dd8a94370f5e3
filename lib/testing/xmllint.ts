import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const schema = path.resolve("lib/formats/iati/schema/iati-activities-schema.xsd");
const dir = mkdtempSync(path.join(tmpdir(), "iati-"));

/** Validates with xmllint against the official IATI 2.03 schema; throws with xmllint's message if invalid. */
export function validateIati(xml: string, name: string): string {
  const file = path.join(dir, `${name}.xml`);
  writeFileSync(file, xml);
  return execFileSync("xmllint", ["--noout", "--schema", schema, file], { encoding: "utf8", stdio: "pipe" });
}
