// A study document that is a decompression bomb (a PDF of 200 KB whose one stream inflates to 200 MB,
// outside the reader's heap) is ended at the readers' memory limit (lib/formats/read/off-thread.ts): the
// study and its file are kept, the text marked TOO_LARGE, and the server's memory left alone.
import { afterEach, expect, test } from "vitest";
import { db } from "@/lib/platform/db";
import { reloadEnv } from "@/lib/platform/env";
import { pdfBomb } from "@/lib/testing/pdf-bomb";
import { principalFor } from "@/lib/testing/principals";
import { createStudy, studyFile } from "./service";

afterEach(() => {
  delete process.env.IMPORT_READ_MEMORY_MB;
  reloadEnv();
});

test("a PDF decompression bomb is kept with its text TOO_LARGE, and the upload succeeds", {
  timeout: 60_000,
}, async () => {
  process.env.IMPORT_READ_MEMORY_MB = "256";
  reloadEnv();
  const admin = await principalFor("admin@example.org");
  const bomb = pdfBomb(200);
  const made = await createStudy(
    admin,
    { typeKey: "evaluation", texts: [{ language: "en", title: "Bilby inflation review", abstract: "" }] },
    [{ name: "bomb.pdf", bytes: bomb }],
  );
  expect(made.files).toMatchObject([{ fileName: "bomb.pdf", textStatus: "TOO_LARGE" }]);
  expect(await db().studyFileText.count({ where: { studyId: made.id } })).toBe(0);
  expect((await studyFile(admin, made.id, made.files[0]?.id ?? ""))?.bytes).toEqual(bomb);
});
