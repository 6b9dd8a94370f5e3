import { expect, test } from "vitest";
import { principalFor, projectId } from "@/lib/testing/principals";
import { EditRefused } from "./edit";
import { INVITATIONS_PER_HOUR, inviteMember } from "./members";

test("invitations are limited per inviter per hour, counted in the database", async () => {
  const manager = await principalFor("manager@example.org");
  const peru = await projectId("PE-VEN-2021");
  for (let i = 0; i < INVITATIONS_PER_HOUR; i++) {
    await inviteMember(manager, peru, { email: `guest${i}@example.org`, role: "VIEWER" });
  }
  await expect(inviteMember(manager, peru, { email: "one.more@example.org", role: "VIEWER" })).rejects.toEqual(
    new EditRefused("email", "rateLimited"),
  );
  // Another inviter is not held back.
  const admin = await principalFor("admin@example.org");
  await expect(inviteMember(admin, peru, { email: "one.more@example.org", role: "VIEWER" })).resolves.toMatchObject({
    emailed: false,
  });
});
