import { expect, test } from "vitest";
import { csvLine, toCsv } from "./csv";

test("fields with commas, quotes or line breaks are quoted; empty values stay empty", () => {
  expect(csvLine(["a,b", 'say "hi"', "two\nlines", null, 3.5])).toBe('"a,b","say ""hi""","two\nlines",,3.5\r\n');
});

test("text that a spreadsheet would run as a formula is defused; numbers are left alone", () => {
  expect(csvLine(["=SUM(A1)", "@cmd", -5])).toBe("'=SUM(A1),'@cmd,-5\r\n");
});

test("a tab, a carriage return or a full-width sign before a formula is defused too", () => {
  for (const text of ["\t=1+1", "\r=1+1", "＝1+1", "＋1", "－1", "＠SUM(A1)"]) {
    expect(csvLine([text]).startsWith(`'`) || csvLine([text]).startsWith(`"'`)).toBe(true);
  }
});

test("a byte-order mark and a header row come first", () => {
  expect(toCsv(["x", "y"], [[1, "Tumbes"]])).toBe("\uFEFFx,y\r\n1,Tumbes\r\n");
});
