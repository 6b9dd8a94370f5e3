import { expect, test } from "vitest";
import { catalogueDate, catalogueWholeNumber, undefused } from "./catalogue";

test("dates: ISO or day first; nothing that is no real day", () => {
  expect(catalogueDate("2021-11-30")).toBe("2021-11-30");
  expect(catalogueDate("30/11/2021")).toBe("2021-11-30");
  expect(catalogueDate("1.2.2020")).toBe("2020-02-01");
  expect(catalogueDate("01-02-2020")).toBe("2020-02-01");
  expect(catalogueDate("11/30/2021")).toBeNull();
  expect(catalogueDate("29/02/2021")).toBeNull();
  expect(catalogueDate("30/11/21")).toBeNull();
  expect(catalogueDate("November 2021")).toBeNull();
});

test("page counts: whole, with or without one kind of thousands separator", () => {
  expect(catalogueWholeNumber("39")).toBe(39);
  expect(catalogueWholeNumber("1,234")).toBe(1234);
  expect(catalogueWholeNumber("1.234.567")).toBe(1234567);
  expect(catalogueWholeNumber("1\u00a0234")).toBe(1234);
  expect(catalogueWholeNumber("39,5")).toBeNull();
  expect(catalogueWholeNumber("12.50")).toBeNull();
  expect(catalogueWholeNumber("1,234.567")).toBeNull();
  expect(catalogueWholeNumber("-3")).toBeNull();
});

test("the CSV export's defused formulas read back as filed", () => {
  expect(undefused("'=Estudio")).toBe("=Estudio");
  expect(undefused("'quoted'")).toBe("'quoted'");
});
