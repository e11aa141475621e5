// Driven by tests/integration/relative.rs: opens a site built with
// relative_urls from disk (file://OUTPUT_DIR/index.html) in headless
// Chromium (playwright-core), as a reader who double-clicks index.html or
// opens it from a shared drive would. Fails unless the stylesheet applies,
// every image of the home page loads, a click on the link to ARTICLE (a
// page's path from the output folder) opens that page, and the search page,
// reached by its link, finds ARTICLE first for the word WORD. With
// SCREENSHOTS, saves home.png and search.png in that folder.
import { launch } from "./browser.mjs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(process.env.OUTPUT_DIR);
const article = process.env.ARTICLE;
const word = process.env.WORD;
const shots = process.env.SCREENSHOTS;
const articleUrl = pathToFileURL(path.join(root, article)).href;

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// The stylesheet applied: the theme's body is a flex column.
async function styled(page) {
  const display = await page.evaluate(() => getComputedStyle(document.body).display);
  check(display === "flex", `${page.url()}: the stylesheet did not apply (body display: ${display})`);
}

const context = await launch();
let failed = false;
try {
  const page = context.pages()[0] || (await context.newPage());
  page.on("console", (m) => console.log("console:", m.text()));
  page.on("pageerror", (e) => console.log("page error:", String(e)));

  const home = pathToFileURL(path.join(root, "index.html")).href;
  await page.goto(home, { waitUntil: "load" });
  await styled(page);
  const images = await page.$$eval("img", (imgs) => imgs.map((i) => [i.getAttribute("src"), i.complete && i.naturalWidth]));
  check(images.length > 0, "the home page shows no image");
  for (const [src, width] of images) check(width > 0, `image ${src} did not load`);
  console.log(`home: styled, ${images.length} images loaded`);
  if (shots) await page.screenshot({ path: path.join(shots, "home.png"), fullPage: false });

  // A click on the article's link opens its page (not a folder listing).
  await Promise.all([
    page.waitForURL(articleUrl),
    page.click(`main a[href$="${article}"]`),
  ]);
  await styled(page);
  const title = (await page.textContent("h1")).trim();
  check(title.length > 0, "the article page has no title");
  console.log(`clicked through to ${article}: « ${title} »`);

  // The search page, by the header's link, then a search typed in.
  await Promise.all([page.waitForURL(/recherche\/index\.html$/), page.click("a.header-search")]);
  await styled(page);
  await page.fill("#recherche", word);
  await page.press("#recherche", "Enter");
  await page.waitForSelector("#resultats .search-item a", { timeout: 15000 });
  const status = (await page.textContent("#recherche-statut")).trim();
  const first = await page.$eval("#resultats .search-item a", (a) => a.href);
  console.log(`${JSON.stringify(word)} → ${status}; first result ${first}`);
  check(first === articleUrl, `"${word}": expected ${articleUrl} first, got ${first}`);
  if (shots) await page.screenshot({ path: path.join(shots, "search.png"), fullPage: false });
  await Promise.all([page.waitForURL(articleUrl), page.click("#resultats .search-item a")]);
  console.log("the first result opens the article");
} catch (e) {
  failed = true;
  console.error(String(e && e.stack ? e.stack : e));
} finally {
  await context.close();
}
process.exit(failed ? 1 : 0);
