// Driven by tests/integration/reading.rs: serves a built site's output folder
// over HTTP (node's own server), opens the article at ARTICLE in headless
// Chromium (playwright-core) and checks what the HTML alone cannot show:
// « Haut de page » moves focus to the top, a wide table scrolls by keyboard
// at 390 px, a pull quote found nowhere else is in the accessibility tree
// (one that repeats the article is not) and printed, a principle's numeral stays on one
// line at 320 and 1280 px. Prints every failure, exits 1 on any.
import { launch, serveFolder } from "./browser.mjs";
import path from "node:path";

const root = path.resolve(process.env.OUTPUT_DIR);
const { server, base } = await serveFolder(root);
const url = `${base}${process.env.ARTICLE}`;

const failures = [];
const expect = (ok, what) => { if (!ok) failures.push(what); };
const context = await launch();
try {
  const page = context.pages()[0] || (await context.newPage());

  // « Haut de page », by keyboard, with smooth scrolling and without: focus
  // moves to the top and the next Tab reaches the first link. (Whether
  // headless Chromium finishes a smooth scroll of several screens depends
  // on its frame timing: the scroll itself is asserted with reduced motion.)
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const reducedMotion of ["no-preference", "reduce"]) {
    await page.emulateMedia({ reducedMotion });
    await page.goto(url, { waitUntil: "load" });
    await page.focus('.site-footer a[href="#gz-haut"]');
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.scrollY === 0, null, { timeout: 3000 }).catch(() => {});
    const top = await page.evaluate(() => ({ id: document.activeElement.id, y: window.scrollY }));
    expect(top.id === "gz-haut", `after « Haut de page » (${reducedMotion}), focus is on #${top.id}, not #gz-haut`);
    if (reducedMotion === "reduce") expect(top.y === 0, `after « Haut de page », the page is scrolled to ${top.y}`);
    await page.keyboard.press("Tab");
    const next = await page.evaluate(() => document.activeElement === document.querySelector("a[href]"));
    expect(next, `the Tab after « Haut de page » (${reducedMotion}) does not reach the first link of the page`);
  }
  await page.emulateMedia({ reducedMotion: "no-preference" });

  // A pull quote found nowhere else is read; one repeating the article is not.
  const unique = await page.locator("figure.pullquote").ariaSnapshot();
  expect(/blockquote/.test(unique) && /Camille Bertin/.test(unique), `the quotation pull quote is not in the accessibility tree: ${unique}`);
  const echo = await page.locator(".pullquote--echo").ariaSnapshot();
  expect(echo.trim() === "", `the repeating pull quote is in the accessibility tree: ${echo}`);
  // And in print: the quotation is printed, the repeat is not.
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => [".pullquote:not(.pullquote--echo)", ".pullquote--echo"].map((s) => getComputedStyle(document.querySelector(s)).display));
  expect(printed[0] !== "none" && printed[1] === "none", `in print, the quotation and the repeat display ${printed}`);
  await page.emulateMedia({ media: "screen" });

  // A principle's numeral on one line, at 320 and 1280 px.
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const numerals = await page.evaluate(() =>
      [...document.querySelectorAll(".principles-list--ordered > .principle")].map((li) => {
        const s = getComputedStyle(li, "::before");
        return { n: s.content, height: parseFloat(s.height), size: parseFloat(s.fontSize) };
      })
    );
    expect(numerals.length >= 10, `only ${numerals.length} numbered principles`);
    for (const { n, height, size } of numerals) {
      expect(height < size * 1.4, `at ${width} px, the numeral ${n} is ${height} px high for a ${size} px font`);
    }
  }

  // A wide table scrolls by keyboard at 390 px.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url, { waitUntil: "load" });
  const region = page.locator(".table-wrap").first();
  await region.focus();
  const focused = await region.evaluate((el) => document.activeElement === el && el.getAttribute("role") === "region" && el.getAttribute("tabindex") === "0");
  expect(focused, "the table's region does not take focus at 390 px");
  const before = await region.evaluate((el) => el.scrollLeft);
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await page.waitForTimeout(600);
  const after = await region.evaluate((el) => el.scrollLeft);
  expect(after > before, `ArrowRight does not scroll the table (scrollLeft ${before} → ${after})`);
  // The page itself never scrolls sideways.
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(sideways <= 0, `the page scrolls sideways by ${sideways} px at 390 px`);
} finally {
  await context.close();
  server.close();
}
if (failures.length) {
  console.log(failures.join("\n"));
  process.exit(1);
}
