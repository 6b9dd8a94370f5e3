import { expect, test } from "vitest";
import { filledCells, isBlankCell, parseTypedValues, typedValuesCsv } from "./typed-values";

const blank = { value: "", numerator: "", denominator: "", sampleSize: "", textValue: "" };
const sheet = {
  timeLabel: "2021-Q4",
  indicators: [{ id: "i1", code: "OP1.1.1", dimensions: [{ options: [{ id: "f", name: "Female" }] }] }],
  locations: [{ id: "l1", name: "Callao, Lima" }],
};

test("typed values become rows the results import reads, empty cells left out", () => {
  const values = {
    "i1|l1|": { ...blank, value: "1.200" },
    "i1|l1|f": { ...blank, value: "=30" },
    "i1|l1|x": blank,
  };
  expect(filledCells(values)).toHaveLength(2);
  expect(typedValuesCsv(values, sheet).split("\r\n")).toEqual([
    "\uFEFFindicator,location,period,option,value,numerator,denominator,sampleSize,text",
    'OP1.1.1,"Callao, Lima",2021-Q4,,1.200,,,,',
    'OP1.1.1,"Callao, Lima",2021-Q4,Female,\'=30,,,,',
    "",
  ]);
});

test("what cannot be read from storage counts as nothing kept", () => {
  expect(parseTypedValues("{broken")).toEqual({});
  expect(parseTypedValues(null)).toEqual({});
});

test("what an older version kept is read leniently: missing fields blank, numbers as typed, strays dropped", () => {
  const stored = JSON.stringify({
    "i1|l1|": { value: "" },
    "i1|l1|f": { numerator: 4, denominator: "10" },
    junk: 1,
    "a|b|c": 5,
  });
  expect(parseTypedValues(stored)).toEqual({
    "i1|l1|": blank,
    "i1|l1|f": { ...blank, numerator: "4", denominator: "10" },
  });
  expect(isBlankCell(blank)).toBe(true);
  expect(isBlankCell({ ...blank, textValue: "  " })).toBe(true);
  expect(isBlankCell({ ...blank, value: "0" })).toBe(false);
  expect(parseTypedValues("[1,2]")).toEqual({});
});
