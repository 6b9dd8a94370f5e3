import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
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
  // A liveness ping every 20 ms; the longest wait between two is how long a request would have stalled.
  let last = performance.now();
  let longest = 0;
  const ping = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 20);
  try {
    const reading = await readProjectFileOffThread({ format: "iati", content: xml }, [], generous);
    expect(reading.definition?.nodes?.length).toBeGreaterThan(0);
  } finally {
    clearInterval(ping);
    longest = Math.max(longest, performance.now() - last); // a stall that lasted to the end counts too
  }
  expect(longest).toBeLessThan(1000);
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
