// Printed by `npm run demo` and `npm run dev` just before the server starts, so the logins are the last
// thing on screen (and printed once: the seed does not print them).

import { env } from "@/lib/platform/env";
import { demoUsers } from "@/prisma/demo/users";

console.log(`\nM&E Dashboard: open ${env().APP_URL}\nDemo logins (e-mail, password):`);
for (const u of demoUsers) console.log(`  ${u.email.padEnd(24)} ${u.password}`);
console.log("");
