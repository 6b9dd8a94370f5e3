import { expect, test } from "vitest";
import { apiAnswerOf, DomainError } from "@/lib/domain/errors";
import { db } from "@/lib/platform/db";
import { reloadEnv } from "@/lib/platform/env";
import { principalFor, projectId } from "@/lib/testing/principals";
import { queueResultsImport } from "./jobs";

test("a background import takes no file past the upload limit: refused with a 413 problem, nothing kept", async () => {
  const peru = await projectId("PE-VEN-2021");
  const evaluator = await principalFor("evaluator@example.org");
  process.env.MAX_UPLOAD_BYTES = "100";
  reloadEnv();
  try {
    const queued = queueResultsImport(evaluator, peru, {
      format: "csv",
      content: new TextEncoder().encode(`code;place;quarter;n\n${"OP1.1.2;PE-LAL;2021-Q4;1\n".repeat(10)}`),
      progressId: crypto.randomUUID(),
      mapping: { indicator: "code", location: "place", period: "quarter", value: "n" } as never,
      dryRun: true,
      submit: false,
    });
    const refusal = await queued.then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(DomainError);
    // The service refuses with its own code; the HTTP edge answers it as a 413 problem.
    expect(refusal).toMatchObject({ code: "tooLarge" });
    expect(apiAnswerOf((refusal as DomainError).code)).toMatchObject({ status: 413, code: "payloadTooLarge" });
    expect(await db().importUpload.count()).toBe(0);
  } finally {
    delete process.env.MAX_UPLOAD_BYTES;
    reloadEnv();
  }
});
