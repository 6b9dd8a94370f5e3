import { expect, test } from "vitest";
import { isStorableText, unstorableFormFields, unstorableTextPaths } from "./text";

test("NUL and lone surrogates cannot be stored; every other character can", () => {
  expect(isStorableText("Lima — 85 % roma, Ñandú 🇵🇪")).toBe(true);
  expect(isStorableText("a\u0000b")).toBe(false);
  expect(isStorableText("\uD800")).toBe(false);
  expect(isStorableText("x\uDC00")).toBe(false);
});

test("the paths of unstorable text in a body, and the fields of a form", () => {
  expect(unstorableTextPaths({ cells: [{ note: "ok" }, { note: "bad\u0000" }], name: "fine" })).toEqual([
    "cells.1.note",
  ]);
  expect(unstorableTextPaths({ "k\u0000": 1 })).toEqual(["(key)"]);
  const form = new FormData();
  form.set("label", "Donor\u0000");
  form.set("comment", "fine");
  expect(unstorableFormFields(form)).toEqual(["label"]);
});
