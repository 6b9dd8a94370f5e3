import { expect, test } from "vitest";
import { apiCodes, DomainError, errorCodes, formRefusalOf, messageKeyOf, problemDetails } from "./errors";
import { ForbiddenError } from "./permissions";

test("every code answers one of the API's codes, so its status is known", () => {
  for (const [code, row] of Object.entries(errorCodes)) {
    expect(apiCodes[row.api], code).toBeDefined();
    expect(messageKeyOf(code as keyof typeof errorCodes)).toBeTruthy();
  }
});

test("a refusal as problem+json: status, the API's code and title, detail, field errors and more members", () => {
  const stale = new DomainError("stale", {
    detail: "Changed by someone else since it was read",
    fields: [{ field: "items.0.version", code: "stale" }],
    extra: { current: { version: 3 } },
  });
  expect(problemDetails(stale)).toEqual({
    status: 409,
    body: {
      type: "about:blank#conflict",
      title: "Conflict",
      status: 409,
      code: "conflict",
      detail: "Changed by someone else since it was read",
      errors: [{ field: "items.0.version", message: "stale" }],
      current: { version: 3 },
    },
  });
  // A table refusal's detail comes from its row.
  expect(problemDetails(new DomainError("notUtf8")).body.detail).toMatch(/not UTF-8/);
  expect(problemDetails(new ForbiddenError("project.edit")).body).toMatchObject({
    status: 403,
    code: "forbidden",
    detail: "Not allowed: project.edit",
  });
});

test("a refusal as a form shows it: conflicts on the form, field problems on their fields", () => {
  expect(formRefusalOf(new ForbiddenError("project.edit"))).toEqual({ error: "notAllowed" });
  expect(
    formRefusalOf(new DomainError("stale", { fields: [{ field: "body.cells.0.updatedAt", code: "stale" }] })),
  ).toEqual({ error: "stale" });
  expect(
    formRefusalOf(new DomainError("validation", { fields: [{ field: "body.isoCode", code: "isoTaken" }] })),
  ).toEqual({ fieldErrors: { isoCode: "isoTaken" } });
  // The whole body is the whole form: a file refused by its code.
  expect(formRefusalOf(new DomainError("tooManyRows", { fields: [{ field: "body", code: "tooManyRows" }] }))).toEqual({
    error: "tooManyRows",
  });
  expect(formRefusalOf(new DomainError("tooMany"))).toEqual({ error: "tooMany" });
});
