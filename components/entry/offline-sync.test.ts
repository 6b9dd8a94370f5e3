import { expect, test } from "vitest";
import type { Existing } from "./grid-cells";
import { joinWaiting, parseBases, parseWaiting, versionToSend, withBases, without } from "./offline-sync";

const row = (version: number) => ({ version }) as Existing;
const saved = new Map([["i|lima|", row(3)]]);

test("a typed cell keeps the version it was first typed over; a new cell none", () => {
  const bases = withBases({}, ["i|lima|", "i|callao|"], saved);
  expect(bases).toEqual({ "i|lima|": 3, "i|callao|": null });
  // Saved again meanwhile (version 4 shown now): the cell still names the version it was typed over.
  const later = new Map([["i|lima|", row(4)]]);
  expect(withBases(bases, ["i|lima|"], later)).toEqual(bases);
  expect(versionToSend("i|lima|", bases, later)).toBe(3);
  expect(versionToSend("i|callao|", bases, later)).toBeUndefined();
  // Typed before versions were kept: the version shown now, as before.
  expect(versionToSend("i|lima|", {}, later)).toBe(4);
});

test("what storage holds is read leniently: anything that is not a cell's version or a waiting save is left out", () => {
  expect(parseBases('{"i|lima|":3,"i|callao|":null,"x":1,"i|quito|":"2","i|bogota|":1.5,"i|cusco|":0}')).toEqual({
    "i|lima|": 3,
    "i|callao|": null,
  });
  expect(parseBases("not json")).toEqual({});
  expect(parseBases("[1]")).toEqual({});
  expect(parseWaiting('{"submit":true,"keys":["i|lima|","i|lima|","x",4],"by":"u1"}')).toEqual({
    submit: true,
    keys: ["i|lima|"],
    by: "u1",
  });
  expect(parseWaiting('{"submit":"yes","keys":["i|lima|"],"by":"u1"}')).toEqual({
    submit: false,
    keys: ["i|lima|"],
    by: "u1",
  });
  expect(parseWaiting('{"submit":true,"keys":[],"by":"u1"}')).toBeNull();
  // Whose it is not said: never sent.
  expect(parseWaiting('{"submit":true,"keys":["i|lima|"]}')).toBeNull();
  expect(parseWaiting(null)).toBeNull();
});

test("a later offline save joins the waiting one; it submits if either does; another user's is replaced", () => {
  expect(joinWaiting(null, { submit: false, keys: ["a|b|", "a|b|"], by: "u1" })).toEqual({
    submit: false,
    keys: ["a|b|"],
    by: "u1",
  });
  const mine = { submit: true, keys: ["a|b|"], by: "u1" };
  expect(joinWaiting(mine, { submit: false, keys: ["a|c|", "a|b|"], by: "u1" })).toEqual({
    submit: true,
    keys: ["a|b|", "a|c|"],
    by: "u1",
  });
  expect(joinWaiting(mine, { submit: false, keys: ["a|c|"], by: "u2" })).toEqual({
    submit: false,
    keys: ["a|c|"],
    by: "u2",
  });
  expect(without({ a: 1, b: 2 }, ["a"])).toEqual({ b: 2 });
});
