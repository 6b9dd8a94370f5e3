// Seeds the demo data once: a database that already has users is left alone, so a re-run never
// overwrites what people entered.
import { connect } from "@/lib/db";
import { loadDemoData } from "./demo/load";
import { demoUsers } from "./demo/users";

async function main() {
  const { prisma, close } = connect();
  try {
    if ((await prisma.user.count()) > 0) {
      console.log("Database already has data: demo data not loaded again.");
    } else {
      await loadDemoData(prisma);
      console.log("Loaded the demo projects.");
    }
    console.log("\nDemo logins (password after the e-mail):");
    for (const u of demoUsers) console.log(`  ${u.email.padEnd(24)} ${u.password}`);
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
