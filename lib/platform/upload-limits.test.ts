import { afterEach, expect, test } from "vitest";
import nextConfig from "@/next.config";
import { reloadEnv } from "./env";
import { bodyLimitOf, FORM_FIELDS_ALLOWANCE, oversizedFile, uploadLimits } from "./upload-limits";

const MB = 1024 * 1024;

afterEach(() => {
  for (const name of ["MAX_UPLOAD_BYTES", "MAX_FORM_FILE_BYTES", "MAX_BOUNDARY_BYTES", "APP_URL"])
    delete process.env[name];
  reloadEnv();
});

test("every limit comes from the settings: actions hold the largest form's files, the proxy the largest body of all", () => {
  const limits = uploadLimits();
  expect(limits.forms.boundaries.file).toBe(15 * MB);
  expect(limits.forms.survey).toEqual({ file: 20 * MB, form: 20 * MB });
  expect(limits.action).toBe(40 * MB + FORM_FIELDS_ALLOWANCE);
  expect(limits.proxy).toBe(100 * MB + FORM_FIELDS_ALLOWANCE);
  expect(bodyLimitOf("/api/v1/projects/p1/results/upload")).toBe(100 * MB);
  expect(bodyLimitOf("/api/v1/projects/p1/evidence")).toBe(10 * MB);
  expect(bodyLimitOf("/api/v1/projects/import")).toBe(25 * MB);
  expect(bodyLimitOf("/projects/p1/settings")).toBe(limits.action);

  process.env.MAX_UPLOAD_BYTES = String(300 * MB);
  process.env.MAX_FORM_FILE_BYTES = String(60 * MB);
  process.env.MAX_BOUNDARY_BYTES = String(5 * MB);
  reloadEnv();
  const raised = uploadLimits();
  expect(raised.proxy).toBe(300 * MB + FORM_FIELDS_ALLOWANCE);
  expect(raised.action).toBe(120 * MB + FORM_FIELDS_ALLOWANCE);
  expect(raised.forms.boundaries.file).toBe(5 * MB);
});

test("next.config.ts gives Next.js the same limits: the proxy's body buffer and the actions' body limit", () => {
  const limits = uploadLimits();
  expect(nextConfig.experimental?.proxyClientMaxBodySize).toBe(limits.proxy);
  expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(limits.action);
});

test("a form's file past its field's cap is named with the cap; one within it passes", () => {
  const data = new FormData();
  data.set("file", new File([new Uint8Array(15 * MB + 1)], "places.geojson"));
  expect(oversizedFile("boundaries", data)).toEqual({ field: "file", maxBytes: 15 * MB });
  expect(oversizedFile("projectImport", data)).toBeNull();
  const survey = new FormData();
  survey.set("file", new File([new Uint8Array(MB)], "export.csv"));
  survey.set("form", new File([new Uint8Array(20 * MB + 1)], "form.xlsx"));
  expect(oversizedFile("survey", survey)).toEqual({ field: "form", maxBytes: 20 * MB });
});
