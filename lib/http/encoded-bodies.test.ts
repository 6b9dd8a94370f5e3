import { expect, test } from "vitest";
import { chooseEncoding } from "./encoded-bodies";

test("brotli, else gzip, else identity, as Accept-Encoding allows", () => {
  expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
  expect(chooseEncoding("gzip")).toBe("gzip");
  expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
  expect(chooseEncoding("br;q=0.5, gzip;q=0.8")).toBe("gzip");
  expect(chooseEncoding("*")).toBe("br");
  expect(chooseEncoding("*;q=0, gzip")).toBe("gzip");
  expect(chooseEncoding("identity")).toBeNull();
  expect(chooseEncoding("deflate")).toBeNull();
  expect(chooseEncoding("")).toBeNull();
  expect(chooseEncoding(null)).toBeNull();
});
