import { expect, test } from "vitest";
import { parseBlock } from "./grid-navigation";

test("a block copied from a spreadsheet is read by line and tab, a trailing line end is not a row", () => {
  expect(parseBlock("1\t2\t3\r\n4\t5\t6\r\n")).toEqual([
    ["1", "2", "3"],
    ["4", "5", "6"],
  ]);
  expect(parseBlock("1.200,5\t\n7")).toEqual([["1.200,5", ""], ["7"]]);
  expect(parseBlock("42")).toEqual([["42"]]);
});
