// Prints a one-time link (valid for an hour) for a user to set a new password, where the server sends
// no e-mail: an admin passes it on.
//   npm run user:reset-link -- --email someone@example.org
import { parseArgs } from "node:util";
import { connect } from "@/lib/platform/db";
import { createResetLink } from "@/lib/server/users/account";

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" } } });
  if (!values.email) throw new Error("Usage: npm run user:reset-link -- --email <e-mail>");
  const { prisma, close } = connect();
  try {
    const link = await createResetLink(prisma, values.email, "system:reset-link");
    if (!link) throw new Error(`No account uses ${values.email}`);
    console.log(`Pass this link on to ${values.email} (it works once, for an hour):\n${link}`);
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
