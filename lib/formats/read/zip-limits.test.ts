import ExcelJS from "exceljs";
import { afterEach, expect, test } from "vitest";
import { reloadEnv } from "@/lib/platform/env";
import { bigInput } from "@/lib/testing/budgets";
import { bytesOf, tableRows, UnreadableTable } from "./table-rows";
import { checkZip } from "./zip-limits";

const MB = 1024 * 1024;

/** A real workbook whose one cell holds `size` letters: a few kilobytes zipped, `size` bytes unzipped. */
async function workbookWith(size: number, sheets = 1): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (let i = 0; i < sheets; i++) {
    const sheet = book.addWorksheet(`S${i}`);
    sheet.addRow(["indicator", "value"]);
    if (i === 0) sheet.addRow(["OP1", "A".repeat(size)]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The same archive with every entry claiming to unpack to one byte, as a zip bomb would. */
function lyingAboutSizes(zip: Buffer): Buffer {
  const copy = Buffer.from(zip);
  for (let i = 0; i + 4 <= copy.length; i++) {
    const signature = copy.readUInt32LE(i);
    if (signature === 0x02014b50) copy.writeUInt32LE(1, i + 24); // central directory: uncompressed size
    if (signature === 0x04034b50 && copy.readUInt32LE(i + 22) !== 0) copy.writeUInt32LE(1, i + 22); // local header
  }
  return copy;
}

afterEach(() => {
  delete process.env.MAX_UNZIPPED_BYTES;
  reloadEnv();
});

test("a workbook that unpacks past the cap is refused, even when it lies about its sizes", bigInput, async () => {
  const bomb = await workbookWith(20 * MB);
  expect(bomb.length).toBeLessThan(MB / 4);
  const limits = { maxEntries: 100, maxUnzippedBytes: 10 * MB };
  await expect(checkZip(bomb, limits)).rejects.toMatchObject({ code: "tooLargeUnzipped" });
  await expect(checkZip(lyingAboutSizes(bomb), limits)).rejects.toMatchObject({ code: "tooLargeUnzipped" });
  await expect(checkZip(bomb, { ...limits, maxUnzippedBytes: 40 * MB })).resolves.toBeUndefined();
});

test("too many entries, or no zip at all, is refused by name", async () => {
  await expect(
    checkZip(await workbookWith(10, 40), { maxEntries: 30, maxUnzippedBytes: 10 * MB }),
  ).rejects.toMatchObject({ code: "tooManyEntries" });
  await expect(checkZip(Buffer.from("indicator,value\nOP1,3\n"))).rejects.toMatchObject({ code: "unreadable" });
});

test(
  "an uploaded table is refused before it is read: unzipped bytes over MAX_UNZIPPED_BYTES, rows over the cap",
  bigInput,
  async () => {
    process.env.MAX_UNZIPPED_BYTES = String(MB);
    reloadEnv();
    const rows = async (format: "csv" | "xlsx", data: Uint8Array | string, maxRows?: number) => {
      const read = [];
      for await (const row of tableRows(format, bytesOf(data), maxRows)) read.push(row);
      return read;
    };
    const refused = await rows("xlsx", await workbookWith(2 * MB)).catch((error) => error);
    expect(refused).toBeInstanceOf(UnreadableTable);
    expect(refused.code).toBe("tooLargeUnzipped");
    expect(await rows("xlsx", await workbookWith(100))).toHaveLength(2);
    expect(await rows("csv", "a,b\n1,2\n3,4\n", 3)).toHaveLength(3);
    await expect(rows("csv", "a,b\n1,2\n3,4\n5,6\n", 3)).rejects.toMatchObject({ code: "tooManyRows" });
  },
);
