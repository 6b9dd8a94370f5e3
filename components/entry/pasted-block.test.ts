import { expect, test } from "vitest";
import { type GridInput, isSingleValue, parseBlock, placeBlock } from "./pasted-block";

test("a block copied from a spreadsheet is read by line and tab, a trailing line end is not a row", () => {
  expect(parseBlock("1\t2\t3\r\n4\t5\t6\r\n")).toEqual([
    ["1", "2", "3"],
    ["4", "5", "6"],
  ]);
  expect(parseBlock("1.200,5\t\n7")).toEqual([["1.200,5", ""], ["7"]]);
  expect(parseBlock("1\r2\n")).toEqual([["1"], ["2"]]);
  expect(parseBlock("\t\r\n\t\r\n")).toEqual([
    ["", ""],
    ["", ""],
  ]);
  expect(parseBlock("42")).toEqual([["42"]]);
});

test("one value is typed as it is, anything more is a block", () => {
  expect(isSingleValue(parseBlock("42\n"))).toBe(true);
  expect(isSingleValue(parseBlock("42\t"))).toBe(false);
  expect(isSingleValue(parseBlock("4\n2"))).toBe(false);
});

const input = (key: string, field = "value", disabled = false): GridInput => ({ key, field, disabled });

test("a block fills right of and below the input it is pasted into, trimmed, empty cells kept empty", () => {
  const rows = [
    [input("a1"), input("a2"), input("a3")],
    [input("b1"), input("b2", "numerator"), input("b2", "denominator")],
  ];
  expect(placeBlock(parseBlock(" 1,200 \t\n3,5\t4\t5\n"), rows, 1)).toEqual({
    cells: [
      { key: "a2", field: "value", value: "1,200" },
      { key: "a3", field: "value", value: "" },
      { key: "b2", field: "numerator", value: "3,5" },
      { key: "b2", field: "denominator", value: "4" },
    ],
    skipped: 0,
  });
});

test("inputs that take no value keep theirs and are counted; what falls past the grid is dropped", () => {
  const rows = [[input("a1"), input("a2", "value", true)], [input("b1", "value", true)]];
  expect(placeBlock(parseBlock("1\t2\t3\n4\n5\n"), rows, 0)).toEqual({
    cells: [{ key: "a1", field: "value", value: "1" }],
    skipped: 2,
  });
});
