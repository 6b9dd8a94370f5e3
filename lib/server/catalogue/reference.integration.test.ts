import { expect, test } from "vitest";
import { BASE_DIMENSIONS, COUNTRY_CODES } from "@/lib/domain/catalogue/reference-data";
import { db } from "@/lib/platform/db";
import { ensureReferenceData } from "./reference";

test("every instance has the ISO 3166 countries and the shared disaggregations; adding them again changes nothing", async () => {
  const counts = async () => [await db().location.count(), await db().disaggregationOption.count()];
  const before = await counts();
  await ensureReferenceData(db());
  expect(await counts()).toEqual(before);
  expect(await db().location.count({ where: { level: "COUNTRY" } })).toBe(COUNTRY_CODES.length);
  expect((await db().location.findUniqueOrThrow({ where: { isoCode: "CD" } })).name).toBe("Congo - Kinshasa");
  const sex = await db().disaggregationDimension.findFirstOrThrow({
    where: { projectId: null, key: "sex" },
    include: { options: true },
  });
  expect(sex.options.map((o) => o.key).sort()).toEqual(["female", "male"]);
  expect(BASE_DIMENSIONS.map((d) => d.key)).toEqual(["sex", "age", "ethnicity", "disability", "nationality"]);
});
