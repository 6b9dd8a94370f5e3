import { existsSync } from "node:fs";

/**
 * How browser tests start Chromium: Debian's build (Playwright's own download is not available here)
 * unless CHROMIUM_PATH names another, without the background traffic a closed network refuses.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
