// Seeds the demo data once: a database that already has users is left alone, so a re-run never
// overwrites what people entered.
import { connect } from "@/lib/platform/db";
import { loadDemoData } from "./demo/load";

async function main() {
  const { prisma, close } = connect();
  try {
    if ((await prisma.user.count()) > 0) {
      console.log("Database already has data: demo data not loaded again.");
    } else {
      await loadDemoData(prisma);
      console.log("Loaded the demo projects (`npm run demo` and `npm run dev` print their logins as they start).");
    }
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
