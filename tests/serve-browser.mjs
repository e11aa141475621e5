// Driven by tests/serve.rs: opens a page served by `gazette serve` in
// headless Chromium (playwright-core), then edits the article's file and
// waits, without any reload of its own, for the page to show the new text;
// breaks the front matter and waits for the error overlay; fixes it and
// waits for the page again. Exits 0 when all three happen.
import { launch } from "./browser.mjs";
import fs from "node:fs";

const url = process.env.PAGE_URL;
const file = process.env.ARTICLE_FILE;
const good = fs.readFileSync(file, "utf8");

const context = await launch();
let failed = false;
try {
  const page = context.pages()[0] || (await context.newPage());
  page.on("console", (m) => console.log("console:", m.text()));
  await page.goto(url, { waitUntil: "load" });
  // Wait for the event stream to be open before editing.
  await page.waitForTimeout(300);
  let reloads = 0;
  page.on("load", () => reloads++);

  const word = `Mot-vu-par-Chromium-${Date.now()}`;
  fs.writeFileSync(file, good + `\n${word}\n`);
  await page.waitForFunction((w) => document.body.innerText.includes(w), word, { timeout: 20000 });
  console.log(`new text seen after ${reloads} automatic reload(s)`);

  fs.writeFileSync(file, good.replace("title:", "titel:"));
  const overlay = page.locator("#gazette-overlay[role=alertdialog]");
  await overlay.waitFor({ state: "visible", timeout: 20000 });
  const shown = await overlay.innerText();
  if (!shown.includes("La compilation du site a échoué") || !shown.includes("titel")) {
    throw new Error(`unexpected overlay text:\n${shown}`);
  }
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  if (focused !== "gazette-overlay") throw new Error(`the overlay is not focused (${focused})`);
  console.log("overlay shown");

  fs.writeFileSync(file, good + `\n${word}-réparé\n`);
  await overlay.waitFor({ state: "detached", timeout: 20000 });
  await page.waitForFunction((w) => document.body.innerText.includes(w), `${word}-réparé`, { timeout: 20000 });
  console.log("page back without the overlay");
} catch (e) {
  console.error(String(e && e.stack ? e.stack : e));
  failed = true;
} finally {
  await context.close();
}
process.exit(failed ? 1 : 0);
