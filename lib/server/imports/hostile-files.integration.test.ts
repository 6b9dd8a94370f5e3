// Hostile uploads against the services the pages and the API call: every file is read in a worker
// (lib/formats/read/off-thread.ts), so the event loop keeps answering (`longestStall` under STALL_MS) while it
// is read, and the file is refused by name or read correctly. Sizes are small by default so the suite
// stays fast; HOSTILE_FULL=1 uses the sizes that stalled the server for seconds before the worker (see
// the README's Security section for the figures).
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { deflateRawSync, constants as zlib } from "node:zlib";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { bytesOf } from "@/lib/formats/read/table-rows";
import { db } from "@/lib/platform/db";
import { attachEvidence, EvidenceRefused } from "@/lib/server/evidence/service";
import { importBoundaries } from "@/lib/server/maps/service";
import { importProject } from "@/lib/server/projects/create";
import { importResultsFile, tableColumns } from "@/lib/server/results/import/file";
import { readSurvey } from "@/lib/server/survey/survey-import";
import { longestStall } from "@/lib/testing/event-loop";
import { namedColumns } from "@/lib/testing/import-mapping";
import { principalFor, projectId } from "@/lib/testing/principals";

const FULL = process.env.HOSTILE_FULL === "1";
const STALL_MS = 500;
/** Small by default, the sizes of the original reports with HOSTILE_FULL=1. */
const size = (small: number, full: number) => (FULL ? full : small);
const MB = 1024 * 1024;

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "hostile-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The work's outcome (its value, or the error it was refused with), once its stall was checked. */
async function stallOf<T>(label: string, work: () => Promise<T>): Promise<T> {
  const { result, longestMs } = await longestStall(() =>
    work().then(
      (value) => ({ value, error: null }),
      (error: unknown) => ({ value: null, error }),
    ),
  );
  console.log(`${label}: longest event-loop stall ${Math.round(longestMs)} ms`);
  expect(longestMs).toBeLessThan(STALL_MS);
  if (result.error) throw result.error;
  return result.value as T;
}

/** A polygon of `points` coordinates round a centre (4 decimals), far enough apart to survive simplification in part. */
function ring(points: number, [x, y]: [number, number], radius: number): [number, number][] {
  const coordinates = Array.from({ length: points }, (_, i): [number, number] => {
    const a = (2 * Math.PI * i) / points;
    return [Number((x + radius * Math.cos(a)).toFixed(4)), Number((y + radius * Math.sin(a)).toFixed(4))];
  });
  coordinates.push(coordinates[0] as [number, number]);
  return coordinates.reverse(); // RFC 7946: counter-clockwise outer rings
}

const tumbesOutline = (points: number) =>
  JSON.stringify({
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { name: "Tumbes", iso: "PE-TUM" },
        geometry: { type: "Polygon", coordinates: [ring(points, [-80.5, -3.8], 2)] },
      },
    ],
  });

test("GeoJSON: a detailed outline is read off the event loop and stored simplified", { timeout: 300_000 }, async () => {
  const manager = await principalFor("manager@example.org");
  const peru = await projectId("PE-VEN-2021");
  const points = 50_000;
  const text = tumbesOutline(points);
  const reading = await stallOf(`GeoJSON of ${points} coordinates`, () => importBoundaries(manager, peru, text));
  expect(reading).toMatchObject({ ok: true, matched: [{ name: "Tumbes" }] });
  const tumbes = await db().projectLocation.findFirstOrThrow({
    where: { projectId: peru, location: { isoCode: "PE-TUM" } },
  });
  const stored = (tumbes.boundary as { coordinates: number[][][] }).coordinates[0] ?? [];
  // Simplified before it was stored: points closer than ~100 m merged.
  expect(stored.length).toBeGreaterThan(1000);
  expect(stored.length).toBeLessThan(points);
});

/** A place drawn as `polygons` small hexagons (a coastline of islets): every ring survives simplification. */
const islets = (polygons: number) =>
  JSON.stringify({
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { name: "Tumbes", iso: "PE-TUM" },
        geometry: {
          type: "MultiPolygon",
          coordinates: Array.from({ length: polygons }, (_, i) => [
            ring(5, [-81 + (i % 500) * 0.004, -4 + Math.floor(i / 500) * 0.004], 0.0015),
          ]),
        },
      },
    ],
  });

test("GeoJSON past 500,000 coordinates is refused by name, off the event loop, and nothing is stored", {
  timeout: 300_000,
}, async () => {
  const manager = await principalFor("manager@example.org");
  const peru = await projectId("PE-VEN-2021");
  const before = await db().projectLocation.findMany({ where: { projectId: peru }, orderBy: { locationId: "asc" } });
  const polygons = size(100_000, 200_000);
  const text = islets(polygons);
  const reading = await stallOf(`GeoJSON of ${polygons * 6} coordinates (${(text.length / MB).toFixed(1)} MB)`, () =>
    importBoundaries(manager, peru, text),
  );
  expect(reading).toEqual({
    ok: false,
    problems: [{ code: "tooManyPoints", points: polygons * 6, limit: 500_000 }],
  });
  expect(await db().projectLocation.findMany({ where: { projectId: peru }, orderBy: { locationId: "asc" } })).toEqual(
    before,
  );
});

const flattenedRepeats = (repeats: number) => {
  const header = ["region", ...Array.from({ length: repeats }, (_, i) => `members[${i + 1}]/member_sex`)];
  const answers = ["PE-LIM", ...Array.from({ length: repeats }, (_, i) => (i % 2 ? "male" : "female"))];
  return `${header.join(",")}\n${answers.join(",")}\n`;
};

test("a survey CSV of flattened repeat columns is read off the event loop into its repeat table", {
  timeout: 300_000,
}, async () => {
  const repeats = 10_000;
  const csv = flattenedRepeats(repeats);
  const file = await stallOf(`survey CSV of ${repeats} repeat columns`, () => readSurvey("csv", bytesOf(csv)));
  expect(file.tables.map((t) => [t.name, t.rows.length])).toEqual([
    ["submissions", 1],
    ["members", repeats],
  ]);
  const last = file.tables[1]?.rows.at(-1);
  expect(last).toMatchObject({ item: repeats, values: { "members/member_sex": "male" } });
  // The repeat's rows still point at their submission once copied back from the worker.
  expect(last?.parent).toBe(file.tables[0]?.rows[0]);
});

test("a survey CSV past 16,384 columns is refused by name, off the event loop", { timeout: 300_000 }, async () => {
  const repeats = size(60_000, 200_000);
  const csv = flattenedRepeats(repeats);
  const read = stallOf(`survey CSV of ${repeats} repeat columns (${(csv.length / MB).toFixed(1)} MB)`, () =>
    readSurvey("csv", bytesOf(csv)),
  );
  await expect(read).rejects.toMatchObject({ name: "UnreadableTable", code: "tooManyColumns" });
});

test("a survey export past 200,000 rows is refused by name, off the event loop", { timeout: 300_000 }, async () => {
  // Its tables come back to the event loop whole: the cap keeps that copy to a few hundred milliseconds.
  const csv = `region,_index\n${"PE-LIM,1\n".repeat(200_000)}`;
  const read = stallOf("survey CSV of 200,000 submissions", () => readSurvey("csv", bytesOf(csv)));
  await expect(read).rejects.toMatchObject({ name: "UnreadableTable", code: "tooManyRows" });
});

test("a single-line CSV of many megabytes: refused by name off the event loop, by the preview and the import", {
  timeout: 300_000,
}, async () => {
  const evaluator = await principalFor("evaluator@example.org");
  const peru = await projectId("PE-VEN-2021");
  const bytes = size(5, 50) * MB;
  const cells = `${"indicator,".repeat(bytes / 10)}`;
  const oneCell = `"${"x".repeat(bytes)}`;
  const preview = stallOf(`preview of a ${bytes / MB} MB single-line CSV`, () => tableColumns("csv", bytesOf(cells)));
  await expect(preview).rejects.toMatchObject({ name: "UnreadableTable", code: "tooManyColumns" });
  const imported = stallOf(`import of a ${bytes / MB} MB single-cell CSV`, () =>
    importResultsFile(evaluator, peru, {
      format: "csv",
      source: bytesOf(oneCell),
      mapping: namedColumns,
      dryRun: true,
      submit: false,
    }),
  );
  await expect(imported).rejects.toMatchObject({ name: "UnreadableTable", code: "cellTooLong" });
});

test("IATI nested a million deep is refused at once, off the event loop", { timeout: 300_000 }, async () => {
  const creator = await principalFor("admin@example.org");
  const depth = 1_000_000;
  const xml = `<?xml version="1.0"?>\n<iati-activities version="2.03">${"<a>".repeat(depth)}${"</a>".repeat(depth)}</iati-activities>`;
  const started = performance.now();
  const preview = await stallOf(`IATI nested ${depth} deep`, () =>
    importProject(creator, { format: "iati", content: xml }, { dryRun: true }),
  );
  const took = performance.now() - started;
  console.log(`IATI nested ${depth} deep: refused after ${Math.round(took)} ms`);
  expect(preview.problems).toEqual([{ where: "file", line: 2, code: "xmlTooDeep" }]);
  // The depth cap stops the reading there and then (it read the whole file first: 7.8 s at a million).
  expect(took).toBeLessThan(5000);
});

/** A Kobo-layout workbook, written as it streams: one submission, `members` rows in its repeat sheet. */
async function repeatWorkbook(members: number): Promise<string> {
  const file = path.join(folder, `repeats-${members}.xlsx`);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(file), useSharedStrings: false });
  const main = book.addWorksheet("Household survey");
  main.addRow(["location/region", "_index"]).commit();
  main.addRow(["PE-LIM", 1]).commit();
  main.commit();
  const repeat = book.addWorksheet("members");
  repeat.addRow(["members/member_sex", "_index", "_parent_table_name", "_parent_index"]).commit();
  for (let i = 1; i <= members; i++) repeat.addRow([i % 2 ? "female" : "male", i, "Household survey", 1]).commit();
  repeat.commit();
  await book.commit();
  return file;
}

test("a survey XLSX of many repeat rows: read off the event loop, the worker's memory given back", {
  timeout: 600_000,
}, async () => {
  const members = size(20_000, 1_000_000);
  const file = await repeatWorkbook(members);
  const bytes = await readFile(file);
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  const rss = () => process.memoryUsage().rss;
  const before = rss();
  let peak = before;
  const sampling = setInterval(() => {
    peak = Math.max(peak, rss());
  }, 50);
  const read = stallOf(`survey XLSX of ${members} repeat rows (${(bytes.length / MB).toFixed(1)} MB)`, () =>
    readSurvey("xlsx", bytesOf(bytes)),
  );
  if (members >= 1_000_000) {
    // With the submission, past MAX_IMPORT_ROWS, or past the time or memory limit first: each by name.
    const refusal = await read.then(
      () => null,
      (error: { name?: string; code?: string }) => `${error.name}: ${error.code}`,
    );
    console.log(`survey XLSX of ${members} repeat rows: ${refusal}`);
    expect(refusal).toMatch(/^UnreadableTable: (tooManyRows|readTimedOut|readTooLarge)$/);
  } else {
    const survey = await read;
    expect(survey.tables.map((t) => [t.name, t.rows.length])).toEqual([
      ["Household survey", 1],
      ["members", members],
    ]);
    expect(survey.unjoined).toEqual([]);
  }
  clearInterval(sampling);
  // The ended worker's memory goes back to the system a moment after it stops (within a second or two).
  let after = rss();
  for (let waited = 0; after - before >= 200 * MB && waited < 20_000; waited += 500) {
    await sleep(500);
    gc();
    after = rss();
  }
  console.log(
    `survey XLSX of ${members} repeat rows: RSS ${Math.round(before / MB)} MB before, ${Math.round(peak / MB)} MB at most while read, ${Math.round(after / MB)} MB after`,
  );
  expect(after - before).toBeLessThan(200 * MB);
});

/**
 * A zip bomb in a .docx's clothes: one entry of zeros, deflated in blocks (each ~1,000 times smaller),
 * claiming to unpack to 1 kB; it unpacks past MAX_UNZIPPED_BYTES (512 MB) within its first 600 MB.
 */
function zipBomb(unpacked: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(16 * MB), { finishFlush: zlib.Z_FULL_FLUSH });
  const data = Buffer.concat([
    ...Array.from({ length: unpacked / (16 * MB) }, () => block),
    deflateRawSync(Buffer.alloc(0)),
  ]);
  const name = Buffer.from("word/document.xml");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflated
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(1024, 22); // the lie
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(1024, 24);
  central.writeUInt16LE(name.length, 28);
  const directoryAt = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

test("a zip bomb named .docx is refused as evidence by name, off the event loop, and nothing is kept", {
  timeout: 300_000,
}, async () => {
  const evaluator = await principalFor("evaluator@example.org");
  const peru = await projectId("PE-VEN-2021");
  const value = await db().result.findFirstOrThrow({ where: { status: "DRAFT", indicator: { projectId: peru } } });
  const bomb = zipBomb(size(640, 9_600) * MB);
  expect(bomb.length).toBeLessThan(10 * MB);
  const before = await db().evidence.count();
  const attached = stallOf(`zip bomb of ${(bomb.length / MB).toFixed(1)} MB as evidence`, () =>
    attachEvidence(evaluator, peru, { resultId: value.id }, { name: "report.docx", bytes: bomb }),
  );
  await expect(attached).rejects.toThrow(EvidenceRefused);
  await expect(attached).rejects.toMatchObject({ reason: "tooLargeUnzipped" });
  expect(await db().evidence.count()).toBe(before);
});
