// Creates the first admin of a real deployment (or resets an admin's password):
//   npm run user:create-admin -- --email you@example.org --name "Your Name"
// The password is read from ADMIN_PASSWORD, or asked for without echo.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { passwordProblem } from "@/lib/domain/users/password-policy";
import { connect } from "@/lib/platform/db";
import { translator } from "@/lib/platform/i18n/translator";
import { createAdmin } from "@/lib/server/users/admin";

function askHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    output._writeToOutput = () => {};
  });
}

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  if (!values.email || !values.name)
    throw new Error('Usage: npm run user:create-admin -- --email <e-mail> --name "<name>"');
  const password = process.env.ADMIN_PASSWORD ?? (await askHidden("Password (at least 10 characters): "));
  const problem = passwordProblem(password);
  if (problem)
    throw new Error(`Password refused: ${translator("en")(`setup.errors.${problem}` as "setup.errors.tooLong")}`);
  const { prisma, close } = connect();
  try {
    const user = await createAdmin(prisma, { email: values.email, name: values.name, password });
    console.log(`Admin ready: ${user.email}`);
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
