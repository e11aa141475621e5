// Shared by the browser scripts under tests/: headless Chromium through
// playwright-core, both named by the Rust test that runs the script
// (PLAYWRIGHT_CORE, CHROMIUM), with a fresh profile folder (PROFILE_DIR).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PLAYWRIGHT_CORE);

// A persistent context, as playwright wants a given profile folder.
export function launch() {
  return chromium.launchPersistentContext(process.env.PROFILE_DIR, {
    executablePath: process.env.CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}
