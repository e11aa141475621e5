// Driven by tests/integration/layout.rs: serves a built site's output folder
// over HTTP (node's own server), opens pages in headless Chromium
// (playwright-core) and measures what a reader gets, without comparing
// pixels: horizontal scrolling, card columns and summary heights, the
// testimonies' type and avatar contrast, the tags' border, contrast and
// focus, the breadcrumb, and what print
// shows. Prints one JSON object (measurements) for the Rust test to judge.
// PAGES (a JSON object: role → URL path) names the pages to open.
import { launch, serveFolder } from "./browser.mjs";
import path from "node:path";

const root = path.resolve(process.env.OUTPUT_DIR);
const pages = JSON.parse(process.env.PAGES);
const { server, base } = await serveFolder(root);

// Relative luminance and contrast ratio of two `rgb(…)` colours (WCAG 2.1).
const CONTRAST = `(function (a, b) {
  const lum = (c) => {
    const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
})`;

const context = await launch();
const result = {};
let failed = false;
try {
  const page = context.pages()[0] || (await context.newPage());
  const open = async (url, width, scheme = "light", media = "screen") => {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme, media });
    await page.goto(base + url, { waitUntil: "load" });
  };

  // No page scrolls sideways on a 320 px screen.
  result.overflow_320 = {};
  for (const [role, url] of Object.entries(pages)) {
    await open(url, 320);
    result.overflow_320[role] = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  }

  // Columns of each card list at 1600 px (distinct left edges of its items),
  // and every card summary's height against the lines it is clamped to.
  result.columns_1600 = {};
  result.summaries = [];
  for (const role of ["section", "term", "home", "list"]) {
    await open(pages[role], 1600);
    result.columns_1600[role] = await page.$$eval(".card-grid", (grids) =>
      grids.map((g) => new Set([...g.children].map((li) => Math.round(li.getBoundingClientRect().left))).size),
    );
    result.summaries.push(
      ...(await page.$$eval(".card-summary", (els) =>
        els
          .filter((el) => el.offsetParent !== null)
          .map((el) => {
            const style = getComputedStyle(el);
            return {
              list: !!el.closest(".card-grid--list"),
              height: el.getBoundingClientRect().height,
              line: parseFloat(style.lineHeight),
              clipped: el.scrollHeight > el.clientHeight + 1,
            };
          }),
      )),
    );
  }

  // Two related articles share the width of their section.
  await open(pages.related, 1280);
  result.related = await page.$eval(".related .card-grid", (grid) => {
    const box = grid.getBoundingClientRect();
    const items = [...grid.children].map((li) => li.getBoundingClientRect());
    const left = Math.min(...items.map((r) => r.left));
    const right = Math.max(...items.map((r) => r.right));
    return { items: items.length, rows: new Set(items.map((r) => Math.round(r.top))).size, fill: (right - left) / box.width };
  });

  // Testimonies: roman type, the opening mark, the initials' contrast.
  result.testimony = {};
  for (const scheme of ["light", "dark"]) {
    await open(pages.testimonies, 1280, scheme);
    result.testimony[scheme] = await page.evaluate((contrast) => {
      const ratio = eval(contrast);
      const text = document.querySelector(".testimony-text");
      const initials = [...document.querySelectorAll(".testimony .person-initials")];
      return {
        font_style: text && getComputedStyle(text).fontStyle,
        mark: text && getComputedStyle(text.closest(".testimony"), "::before").content,
        initials: initials.length,
        min_contrast: Math.min(
          ...initials.map((i) => {
            const s = getComputedStyle(i);
            return ratio(s.color, s.backgroundColor);
          }),
        ),
      };
    }, CONTRAST);
  }

  // Tags: linked tags are bordered and readable in both schemes.
  result.tags = {};
  for (const scheme of ["light", "dark"]) {
    await open(pages.article, 1280, scheme);
    result.tags[scheme] = await page.evaluate((contrast) => {
      const ratio = eval(contrast);
      const tag = document.querySelector("a.tag");
      const s = getComputedStyle(tag);
      const bg = getComputedStyle(document.body).backgroundColor;
      return {
        border_width: parseFloat(s.borderTopWidth),
        border_contrast: ratio(s.borderTopColor, bg),
        text_contrast: ratio(s.color, s.backgroundColor === "rgba(0, 0, 0, 0)" ? bg : s.backgroundColor),
      };
    }, CONTRAST);
  }

  // A linked tag reached by the keyboard shows the focus outline.
  await open(pages.article, 1280);
  await page.evaluate(() => document.querySelector("a.tag").setAttribute("data-probe", ""));
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement.hasAttribute("data-probe"))) break;
  }
  result.tag_focus = await page.evaluate(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    return { reached: el.hasAttribute("data-probe"), outline_style: s.outlineStyle, outline_width: parseFloat(s.outlineWidth) };
  });

  // An article on screen, then as printed (before printing, the date is set).
  const visibility = () => {
    const shown = (sel) => {
      const el = document.querySelector(sel);
      return !!el && getComputedStyle(el).display !== "none" && el.getBoundingClientRect().height > 0;
    };
    const source = document.querySelector(".print-source");
    return {
      breadcrumb: shown(".breadcrumb"),
      nav: shown(".site-nav"),
      print_source: shown(".print-source"),
      print_text: source ? source.textContent.replace(/\s+/g, " ").trim() : "",
      canonical: document.querySelector("link[rel=canonical]").href,
    };
  };
  await open(pages.article, 1280);
  result.screen = await page.evaluate(visibility);
  await open(pages.article, 1280, "light", "print");
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  result.print = await page.evaluate(visibility);
  result.today = await page.evaluate(() =>
    new Intl.DateTimeFormat(document.documentElement.lang, { day: "numeric", month: "long", year: "numeric" }).format(new Date()),
  );
  console.log(JSON.stringify(result));
} catch (e) {
  failed = true;
  console.error(String(e && e.stack ? e.stack : e));
} finally {
  await context.close();
  server.close();
}
process.exit(failed ? 1 : 0);
