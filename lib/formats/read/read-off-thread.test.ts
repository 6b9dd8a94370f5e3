import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { longestStall } from "@/lib/testing/event-loop";
import { readProjectFileOffThread } from "./read-off-thread";

/** A real IATI activity (World Bank) with its results repeated until the file nears the 20 MB cap. */
function maximalIati(): string {
  const xml = readFileSync("test/fixtures/iati/iati-worldbank-679-2.03.xml", "utf8");
  const start = xml.indexOf("<result ");
  const end = xml.lastIndexOf("</result>") + "</result>".length;
  const results = xml.slice(start, end);
  return xml.slice(0, start) + Array.from({ length: 60 }, () => results).join("\n") + xml.slice(end);
}

const generous = { timeoutMs: 120_000, maxMemoryMb: 1024 };

test("the server's event loop keeps answering while a maximal IATI file is read", { timeout: 180_000 }, async () => {
  const xml = maximalIati();
  expect(xml.length).toBeGreaterThan(15_000_000);
  const { result: reading, longestMs } = await longestStall(() =>
    readProjectFileOffThread({ format: "iati", content: xml }, [], generous),
  );
  expect(reading.definition?.nodes?.length).toBeGreaterThan(0);
  expect(longestMs).toBeLessThan(1000);
});

test("a read past its time or memory limit is refused by name", { timeout: 180_000 }, async () => {
  const file = { format: "iati" as const, content: maximalIati() };
  const slow = await readProjectFileOffThread(file, [], { timeoutMs: 50, maxMemoryMb: 1024 });
  expect(slow.problems).toEqual([{ where: "file", code: "readTimedOut" }]);
  expect(slow.definition).toBeNull();
  const greedy = await readProjectFileOffThread(file, [], { timeoutMs: 120_000, maxMemoryMb: 32 });
  expect(greedy.problems).toEqual([{ where: "file", code: "readTooLarge" }]);
});

test("definition paths are located in the file by the worker", { timeout: 60_000 }, async () => {
  const xml = readFileSync("test/fixtures/iati/iati-worldbank-679-2.03.xml", "utf8");
  const reading = await readProjectFileOffThread(
    { format: "iati", content: xml },
    ["nodes.1.indicators.0.code"],
    generous,
  );
  expect(reading.located[0]).toMatch(/^iati-activity\[1\]\/result\[2\]\/indicator\[1\]/);
});
