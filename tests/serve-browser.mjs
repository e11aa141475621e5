// Driven by tests/serve.rs: opens a page served by `gazette serve` in
// headless Chromium (playwright-core), then edits the article's file and
// waits, without any reload of its own, for the page to show the new text;
// edits its title and checks that the article's tab reloads once, the tab
// on its section shows the new title, and a tab on a page showing no
// article does not reload at all;
// breaks the front matter and waits for the error overlay, and checks it as
// a writer meets it: its title, a modal dialog with a name and the focus,
// an opaque backdrop covering the page (in forced-colours mode too), no
// sideways scrolling at 200 % zoom; fixes it and waits for the page again;
// breaks it once more and closes the overlay with Escape. Exits 0 when all
// of it happens. With SCREENSHOT_DIR set, screenshots of the overlay go
// there (normal, forced colours, 200 % zoom).
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

  // Two more tabs: the section listing the article, and a page that
  // shows no article (the accessibility statement), which no edit of an
  // article reloads.
  const listing = await context.newPage();
  await listing.goto(new URL("/actualites/", url).href, { waitUntil: "load" });
  const other = await context.newPage();
  await other.goto(new URL("/accessibilite/", url).href, { waitUntil: "load" });
  await other.waitForTimeout(300);
  let otherReloads = 0;
  other.on("load", () => otherReloads++);

  const word = `Mot-vu-par-Chromium-${Date.now()}`;
  fs.writeFileSync(file, good + `\n${word}\n`);
  await page.waitForFunction((w) => document.body.innerText.includes(w), word, { timeout: 20000 });
  console.log(`new text seen after ${reloads} automatic reload(s)`);

  // A title edit: the article's page first, then the listing; the
  // article's tab reloads once for it.
  const before = reloads;
  const title = `Titre-vu-par-Chromium-${Date.now()}`;
  fs.writeFileSync(file, good.replace("title: ", `title: ${title} `) + `\n${word}\n`);
  await page.waitForFunction((w) => document.title.includes(w), title, { timeout: 20000 });
  await listing.waitForFunction((w) => document.body.innerText.includes(w), title, { timeout: 20000 });
  await page.waitForTimeout(500);
  if (reloads - before !== 1) throw new Error(`the article's tab reloaded ${reloads - before} times for a title`);
  if (otherReloads !== 0) throw new Error(`a tab showing no article reloaded ${otherReloads} times`);
  console.log("title shown in the article's tab, then in the listing; the other tab untouched");
  await listing.close();
  await other.close();
  fs.writeFileSync(file, good + `\n${word}\n`);
  await page.waitForFunction((w) => !document.title.includes(w), title, { timeout: 20000 });

  fs.writeFileSync(file, good.replace("title:", "titel:"));
  const overlay = page.locator("#gazette-overlay[role=alertdialog]");
  await overlay.waitFor({ state: "visible", timeout: 20000 });
  const shown = await overlay.innerText();
  if (!shown.includes("titel")) throw new Error(`the overlay does not show the error:\n${shown}`);
  await checkOverlay(page);
  console.log("overlay shown");

  fs.writeFileSync(file, good + `\n${word}-réparé\n`);
  await overlay.waitFor({ state: "detached", timeout: 20000 });
  await page.waitForFunction((w) => document.body.innerText.includes(w), `${word}-réparé`, { timeout: 20000 });
  console.log("page back without the overlay");

  fs.writeFileSync(file, good.replace("title:", "titre:"));
  await overlay.waitFor({ state: "visible", timeout: 20000 });
  await page.keyboard.press("Escape");
  await overlay.waitFor({ state: "detached", timeout: 5000 });
  const back = await page.evaluate(() => document.body.innerText);
  if (!back.includes(`${word}-réparé`)) throw new Error("Escape does not show the last good page");
  console.log("overlay closed with Escape");
} catch (e) {
  console.error(String(e && e.stack ? e.stack : e));
  failed = true;
} finally {
  await context.close();
}
process.exit(failed ? 1 : 0);

// The overlay as a writer meets it; throws on the first thing wrong.
async function checkOverlay(page) {
  const title = await page.locator("#gazette-overlay-title").innerText();
  if (title !== "La page n’a pas pu être mise à jour") throw new Error(`title: ${title}`);
  const state = () =>
    page.evaluate(() => {
      const d = document.getElementById("gazette-overlay");
      const r = d.getBoundingClientRect();
      const name = document.getElementById(d.getAttribute("aria-labelledby"));
      const corners = [[1, 1], [innerWidth - 2, 1], [1, innerHeight - 2], [innerWidth - 2, innerHeight - 2]];
      return {
        background: getComputedStyle(d).backgroundColor,
        covers: r.left <= 0 && r.top <= 0 && r.right >= innerWidth && r.bottom >= innerHeight,
        corners: corners.every(([x, y]) => d.contains(document.elementFromPoint(x, y))),
        modal: d.matches(":modal"),
        name: name && name.textContent,
        focused: document.activeElement && document.activeElement.id,
        sideways: d.scrollWidth > d.clientWidth,
      };
    });
  const opaque = (color) => {
    const parts = color.match(/[\d.]+/g).map(Number);
    return parts.length === 3 || parts[3] === 1;
  };
  const check = (s, when) => {
    if (!opaque(s.background)) throw new Error(`${when}: the backdrop is not opaque (${s.background})`);
    if (!s.covers || !s.corners) throw new Error(`${when}: the overlay does not cover the page`);
    if (s.sideways) throw new Error(`${when}: the overlay scrolls sideways`);
  };
  const shot = async (name) => {
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png` });
  };

  const normal = await state();
  check(normal, "normal");
  if (!normal.modal) throw new Error("the overlay is not a modal dialog");
  if (normal.name !== title) throw new Error(`the dialog's name is ${normal.name}`);
  if (normal.focused !== "gazette-overlay") throw new Error(`the overlay is not focused (${normal.focused})`);
  await shot("overlay");

  await page.emulateMedia({ forcedColors: "active" });
  check(await state(), "forced colours");
  await shot("overlay-forced-colours");
  await page.emulateMedia({ forcedColors: "none" });

  // 200 % zoom: the same window shows half as many CSS pixels.
  const size = page.viewportSize();
  await page.setViewportSize({ width: Math.round(size.width / 2), height: Math.round(size.height / 2) });
  check(await state(), "200 % zoom");
  await shot("overlay-zoom-200");
  await page.setViewportSize(size);

  // Tab stays in the dialog: the page under it is inert.
  await page.keyboard.press("Tab");
  const inside = await page.evaluate(() =>
    document.getElementById("gazette-overlay").contains(document.activeElement),
  );
  if (!inside) throw new Error("Tab leaves the overlay");
}
