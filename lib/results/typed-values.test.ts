import { expect, test } from "vitest";
import { filledCells, parseTypedValues, typedValuesCsv } from "./typed-values";

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
