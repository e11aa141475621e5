// Driven by tests/search.rs: serves a built site's output folder over HTTP
// (node's own server, no dependency), opens its search page in headless
// Chromium (playwright-core) and searches for each word of QUERIES (a JSON
// object: word → URL path of the article that must come first). Fails unless
// every word finds its article and every part the index lists was loaded.
// With EXCERPTS (a JSON object: word → text), the first result's excerpt, as
// the reader sees it under the title, must be that text.
import { launch, serveFolder } from "./browser.mjs";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(process.env.OUTPUT_DIR);
const queries = JSON.parse(process.env.QUERIES);
const excerpts = JSON.parse(process.env.EXCERPTS || "{}");
const { server, base } = await serveFolder(root);

const context = await launch();
let failed = false;
try {
  const page = context.pages()[0] || (await context.newPage());
  const requested = new Set();
  page.on("request", (r) => requested.add(new URL(r.url()).pathname));
  page.on("console", (m) => console.log("console:", m.text()));
  for (const [word, expected] of Object.entries(queries)) {
    await page.goto(`${base}/recherche/?q=${encodeURIComponent(word)}`, { waitUntil: "load" });
    // The status line says the search is running, then what it found.
    await page.waitForFunction(
      (q) => {
        const status = document.querySelector("#recherche-statut");
        const results = document.querySelector("#resultats");
        const loading = (results.getAttribute("data-loading") || "")
          .replace("{count}", "0")
          .replace("{query}", q);
        return status.textContent.trim() !== "" && status.textContent !== loading;
      },
      word,
      { timeout: 30000 },
    );
    const status = (await page.textContent("#recherche-statut")).trim();
    const links = await page.$$eval("#resultats .search-item a", (as) => as.map((a) => a.getAttribute("href")));
    const first = links[0] || "(no result)";
    console.log(`${JSON.stringify(word)} → ${status}; first result ${first}`);
    if (first !== expected) throw new Error(`"${word}": expected ${expected} first, got ${first}`);
    if (word in excerpts) {
      const shown = (await page.textContent("#resultats .search-item .search-item-summary")).trim();
      console.log(`${JSON.stringify(word)} excerpt: ${shown}`);
      if (shown !== excerpts[word]) throw new Error(`"${word}": expected the excerpt ${JSON.stringify(excerpts[word])}, got ${JSON.stringify(shown)}`);
    }
  }
  const parts = JSON.parse(fs.readFileSync(path.join(root, "pagefind/gazette-parts.json"), "utf8"));
  for (const part of parts) {
    const loaded = [...requested].some((p) => p.startsWith(`/pagefind/${part}`));
    if (!loaded) throw new Error(`part ${part} was never loaded`);
  }
  console.log(`parts loaded: ${parts.join(", ")}`);
} catch (e) {
  failed = true;
  console.error(String(e && e.stack ? e.stack : e));
} finally {
  await context.close();
  server.close();
}
process.exit(failed ? 1 : 0);
