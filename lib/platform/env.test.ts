import { expect, test } from "vitest";
import { type Env, productionConfigProblems } from "./env";

const base = {
  DATA_DIR: "/tmp/data",
  APP_URL: "http://localhost:3000",
  appUrlGiven: false,
  PORT: 3000,
  IATI_ORG_REF: "ZZ",
  IATI_ORG_NAME: "Org",
  NODE_ENV: "production",
  DEMO_MODE: "0",
  MAIL_FROM: "M&E <no-reply@example.org>",
  TRUSTED_PROXY_HOPS: 0,
} as Env;

test("a production server needs its secret and its public address; development and the demo do not", () => {
  expect(productionConfigProblems(base)).toEqual([
    expect.stringContaining("AUTH_SECRET is required"),
    expect.stringContaining("APP_URL is required"),
  ]);
  const configured = { ...base, AUTH_SECRET: "x".repeat(32), APP_URL: "https://me.example.org", appUrlGiven: true };
  expect(productionConfigProblems(configured)).toEqual([]);
  expect(productionConfigProblems({ ...base, NODE_ENV: "development" })).toEqual([]);
  expect(productionConfigProblems({ ...base, DEMO_MODE: "1" })).toEqual([]);
});
