// Driven by tests/integration/studio.rs: the studio (`gazette serve --edit`)
// in headless Chromium, the way a writer uses it, on a copy of the example
// site. Each scenario is a function; SCENARIO picks one (all by default).
// Prints what it did; exits 0 when every step happened.
//
//   interview  a new interview through the form: two questions, a
//              testimony, a pull quote; saved, it must build (the Rust
//              test builds it and reads the page)
//   publish    that interview published with « Publier »: committed and
//              pushed (the Rust test reads the remote's history)
//   image      an image chosen for the text of an article of one file:
//              its alternative text first, then it is copied, the article
//              becomes a folder (the Rust test builds the site)
//   date       an invalid date: its error beside « Date de publication »,
//              the save refused but as a draft
//   title      an example article's title changed and saved (the Rust test
//              checks that only the title line changed)
//   conflict   the same article saved from two tabs: the second is told
//   keyboard   a new article made with the keyboard only
//   axe        axe-core on every screen, at 1280 and 390 px wide
import { launch } from "./browser.mjs";
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const STUDIO = process.env.STUDIO_URL;
const SCENARIO = process.env.SCENARIO || "all";
const AXE = fs.readFileSync(require.resolve(process.env.AXE_CORE || "./browser/node_modules/axe-core/axe.min.js"), "utf8");

function check(ok, what) {
  if (!ok) throw new Error(what);
}

async function open(context, hash) {
  const page = await context.newPage();
  page.on("pageerror", (e) => console.log("pageerror:", e.message));
  page.on("console", (m) => { if (m.type() === "error" && !m.text().includes("sandboxed")) console.log("console:", m.text()); });
  await page.goto(STUDIO + (hash || ""), { waitUntil: "load" });
  await page.locator("h1").first().waitFor();
  return page;
}

/// Waits until the preview has answered after the last change.
async function previewSettled(page) {
  await page.waitForTimeout(500);
  await page.waitForFunction(() => !document.querySelector("#problems-list:empty"), null, { timeout: 20000 });
}

async function newArticle(page, kind) {
  await page.getByRole("link", { name: "Nouvel article" }).click();
  await page.getByLabel("Rubrique").selectOption("actualites");
  await page.getByLabel(kind).check();
  await page.getByRole("button", { name: "Créer l’article" }).click();
  await page.getByLabel("Titre").waitFor();
}

async function interview(context) {
  const page = await open(context);
  await newArticle(page, "Entretien (questions et réponses)");
  await page.getByLabel("Titre", { exact: true }).fill("Rencontre avec l’équipe d’accueil de Rouen");
  // Two questions: the archetype's third goes.
  await page.getByRole("button", { name: "Retirer la question 3" }).click();
  await page.locator("#f-interview--questions--0--q").fill("Comment accueillez-vous les visiteurs ?");
  await page.locator("#f-interview--questions--0--a").fill("Sur rendez-vous, le plus souvent.\n\nLes autres sont orientés dès l’entrée.");
  await page.locator("#f-interview--questions--1--q").fill("Qu’est-ce qui a changé cette année ?");
  await page.locator("#f-interview--questions--1--a").fill("Le temps d’attente a été divisé par deux.");
  // Move the second question up, then back down, with the keyboard: focus
  // follows the moved question.
  await page.getByRole("button", { name: "Monter la question 2" }).focus();
  await page.keyboard.press("Enter");
  check((await page.locator("#f-interview--questions--0--q").inputValue()).startsWith("Qu’est-ce"), "question 2 moved up");
  const focused = await page.evaluate(() => document.activeElement.textContent);
  check(focused === "Descendre la question 1", `focus after moving: ${focused}`);
  await page.keyboard.press("Enter");
  check((await page.locator("#f-interview--questions--1--q").inputValue()).startsWith("Qu’est-ce"), "and back down");
  // A testimony, by a person written here.
  await page.getByRole("button", { name: "Ajouter : témoignages" }).click();
  await page.getByRole("button", { name: "Ajouter : le témoignage 1" }).click();
  await page.locator("#f-testimonials--temoignages--items--0--text").fill("Un accueil attentif, du début à la fin.");
  await page.locator("#f-testimonials--temoignages--items--0--by").selectOption("inline");
  await page.locator("#f-testimonials--temoignages--items--0--by--name").fill("Karim B.");
  await page.locator("#f-testimonials--temoignages--items--0--by--role").fill("Usager");
  // The archetype's pull quote, reworded.
  await page.locator("#f-quotes--accueil--text").fill("Chacun se sent responsable de l’accueil.");
  await page.getByRole("button", { name: "Insérer dans le texte" }).or(page.locator("#insert-tools")).first().waitFor();
  await page.locator("#insert-tools").getByRole("button", { name: "les témoignages « temoignages »" }).click();
  await previewSettled(page);
  // The page's address, from the title, before anything is saved.
  await page.locator("#new-address", { hasText: "/actualites/rencontre-avec-l-equipe-d-accueil-de-rouen/" }).waitFor({ timeout: 20000 });
  const frame = page.frameLocator("#preview-frame");
  await frame.getByText("Qu’est-ce qui a changé cette année ?").first().waitFor({ timeout: 20000 });
  await frame.getByText("Karim B.").first().waitFor();
  // Not a draft: untick it, then save.
  await page.getByLabel("Brouillon", { exact: true }).uncheck();
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await page.locator("#status.success").waitFor({ timeout: 20000 }).catch(async (e) => {
    console.log("status:", await page.locator("#status").innerText(), "problems:", await page.locator("#problems").innerText());
    throw e;
  });
  const status = await page.locator("#status").innerText();
  check(status.includes("content/actualites/rencontre-avec-l-equipe-d-accueil-de-rouen.md"), `saved where expected: ${status}`);
  console.log("interview saved:", status);
}

async function publish(context) {
  const page = await open(context, "#edit=" + encodeURIComponent("content/actualites/rencontre-avec-l-equipe-d-accueil-de-rouen.md"));
  await page.getByLabel("Titre", { exact: true }).waitFor();
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  await page.getByLabel("Message").fill("Entretien avec l’équipe d’accueil de Rouen");
  await page.getByLabel("Votre nom").fill("Claire Martin");
  await page.locator("form.publish").getByRole("button", { name: "Publier", exact: true }).click();
  await page.locator("#status.success").waitFor({ timeout: 30000 }).catch(async (e) => {
    console.log("status:", await page.locator("#status").innerText());
    throw e;
  });
  const told = await page.locator("#status").innerText();
  check(told.includes("envoyé"), `published and sent: ${told}`);
  console.log("published:", told);
}

/// A small PNG, made here: 40 × 30 pixels of one colour.
function png() {
  const zlib = require("node:zlib");
  const crc = (buf) => {
    let c = ~0;
    for (const b of buf) { c ^= b; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1)); }
    return (~c) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const [w, h] = [40, 30];
  const header = Buffer.alloc(13); header.writeUInt32BE(w, 0); header.writeUInt32BE(h, 4); header[8] = 8; header[9] = 2;
  const rows = Buffer.concat(Array.from({ length: h }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, 0x5a)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", zlib.deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

async function image(context) {
  const page = await open(context, "#edit=" + encodeURIComponent("content/vie-au-travail/salaries-aidants.md"));
  await page.getByLabel("Titre", { exact: true }).waitFor();
  await page.locator("#f-body").focus();
  await page.locator("#f-body-image").setInputFiles({ name: "Équipe aidants.png", mimeType: "image/png", buffer: png() });
  // No alternative text: nothing is copied, the writer is told.
  await page.getByRole("button", { name: "Insérer l’image" }).click();
  const problem = await page.locator("#f-body-image-alt-problem").innerText();
  check(problem.includes("Décrivez l’image"), `alt required: ${problem}`);
  check(await page.evaluate(() => document.activeElement.id === "f-body-image-alt"), "focus on the alternative text");
  await page.getByLabel("Texte alternatif de l’image à insérer").fill("L’équipe des aidants réunie");
  await page.getByRole("button", { name: "Insérer l’image" }).click();
  await page.locator("#status", { hasText: "Fichier copié" }).waitFor({ timeout: 20000 });
  const body = await page.locator("#f-body").inputValue();
  check(body.includes("![L’équipe des aidants réunie](equipe-aidants.png)"), "the image is in the text");
  check(/#edit=content%2Fvie-au-travail%2Fsalaries-aidants%2Findex.md$/.test(page.url()), `the address follows the article: ${page.url()}`);
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await page.locator("#status.success").waitFor({ timeout: 20000 }).catch(async (e) => {
    console.log("status:", await page.locator("#status").innerText(), await page.locator("#problems").innerText());
    throw e;
  });
  console.log("image:", await page.locator("#status").innerText());
}

async function date(context) {
  const file = process.env.SITE_ROOT + "/content/actualites/comment-publier-sur-l-intranet.md";
  const before = fs.readFileSync(file, "utf8");
  const page = await open(context, "#edit=" + encodeURIComponent("content/actualites/comment-publier-sur-l-intranet.md"));
  await page.getByLabel("Titre", { exact: true }).waitFor();
  // A date the date picker cannot hold: typed as the file would have it.
  await page.evaluate(() => {
    const input = document.getElementById("f-date");
    input.type = "text";
    input.value = "2026-02-30";
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.waitForFunction(() => document.getElementById("f-date-problem").textContent.includes("2026-02-30"), null, { timeout: 20000 });
  const problem = await page.locator("#f-date-problem").innerText();
  console.log("date problem:", problem);
  check((await page.locator("#f-date").getAttribute("aria-invalid")) === "true", "the date field is marked invalid");
  const described = await page.locator("#f-date").getAttribute("aria-describedby");
  check(described.includes("f-date-problem"), "the problem describes the field");
  // The summary links to the field.
  const link = page.locator("#problems-list a", { hasText: "2026-02-30" });
  await link.click();
  check(await page.evaluate(() => document.activeElement.id === "f-date"), "the summary's link focuses the field");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await page.locator("#status.error").waitFor({ timeout: 20000 });
  check((await page.locator("#status").innerText()).includes("ne peut être enregistré que comme brouillon"), "save refused but as a draft");
  check(await page.evaluate(() => document.activeElement.id === "problems"), "focus moves to the problems");
  check(fs.readFileSync(file, "utf8") === before, "nothing written while the date is wrong");
  await page.getByRole("button", { name: "Enregistrer comme brouillon" }).click();
  await page.locator("#status.warning").waitFor({ timeout: 20000 });
  console.log("saved as draft:", await page.locator("#status").innerText());
  const saved = fs.readFileSync(file, "utf8");
  check(/date: "?2026-02-30"?\n/.test(saved) && saved.includes("draft: true"), `saved as a draft:\n${saved}`);
}

async function title(context) {
  const page = await open(context, "#edit=" + encodeURIComponent("content/actualites/nouvelle-plateforme-formation.md"));
  const field = page.getByLabel("Titre", { exact: true });
  await field.waitFor();
  await field.fill((await field.inputValue()) + " (mis à jour)");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await page.locator("#status.success").waitFor({ timeout: 20000 });
  console.log("title saved:", await page.locator("#status").innerText());
}

async function conflict(context) {
  const hash = "#edit=" + encodeURIComponent("content/actualites/challenge-mobilite-douce.md");
  const first = await open(context, hash);
  const second = await open(context, hash);
  for (const page of [first, second]) await page.getByLabel("Titre", { exact: true }).waitFor();
  await first.getByLabel("Résumé").fill("Le bilan, vu du premier onglet.");
  await first.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await first.locator("#status.success").waitFor({ timeout: 20000 });
  await second.getByLabel("Résumé").fill("Le bilan, vu du second onglet.");
  await second.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await second.locator("#status.error").waitFor({ timeout: 20000 });
  const told = await second.locator("#status").innerText();
  check(told.includes("a été modifié sur le disque"), `conflict told: ${told}`);
  check(await second.evaluate(() => document.activeElement.id === "status"), "focus on the conflict");
  console.log("conflict:", told);
}

async function keyboard(context) {
  const page = await open(context);
  const press = async (key, times) => { for (let i = 0; i < (times || 1); i++) await page.keyboard.press(key); };
  /// Tabs until the focused element matches `test`, at most 80 times.
  const tabTo = async (what, test) => {
    for (let i = 0; i < 80; i++) {
      await press("Tab");
      if (await page.evaluate(test)) return;
    }
    throw new Error(`keyboard: never reached ${what}`);
  };
  await tabTo("Nouvel article", () => document.activeElement.textContent === "Nouvel article");
  await press("Enter");
  await page.getByLabel("Rubrique").waitFor();
  await tabTo("the section", () => document.activeElement.id.startsWith("section"));
  await page.keyboard.press("ArrowDown");
  await tabTo("the kind", () => document.activeElement.name === "kind");
  await press("Space");
  await tabTo("Créer", () => document.activeElement.textContent === "Créer l’article");
  await press("Enter");
  await page.getByLabel("Titre", { exact: true }).waitFor();
  await tabTo("the title", () => document.activeElement.id === "f-title");
  await page.keyboard.type("Un article écrit au clavier");
  await tabTo("the body", () => document.activeElement.id === "f-body");
  await page.keyboard.type("\n\nUn paragraphe tapé au clavier.");
  await tabTo("Brouillon", () => document.activeElement.id === "f-draft");
  await press("Space");
  await tabTo("Enregistrer", () => document.activeElement.id === "save");
  await press("Enter");
  await page.locator("#status.success").waitFor({ timeout: 20000 });
  check(await page.evaluate(() => document.activeElement.id === "status"), "focus on the saved message");
  console.log("keyboard:", await page.locator("#status").innerText());
}

async function axe(context) {
  const screens = [
    ["list", ""],
    ["new", "#new"],
    ["editor", "#edit=" + encodeURIComponent("content/portraits/binome-mentorat/index.md")],
  ];
  let violations = 0;
  for (const width of [1280, 390]) {
    for (const [name, hash] of screens) {
      const page = await open(context, hash);
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(1500);
      await page.addScriptTag({ content: AXE });
      const found = await page.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] });
        return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
      });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
      if (wide) found.push(`the page scrolls sideways at ${width} px`);
      for (const v of found) console.log(`axe ${name} ${width}px: ${v}`);
      violations += found.length;
      if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}-${width}.png`, fullPage: true });
      await page.close();
    }
  }
  check(violations === 0, `${violations} accessibility violation(s)`);
  console.log("axe: no violation");
}

const SCENARIOS = { interview, publish, image, date, title, conflict, keyboard, axe };
const context = await launch();
let failed = false;
try {
  for (const [name, run] of Object.entries(SCENARIOS)) {
    if (SCENARIO !== "all" && SCENARIO !== name) continue;
    await run(context);
  }
} catch (e) {
  console.error(e.stack || String(e));
  failed = true;
} finally {
  await context.close();
}
process.exit(failed ? 1 : 0);
