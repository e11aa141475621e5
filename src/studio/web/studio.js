// Gazette Studio, the browser side. Plain JavaScript, no framework, no
// build step: the server embeds this file as it is.
//
// The form is built from the description the server sends (`model`, made
// from the content model in src/studio/model.rs): one generic renderer per
// kind of value, so a new front-matter key needs no code here. The state
// is the article's front matter as JSON (`state.values`) and its body; the
// server turns them into the file (src/studio/header.rs), renders the
// preview with the site's pipeline and says what is wrong, field by field.
"use strict";

const WORDS = JSON.parse(document.getElementById("words").textContent);
const TOKEN = document.querySelector('meta[name="gazette-token"]').content;
const API = "api/";
const PREVIEW_PAUSE = 300;

let site = null;
let state = null;
let previewTimer = null;
let previewSeq = 0;
let idCounter = 0;

/// A word of the catalog, with `{name}` replaced by `args.name`.
function w(key, args) {
  let text = WORDS[key] ?? key;
  for (const [k, v] of Object.entries(args || {})) text = text.split("{" + k + "}").join(String(v));
  return text;
}

/// A new element: `el("p", {class: "x"}, "text", child…)`.
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function uid(prefix) {
  idCounter += 1;
  return (prefix || "f") + "-" + idCounter;
}

/// Calls the studio's API; resolves to {status, body}.
async function call(name, options) {
  const opts = options || {};
  const headers = { "x-gazette-token": TOKEN };
  let body = opts.body;
  if (body !== undefined && !(body instanceof Blob) && !(body instanceof ArrayBuffer)) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(body);
  }
  const response = await fetch(API + name, { method: opts.method || (body === undefined ? "GET" : "POST"), headers, body });
  let data = null;
  try { data = await response.json(); } catch (_) { data = null; }
  return { status: response.status, body: data || {} };
}

/// Announces `text` in the status region and moves focus there.
function announce(text, kind, focus) {
  const region = document.getElementById("status");
  if (!region) return;
  region.className = "status " + (kind || "info");
  region.replaceChildren(el("p", {}, text));
  if (focus) region.focus();
}

function fail() {
  announce(w("network-error"), "error", true);
}

// ---------------------------------------------------------------------
// Start and routing

async function start() {
  for (const e of document.querySelectorAll("[data-word]")) e.textContent = w(e.dataset.word);
  for (const e of document.querySelectorAll("[data-word-label]")) e.setAttribute("aria-label", w(e.dataset.wordLabel));
  await loadSite();
  window.addEventListener("hashchange", route);
  route();
}

async function loadSite() {
  try {
    const r = await call("site");
    site = r.body;
    document.getElementById("site-title").textContent = site.title ? "· " + site.title : "";
    if (site.root_path) document.getElementById("to-site").setAttribute("href", site.root_path);
  } catch (_) {
    site = { articles: [], sections: [], model: [], values: {}, registry: { people: [], organisations: [] }, kinds: [] };
  }
}

function route() {
  const hash = decodeURIComponent(location.hash.slice(1));
  if (hash.startsWith("edit=")) openArticle(hash.slice(5));
  else if (hash === "new") showNew();
  else showList();
}

function screen(title, ...children) {
  const root = document.getElementById("screen");
  const h1 = el("h1", { tabindex: "-1" }, title);
  root.replaceChildren(h1, ...children);
  document.title = title + " · " + w("studio");
  h1.focus();
  return root;
}

// ---------------------------------------------------------------------
// The list of articles

function stateOf(a) {
  if (a.broken) return w("state-broken");
  if (a.draft) return w("state-draft");
  if (a.embargoed) return w("state-embargo");
  if (a.expired) return w("state-expired");
  return w("state-online");
}

function showList() {
  state = null;
  const searchId = uid("search");
  const input = el("input", { type: "search", id: searchId, "aria-describedby": searchId + "-help", autocomplete: "off" });
  const count = el("p", { class: "count", role: "status" });
  const body = el("tbody");
  const table = el("table", { class: "articles" },
    el("thead", {}, el("tr", {}, ["col-title", "col-section", "col-date", "col-state"].map((k) => el("th", { scope: "col" }, w(k))))),
    body);
  const sectionTitle = (dir) => (site.sections.find((s) => s.dir === dir) || { title: dir }).title;
  const fill = () => {
    const q = input.value.trim().toLowerCase();
    const found = site.articles.filter((a) => !q || [a.title, sectionTitle(a.section), a.date || "", a.file].join(" ").toLowerCase().includes(q));
    body.replaceChildren(...found.map((a) => el("tr", {},
      el("td", {}, el("a", { href: "#edit=" + encodeURIComponent(a.file) }, a.title)),
      el("td", {}, sectionTitle(a.section)),
      el("td", {}, a.date || ""),
      el("td", {}, stateOf(a)))));
    count.textContent = found.length === 0 ? w("none-found") : found.length === 1 ? w("count-one") : w("count", { n: found.length });
  };
  input.addEventListener("input", fill);
  screen(w("articles"),
    el("div", { class: "list-tools" },
      el("div", { class: "field" },
        el("label", { for: searchId }, w("search")),
        el("p", { class: "help", id: searchId + "-help" }, w("search-help")),
        input),
      el("a", { class: "button primary", href: "#new" }, w("new-article"))),
    count, table);
  fill();
}

// ---------------------------------------------------------------------
// A new article: section and kind

function showNew() {
  const sectionId = uid("section");
  const select = el("select", { id: sectionId, required: true },
    site.sections.map((s) => el("option", { value: s.dir }, s.title)));
  const kinds = el("fieldset", {}, el("legend", {}, w("new-kind")),
    site.kinds.map((k, i) => {
      const id = uid("kind");
      return el("div", { class: "choice" },
        el("input", { type: "radio", name: "kind", id, value: k, checked: i === 0 }),
        el("label", { for: id }, w("kind-" + k)));
    }));
  const form = el("form", { class: "new" },
    el("div", { class: "field" }, el("label", { for: sectionId }, w("new-section")), select),
    kinds,
    el("div", { class: "actions" },
      el("button", { type: "submit", class: "primary" }, w("create")),
      el("a", { class: "button", href: "#list" }, w("cancel"))),
    el("div", { id: "status", class: "status", tabindex: "-1", role: "status" }));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const kind = form.querySelector('input[name="kind"]:checked').value;
    try {
      const r = await call("new?section=" + encodeURIComponent(select.value) + "&kind=" + encodeURIComponent(kind));
      if (r.status !== 200) return announce(r.body.error || w("network-error"), "error", true);
      editor({ path: null, section: select.value, version: null, values: r.body.values, body: r.body.body, slug: "" });
    } catch (_) { fail(); }
  });
  screen(w("new-title"), form);
}

// ---------------------------------------------------------------------
// Opening an article

async function openArticle(path) {
  screen(w("loading"));
  try {
    const r = await call("article?path=" + encodeURIComponent(path));
    if (r.status !== 200) {
      screen(w("error"), el("div", { class: "status error", role: "alert" }, el("p", {}, r.body.error || "")),
        el("p", {}, el("a", { href: "#list" }, w("all-articles"))));
      return;
    }
    editor({ path, version: r.body.version, values: r.body.values, body: r.body.body });
  } catch (_) { fail(); }
}

// ---------------------------------------------------------------------
// The editor

function labelOf(path) {
  return w("field." + path);
}

/// The label path of a field at `path` (["interview", "questions", 2, "q"]
/// → "interview.questions.q"; a person's keys → "person.x"), found by
/// walking the model: the id of a named item and the position in a list
/// are no part of it.
function labelPath(path) {
  let fields = site.model;
  const out = [];
  let i = 0;
  while (i < path.length) {
    const f = fields.find((x) => x.key === path[i]);
    if (!f) break;
    out.push(f.key);
    i += 1;
    const person = f.kind === "person" || (f.key === "people" && out.length === 1);
    if (person) {
      if (f.kind === "keyed") i += 1;
      return i < path.length ? "person." + path[path.length - 1] : out.join(".");
    }
    if (f.kind === "keyed") i += 1;
    if (f.kind === "items" && typeof path[i] === "number") i += 1;
    fields = f.fields || [];
  }
  return out.join(".");
}

/// The id of the control of `path` in the form.
function controlId(path) {
  return "f-" + path.map((p) => String(p).replace(/[^A-Za-z0-9_-]/g, "_")).join("--");
}

function editor(opened) {
  state = {
    path: opened.path,
    section: opened.section || null,
    version: opened.version,
    values: normalise(opened.values || {}),
    body: opened.body || "",
    slug: opened.slug || "",
    diagnostics: [],
  };
  const title = opened.path ? w("editing", { title: state.values.title || opened.path }) : w("creating", { section: (site.sections.find((x) => x.dir === opened.section) || { title: opened.section }).title });
  const form = el("form", { class: "editor-form", novalidate: true });
  form.addEventListener("submit", (e) => { e.preventDefault(); save(false); });
  const problems = el("section", { class: "problems", "aria-labelledby": "problems-title", tabindex: "-1", id: "problems" },
    el("h2", { id: "problems-title" }, w("problems")), el("ul", { id: "problems-list" }));
  const frame = el("iframe", { id: "preview-frame", title: w("preview-frame"), sandbox: "allow-same-origin" });
  const preview = el("section", { class: "preview", "aria-labelledby": "preview-title" },
    el("h2", { id: "preview-title" }, w("preview")),
    el("p", { id: "preview-note", class: "help" }, w("preview-waiting")),
    frame);
  const actions = el("div", { class: "actions sticky" },
    el("button", { type: "submit", class: "primary", id: "save" }, w("save")),
    el("button", { type: "button", id: "publish", onclick: showPublish }, w("publish")),
    el("a", { class: "button", href: "#list" }, w("all-articles")));
  const status = el("div", { id: "status", class: "status", tabindex: "-1", role: "status" });
  buildForm(form);
  form.append(actions);
  state.saved = JSON.stringify(draft());
  screen(title, status, problems, el("div", { class: "editor" }, el("div", { class: "form-side" }, form, el("div", { id: "publish-panel" })), preview));
  form.addEventListener("input", schedulePreview);
  form.addEventListener("change", schedulePreview);
  refreshPreview();
}

function buildForm(form) {
  const parts = { main: [], blocks: [], publishing: [] };
  for (const f of site.model) (parts[f.part] || parts.publishing).push(f);
  const fieldset = (part, fields, extra) => el("fieldset", { class: "part part-" + part },
    el("legend", {}, w("part-" + part)), extra || [], fields.map((f) => control(f, state.values, f.key, [f.key])));
  let slug = null;
  if (!state.path) {
    const id = uid("slug");
    const input = el("input", { id, type: "text", value: state.slug, "aria-describedby": id + "-help", oninput: (e) => { state.slug = e.target.value; } });
    slug = el("div", { class: "field" }, el("label", { for: id }, w("slug-new")), el("p", { class: "help", id: id + "-help" }, w("slug-new-help")), input,
      el("p", { class: "help", id: "new-address", "aria-live": "polite" }));
  }
  form.append(fieldset("main", parts.main, slug));
  form.append(bodyEditor());
  form.append(fieldset("blocks", parts.blocks));
  form.append(fieldset("publishing", parts.publishing));
}

// ---------------------------------------------------------------------
// Shapes: what the file may write two ways is edited one way

/// Testimonials and principles may be a plain list (one group); a
/// principle may be a plain text. The form edits the long form and
/// `denormalise` gives back the short one when nothing needs the long.
function normalise(values) {
  const v = JSON.parse(JSON.stringify(values));
  state_shapes = {};
  for (const f of site.model) {
    if (f.kind === "keyed" && f.short && Array.isArray(v[f.key])) {
      v[f.key] = { default: { [f.short]: v[f.key] } };
      state_shapes[f.key] = "list";
    }
    if (f.key === "principles" && v.principles && typeof v.principles === "object") {
      for (const group of Object.values(v.principles)) {
        if (group && Array.isArray(group.items)) group.items = group.items.map((i) => (typeof i === "string" ? { text: i } : i));
      }
    }
  }
  return v;
}
let state_shapes = {};

function clean(value) {
  if (Array.isArray(value)) {
    const items = value.map(clean).filter((x) => x !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const c = clean(v);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (value === null || value === "") return undefined;
  return value;
}

function denormalise(values) {
  const v = JSON.parse(JSON.stringify(values));
  if (v.principles && typeof v.principles === "object") {
    for (const group of Object.values(v.principles)) {
      if (group && Array.isArray(group.items)) {
        group.items = group.items.map((i) => (i && !i.title && i.text !== undefined ? i.text : i));
      }
    }
  }
  // The cover's empty alternative text is the explicit choice of a
  // decorative image: kept.
  const alt = v.image && v.image.alt === "" && v.image.src;
  const out = clean(v) || {};
  if (alt && out.image) out.image.alt = "";
  for (const f of site.model) {
    const g = out[f.key];
    if (state_shapes[f.key] === "list" && g && Object.keys(g).length === 1 && g.default && Object.keys(g.default).length === 1) {
      out[f.key] = g.default[f.short];
    }
  }
  return out;
}

// ---------------------------------------------------------------------
// Controls, by kind

/// The control of `field`, whose value is `holder[key]`, at `path`.
function control(field, holder, key, path) {
  const make = KINDS[field.kind] || KINDS.text;
  return make(field, holder, key, path);
}

function fieldBox(field, path, input, id, extra) {
  const label = labelOf(labelPath(path));
  const help = WORDS["help." + labelPath(path)];
  const described = [help ? id + "-help" : null, id + "-problem"].filter(Boolean).join(" ");
  if (input) input.setAttribute("aria-describedby", described);
  return el("div", { class: "field", "data-path": path.join(".") },
    el("label", { for: id }, label),
    field.required ? el("span", { class: "required", "aria-hidden": "true" }, " *") : null,
    help ? el("p", { class: "help", id: id + "-help" }, help) : null,
    input, extra || null,
    el("p", { class: "problem", id: id + "-problem" }));
}

function textInput(type) {
  return (field, holder, key, path) => {
    const id = controlId(path);
    const value = holder[key];
    const input = el("input", { id, type, value: value === undefined || value === null ? "" : String(value), required: field.required,
      list: field.offer ? "offer-" + field.offer : null });
    input.addEventListener("input", () => {
      const v = input.value;
      holder[key] = type === "number" ? (v === "" ? undefined : Number(v)) : v;
    });
    return fieldBox(field, path, input, id, field.offer ? datalist(field.offer) : null);
  };
}

function datalist(offer) {
  const id = "offer-" + offer;
  if (document.getElementById(id)) return null;
  const values = offer === "organisations"
    ? [...new Set([...(site.values.organisations || [])])]
    : (site.values[offer] || []);
  return el("datalist", { id }, values.map((v) => el("option", { value: v })));
}

function textarea(rows) {
  return (field, holder, key, path) => {
    const id = controlId(path);
    const input = el("textarea", { id, rows, required: field.required });
    input.value = holder[key] || "";
    input.addEventListener("input", () => { holder[key] = input.value; });
    return fieldBox(field, path, input, id);
  };
}

function dateControl(field, holder, key, path) {
  const id = controlId(path);
  const written = holder[key] ? String(holder[key]) : "";
  const [day, rest] = written.split("T");
  const date = el("input", { id, type: "date", value: day || "", required: field.required });
  const timeId = id + "-time";
  const withTime = el("input", { type: "checkbox", id: id + "-with-time", checked: Boolean(rest) });
  const time = el("input", { type: "time", id: timeId, step: "1", value: rest ? rest.slice(0, 8) : "09:00" });
  const offsetValue = rest ? (rest.match(/([+-]\d\d:\d\d|Z)$/) || ["+01:00"])[0] : "+01:00";
  const offset = el("select", { id: id + "-offset" },
    ["+01:00", "+02:00", "Z", "-05:00", "-04:00", "+04:00", "+03:00", "-03:00", "+11:00", "+12:00", "-10:00"].map((o) => el("option", { value: o, selected: o === offsetValue }, o === "Z" ? "UTC" : "UTC" + o)));
  const timeBox = el("div", { class: "time", hidden: !rest },
    el("label", { for: timeId }, w("time")), time,
    el("label", { for: id + "-offset" }, w("offset")), offset);
  const update = () => {
    timeBox.hidden = !withTime.checked;
    if (!date.value) { holder[key] = undefined; return; }
    if (!withTime.checked) { holder[key] = date.value; return; }
    const t = time.value.length === 5 ? time.value + ":00" : time.value;
    holder[key] = date.value + "T" + t + offset.value;
  };
  // The value stays as written until the writer changes a control.
  for (const c of [date, withTime, time, offset]) c.addEventListener("change", update);
  date.addEventListener("input", update);
  const extra = el("div", { class: "date-extra" },
    el("div", { class: "choice" }, withTime, el("label", { for: id + "-with-time" }, w("with-time"))), timeBox);
  return fieldBox(field, path, date, id, extra);
}

function boolControl(field, holder, key, path) {
  const id = controlId(path);
  const value = holder[key] === undefined ? Boolean(field.default) : Boolean(holder[key]);
  const input = el("input", { id, type: "checkbox", checked: value });
  // Back to its default, the key is left out of the file.
  input.addEventListener("change", () => {
    holder[key] = input.checked === Boolean(field.default) ? undefined : input.checked;
  });
  const help = WORDS["help." + labelPath(path)];
  input.setAttribute("aria-describedby", [help ? id + "-help" : null, id + "-problem"].filter(Boolean).join(" "));
  return el("div", { class: "field choice-field", "data-path": path.join(".") },
    el("div", { class: "choice" }, input, el("label", { for: id }, labelOf(labelPath(path)))),
    help ? el("p", { class: "help", id: id + "-help" }, help) : null,
    el("p", { class: "problem", id: id + "-problem" }));
}

/// A list of short texts: each with its « Retirer » button, and a field
/// to add one (the site's values offered).
function wordsControl(field, holder, key, path) {
  const id = controlId(path);
  const label = labelOf(labelPath(path));
  const list = el("ul", { class: "words" });
  const input = el("input", { id, type: "text", list: field.offer ? "offer-" + field.offer : null, "aria-label": w("words-input", { label }) });
  const render = (focusIndex) => {
    const items = Array.isArray(holder[key]) ? holder[key] : (holder[key] ? [holder[key]] : []);
    list.replaceChildren(...items.map((v, i) => el("li", {}, el("span", {}, v),
      el("button", { type: "button", class: "small", onclick: () => {
        items.splice(i, 1);
        holder[key] = items.length ? items : undefined;
        render(Math.min(i, items.length - 1));
        schedulePreview();
      } }, w("remove-item", { what: "« " + v + " »" })))));
    if (focusIndex !== undefined) {
      const buttons = list.querySelectorAll("button");
      (buttons[focusIndex] || input).focus();
    }
  };
  const add = () => {
    const v = input.value.trim();
    if (!v) return;
    const items = Array.isArray(holder[key]) ? holder[key] : (holder[key] ? [holder[key]] : []);
    if (!items.includes(v)) items.push(v);
    holder[key] = items;
    input.value = "";
    render();
    input.focus();
    schedulePreview();
  };
  input.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); add(); } });
  render();
  const box = el("fieldset", { class: "field words-field", "data-path": path.join(".") },
    el("legend", {}, label), list,
    el("div", { class: "inline" }, input, el("button", { type: "button", onclick: add }, w("words-add"))),
    field.offer ? datalist(field.offer) : null,
    el("p", { class: "problem", id: id + "-problem" }));
  input.setAttribute("aria-describedby", id + "-problem");
  return box;
}

/// Items in order: each a group of the field's keys, with buttons to move
/// it up or down and to remove it; focus follows the moved item.
function itemsControl(field, holder, key, path) {
  const id = controlId(path);
  const box = el("fieldset", { class: "field items", "data-path": path.join("."), id: id + "-box" },
    el("legend", {}, labelOf(labelPath(path))));
  const list = el("ol", { class: "item-list" });
  const itemWord = (n) => w("item." + labelPath(path), { n }) !== "item." + labelPath(path) ? w("item." + labelPath(path), { n }) : w("item", { n });
  const render = (focus) => {
    const items = Array.isArray(holder[key]) ? holder[key] : [];
    holder[key] = items;
    list.replaceChildren(...items.map((item, i) => {
      const what = itemWord(i + 1);
      const up = el("button", { type: "button", class: "small", disabled: i === 0, "data-move": "up",
        onclick: () => { [items[i - 1], items[i]] = [items[i], items[i - 1]]; render({ index: i - 1, button: "up" }); schedulePreview(); } }, w("move-up", { what }));
      const down = el("button", { type: "button", class: "small", disabled: i === items.length - 1, "data-move": "down",
        onclick: () => { [items[i + 1], items[i]] = [items[i], items[i + 1]]; render({ index: i + 1, button: "down" }); schedulePreview(); } }, w("move-down", { what }));
      const remove = el("button", { type: "button", class: "small danger", "data-move": "remove",
        onclick: () => { items.splice(i, 1); render({ index: Math.min(i, items.length - 1), button: "remove" }); schedulePreview(); } }, w("remove-item", { what }));
      const inner = field.fields.map((f) => control(f, item, f.key, [...path, i, f.key]));
      return el("li", { class: "item" }, el("div", { class: "item-tools" }, up, down, remove), inner);
    }));
    if (focus) {
      const li = list.children[focus.index];
      // Focus stays on the moved item's button, or its other move button
      // once it reached the end of the list.
      const target = li && (li.querySelector('[data-move="' + focus.button + '"]:not([disabled])')
        || li.querySelector('[data-move]:not([disabled])') || li.querySelector("input, textarea, select"));
      (target || addButton).focus();
    }
  };
  const addButton = el("button", { type: "button", onclick: () => {
    const items = Array.isArray(holder[key]) ? holder[key] : [];
    items.push({});
    holder[key] = items;
    render();
    const last = list.lastElementChild;
    const first = last && last.querySelector("input, textarea, select");
    if (first) first.focus();
    schedulePreview();
  } }, w("add-block", { what: itemWord((Array.isArray(holder[key]) ? holder[key].length : 0) + 1) }));
  render();
  box.append(list, addButton, el("p", { class: "problem", id: id + "-problem" }));
  return box;
}

/// Named items (`quotes`, `testimonials`, `people`…): each with its id
/// (what the body places it by) and its keys.
function keyedControl(field, holder, key, path) {
  const id = controlId(path);
  const box = el("fieldset", { class: "field keyed", "data-path": path.join("."), id: id + "-box" },
    el("legend", {}, labelOf(labelPath(path))));
  const help = WORDS["help." + labelPath(path)];
  if (help) box.append(el("p", { class: "help" }, help));
  const list = el("div", { class: "keyed-list" });
  const itemWord = (k) => w("item." + path[0], { id: k });
  const inner = key === "people" && path.length === 1 ? personFields() : field.fields;
  const render = (focusId) => {
    const map = holder[key] && typeof holder[key] === "object" ? holder[key] : {};
    holder[key] = map;
    list.replaceChildren(...Object.keys(map).map((k) => {
      const idInput = el("input", { type: "text", id: controlId([...path, k]) + "--id", value: k, "aria-describedby": id + "-id-help" });
      idInput.addEventListener("change", () => {
        const nk = idInput.value.trim().replace(/\s+/g, "-");
        if (!nk || nk === k || nk in map) { idInput.value = k; return; }
        const rebuilt = {};
        for (const [kk, vv] of Object.entries(map)) rebuilt[kk === k ? nk : kk] = vv;
        holder[key] = rebuilt;
        render(nk);
        refreshInsertButtons();
        schedulePreview();
      });
      const value = map[k] && typeof map[k] === "object" ? map[k] : {};
      map[k] = value;
      const remove = el("button", { type: "button", class: "small danger", onclick: () => {
        delete map[k]; render(); addButton.focus(); refreshInsertButtons(); schedulePreview();
      } }, w("remove-item", { what: itemWord(k) }));
      return el("fieldset", { class: "keyed-item", "data-path": [...path, k].join(".") },
        el("legend", {}, itemWord(k)),
        el("div", { class: "field" }, el("label", { for: idInput.id }, w("id")), idInput),
        inner.map((f) => control(f, value, f.key, [...path, k, f.key])),
        remove);
    }));
    if (focusId) {
      const target = document.getElementById(controlId([...path, focusId]) + "--id");
      if (target) target.focus();
    }
  };
  const addButton = el("button", { type: "button", onclick: () => {
    const map = holder[key] && typeof holder[key] === "object" ? holder[key] : {};
    const base = NEW_IDS[path[0]] || "bloc";
    let n = 1;
    let k = base;
    while (k in map) { n += 1; k = base + "-" + n; }
    map[k] = {};
    holder[key] = map;
    render();
    const item = list.lastElementChild;
    const first = item && item.querySelector("input, textarea, select");
    if (first) first.focus();
    refreshInsertButtons();
    schedulePreview();
  } }, w("add-block", { what: labelOf(labelPath(path)).toLowerCase() }));
  render();
  box.append(el("p", { class: "help", id: id + "-id-help" }, w("id-help")), list, addButton, el("p", { class: "problem", id: id + "-problem" }));
  return box;
}

/// The id a new named item gets (then the writer's to change).
const NEW_IDS = { people: "personne", testimonials: "temoignages", principles: "principes", quotes: "citation", extra: "champ" };

function personFields() {
  const people = site.model.find((f) => f.key === "people");
  return people ? people.fields : [];
}

function groupControl(field, holder, key, path) {
  const value = holder[key] && typeof holder[key] === "object" ? holder[key] : {};
  const present = holder[key] !== undefined;
  const box = el("fieldset", { class: "field group", "data-path": path.join(".") },
    el("legend", {}, labelOf(labelPath(path))));
  const inner = el("div", { class: "group-inner" });
  const fill = () => {
    holder[key] = value;
    inner.replaceChildren(...field.fields.map((f) => control(f, value, f.key, [...path, f.key])));
  };
  if (present || path.length > 1) fill();
  else {
    const add = el("button", { type: "button", onclick: () => { fill(); add.remove(); const first = inner.querySelector("input, textarea, select"); if (first) first.focus(); refreshInsertButtons(); } },
      w("add-block", { what: labelOf(labelPath(path)).toLowerCase() }));
    box.append(add);
  }
  box.append(inner, el("p", { class: "problem", id: controlId(path) + "-problem" }));
  return box;
}

/// Who speaks: nobody, a person of the article or of the site (by id),
/// or a person written here.
function personControl(field, holder, key, path) {
  const id = controlId(path);
  const current = holder[key];
  const inline = current && typeof current === "object";
  const articlePeople = Object.keys(state.values.people || {});
  const sitePeople = site.registry.people || [];
  const select = el("select", { id },
    el("option", { value: "" }, w(labelPath(path) === "interview.questions.by" ? "person-interviewee" : "person-none")),
    el("optgroup", { label: w("person-of-article") }, articlePeople.map((p) => el("option", { value: "id:" + p, selected: current === p }, ((state.values.people[p] || {}).name || p) + " (" + p + ")"))),
    el("optgroup", { label: w("person-of-site") }, sitePeople.map((p) => el("option", { value: "id:" + p.id, selected: current === p.id }, p.name + " (" + p.id + ")"))),
    el("option", { value: "inline", selected: Boolean(inline) }, w("person-inline")));
  if (typeof current === "string" && !articlePeople.includes(current) && !sitePeople.some((p) => p.id === current)) {
    select.append(el("option", { value: "id:" + current, selected: true }, current));
  }
  const inlineBox = el("div", { class: "inline-person" });
  const fillInline = () => {
    const person = holder[key] && typeof holder[key] === "object" ? holder[key] : {};
    holder[key] = person;
    inlineBox.replaceChildren(...field.fields.map((f) => control(f, person, f.key, [...path, f.key])));
  };
  if (inline) fillInline();
  select.addEventListener("change", () => {
    if (select.value === "inline") { fillInline(); }
    else { inlineBox.replaceChildren(); holder[key] = select.value ? select.value.slice(3) : undefined; }
    schedulePreview();
  });
  return fieldBox(field, path, select, id, inlineBox);
}

/// One or several people the interview is with: a checkbox each.
function peopleIdsControl(field, holder, key, path) {
  const id = controlId(path);
  const chosen = () => (Array.isArray(holder[key]) ? holder[key] : holder[key] ? [holder[key]] : []);
  const ids = [...Object.keys(state.values.people || {}), ...(site.registry.people || []).map((p) => p.id)];
  for (const c of chosen()) if (!ids.includes(c)) ids.push(c);
  const box = el("fieldset", { class: "field", "data-path": path.join("."), id: id + "-box" }, el("legend", {}, labelOf(labelPath(path))));
  ids.forEach((p, i) => {
    const cid = i === 0 ? id : id + "-" + i;
    const name = ((state.values.people || {})[p] || {}).name || ((site.registry.people || []).find((x) => x.id === p) || {}).name || p;
    const input = el("input", { type: "checkbox", id: cid, checked: chosen().includes(p), "aria-describedby": id + "-problem" });
    input.addEventListener("change", () => {
      const now = chosen().filter((x) => x !== p);
      if (input.checked) now.push(p);
      holder[key] = now.length === 0 ? undefined : now.length === 1 ? now[0] : now;
    });
    box.append(el("div", { class: "choice" }, input, el("label", { for: cid }, name + " (" + p + ")")));
  });
  box.append(el("p", { class: "problem", id: id + "-problem" }));
  return box;
}

/// A file of the article's folder: its name, and a button (or a drop) to
/// copy one there.
function fileControl(field, holder, key, path) {
  const id = controlId(path);
  const input = el("input", { id, type: "text", value: holder[key] || "", required: field.required });
  input.addEventListener("input", () => { holder[key] = input.value; });
  // A download is a document; every other file of the form an image.
  const kind = labelPath(path) === "downloads.file" ? "document" : "image";
  const accept = kind === "document" ? DOCUMENT_TYPES : "image/jpeg,image/png,image/webp,image/gif";
  const picker = el("input", { type: "file", id: id + "-pick", accept, class: "visually-hidden" });
  const pick = el("label", { for: id + "-pick", class: "button small file-pick" }, w("choose-file"));
  const upload = (file) => uploadImage(file, kind, (name, reread) => {
    if (reread) {
      setAt(state.values, path, name);
      const again = document.getElementById(id);
      if (again) { again.value = name; again.focus(); }
    } else {
      input.value = name;
      holder[key] = name;
      input.focus();
    }
    schedulePreview();
  });
  picker.addEventListener("change", () => { if (picker.files[0]) upload(picker.files[0]); });
  const box = fieldBox(field, path, input, id, el("div", { class: "file-tools" }, picker, pick));
  dropZone(box, upload);
  return box;
}

/// The cover image: its file, its alternative text (or the explicit
/// choice of a decorative image), caption, credit and focus.
function imageControl(field, holder, key, path) {
  const value = holder[key] && typeof holder[key] === "object" ? holder[key] : {};
  const box = el("fieldset", { class: "field group image", "data-path": path.join(".") }, el("legend", {}, labelOf(labelPath(path))));
  const inner = el("div");
  const fill = () => {
    holder[key] = value;
    const controls = field.fields.map((f) => control(f, value, f.key, [...path, f.key]));
    const decoId = controlId([...path, "decorative"]);
    const alt = controls[1].querySelector("input");
    const deco = el("input", { type: "checkbox", id: decoId, checked: value.src && value.alt === "" });
    deco.addEventListener("change", () => {
      alt.disabled = deco.checked;
      value.alt = deco.checked ? "" : alt.value;
      schedulePreview();
    });
    alt.disabled = deco.checked;
    controls.splice(2, 0, el("div", { class: "choice" }, deco, el("label", { for: decoId }, w("decorative"))));
    inner.replaceChildren(...controls);
  };
  fill();
  box.append(inner);
  return box;
}

function articlesControl(field, holder, key, path) {
  const id = controlId(path);
  const list = el("ol", { class: "words" });
  const options = site.articles.filter((a) => a.file !== state.path);
  const select = el("select", { id }, el("option", { value: "" }, w("none")), options.map((a) => el("option", { value: a.content_path }, a.title)));
  const titleOf = (p) => (site.articles.find((a) => a.content_path === p) || { title: p }).title;
  const render = (focusIndex) => {
    const items = Array.isArray(holder[key]) ? holder[key] : [];
    list.replaceChildren(...items.map((p, i) => el("li", {}, el("span", {}, titleOf(p)),
      el("button", { type: "button", class: "small", onclick: () => {
        items.splice(i, 1); holder[key] = items.length ? items : undefined; render(Math.min(i, items.length - 1)); schedulePreview();
      } }, w("remove-item", { what: "« " + titleOf(p) + " »" })))));
    if (focusIndex !== undefined) (list.querySelectorAll("button")[focusIndex] || select).focus();
  };
  const add = el("button", { type: "button", onclick: () => {
    if (!select.value) return;
    const items = Array.isArray(holder[key]) ? holder[key] : [];
    if (!items.includes(select.value)) items.push(select.value);
    holder[key] = items; render(); select.focus(); schedulePreview();
  } }, w("related-add"));
  render();
  return fieldBox(field, path, select, id, el("div", {}, add, list));
}

function pairsControl(field, holder, key, path) {
  const id = controlId(path);
  const box = el("fieldset", { class: "field", "data-path": path.join(".") }, el("legend", {}, labelOf(labelPath(path))));
  const map = holder[key] && typeof holder[key] === "object" ? holder[key] : {};
  const rows = el("div");
  const render = () => {
    rows.replaceChildren(...Object.entries(map).map(([k, v], i) => {
      if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") return el("p", { class: "help" }, k + " : " + JSON.stringify(v));
      const vid = id + "-" + i;
      const input = el("input", { type: "text", id: vid, value: String(v) });
      input.addEventListener("input", () => { map[k] = input.value; holder[key] = map; });
      return el("div", { class: "field" }, el("label", { for: vid }, k), input);
    }));
  };
  const keyId = id + "-new";
  const newKey = el("input", { type: "text", id: keyId });
  const add = el("button", { type: "button", onclick: () => {
    const k = newKey.value.trim();
    if (!k || k in map) return;
    map[k] = ""; holder[key] = map; newKey.value = ""; render();
    const inputs = rows.querySelectorAll("input"); if (inputs.length) inputs[inputs.length - 1].focus();
  } }, w("add"));
  render();
  box.append(rows, el("div", { class: "inline" }, el("label", { for: keyId }, w("pairs-key")), newKey, add));
  return box;
}

const KINDS = {
  text: textInput("text"),
  url: textInput("url"),
  number: textInput("number"),
  inline: textarea(2),
  markdown: textarea(5),
  date: dateControl,
  bool: boolControl,
  words: wordsControl,
  items: itemsControl,
  keyed: keyedControl,
  group: groupControl,
  person: personControl,
  "people-ids": peopleIdsControl,
  file: fileControl,
  image: imageControl,
  articles: articlesControl,
  pairs: pairsControl,
};

// ---------------------------------------------------------------------
// The body: a Markdown text, and buttons that insert the blocks

function bodyEditor() {
  const id = "f-body";
  const input = el("textarea", { id, rows: 16, class: "body", "aria-describedby": id + "-help " + id + "-problem" });
  input.value = state.body;
  input.addEventListener("input", () => { state.body = input.value; });
  const tools = el("div", { class: "insert-tools", role: "group", "aria-label": w("insert"), id: "insert-tools" });
  const image = imageInserter(input);
  const box = el("fieldset", { class: "part part-body", "data-path": "body" },
    el("legend", {}, w("part-body")),
    el("label", { for: id }, w("body")),
    el("p", { class: "help", id: id + "-help" }, w("body-help")),
    tools, input, image,
    el("p", { class: "problem", id: id + "-problem" }));
  dropZone(box, (file) => image.prepare(file));
  setTimeout(refreshInsertButtons, 0);
  return box;
}

function insertAtCursor(textarea, text) {
  const start = textarea.selectionStart ?? textarea.value.length;
  const end = textarea.selectionEnd ?? start;
  const before = textarea.value.slice(0, start);
  const after = textarea.value.slice(end);
  const lead = before && !before.endsWith("\n\n") ? (before.endsWith("\n") ? "\n" : "\n\n") : "";
  const trail = after.startsWith("\n") ? "\n" : "\n\n";
  textarea.value = before + lead + text + trail + after;
  const caret = (before + lead + text).length;
  textarea.setSelectionRange(caret, caret);
  state.body = textarea.value;
  textarea.focus();
  schedulePreview();
}

/// The insert buttons: one per block the front matter has.
function refreshInsertButtons() {
  const tools = document.getElementById("insert-tools");
  const body = document.getElementById("f-body");
  if (!tools || !body) return;
  const v = state.values;
  const buttons = [];
  const add = (label, code) => buttons.push(el("button", { type: "button", class: "small", onclick: () => insertAtCursor(body, code) }, label));
  if (v.interview) add(w("insert-interview"), "{{ interview() }}");
  for (const k of Object.keys(v.testimonials || {})) add(w("insert-testimonials", { id: k }), k === "default" ? "{{ testimonials() }}" : '{{ testimonials(id="' + k + '") }}');
  for (const k of Object.keys(v.principles || {})) add(w("insert-principles", { id: k }), k === "default" ? "{{ principles() }}" : '{{ principles(id="' + k + '") }}');
  for (const k of Object.keys(v.quotes || {})) add(w("insert-quote", { id: k }), '{{ quote(id="' + k + '") }}');
  add(w("insert-aside"), '{% aside(title="' + w("aside-title") + '") %}\n\n{% end %}');
  tools.replaceChildren(el("span", { class: "insert-label" }, w("insert") + " :"), ...buttons);
}

/// Inserting an image into the body: chosen or dropped, then its
/// alternative text (required), then the Markdown.
function imageInserter(textarea) {
  const pickId = "f-body-image";
  const altId = "f-body-image-alt";
  const picker = el("input", { type: "file", id: pickId, accept: "image/jpeg,image/png,image/webp,image/gif", class: "visually-hidden" });
  const alt = el("input", { type: "text", id: altId, "aria-describedby": altId + "-problem" });
  // The studio's own problem, not a check's: the checks' next answer
  // leaves it (see `showDiagnostics`).
  const problem = el("p", { class: "problem", id: altId + "-problem", "data-local": "true" });
  let pending = null;
  const step = el("div", { class: "image-insert", hidden: true },
    el("label", { for: altId }, w("image-alt-for-insert")), alt,
    el("button", { type: "button", onclick: async () => {
      if (!alt.value.trim()) { problem.textContent = w("alt-required-body"); alt.focus(); return; }
      problem.textContent = "";
      const text = alt.value.trim().replace(/[[\]]/g, "");
      await uploadImage(pending, "image", (name, reread) => {
        step.hidden = true;
        alt.value = "";
        const body = reread ? document.getElementById("f-body") : textarea;
        insertAtCursor(body, "![" + text + "](" + name + ")");
      });
    } }, w("insert-image-button")), problem);
  const box = el("div", { class: "image-inserter" }, picker, el("label", { for: pickId, class: "button small file-pick" }, w("insert-image")), step);
  box.prepare = (file) => { pending = file; step.hidden = false; alt.focus(); };
  picker.addEventListener("change", () => { if (picker.files[0]) box.prepare(picker.files[0]); });
  return box;
}

function dropZone(box, onFile) {
  box.addEventListener("dragover", (e) => { e.preventDefault(); box.classList.add("dropping"); });
  box.addEventListener("dragleave", () => box.classList.remove("dropping"));
  box.addEventListener("drop", (e) => {
    e.preventDefault();
    box.classList.remove("dropping");
    const file = e.dataTransfer && e.dataTransfer.files[0];
    if (file) onFile(file);
  });
}

/// Whether the form holds changes not saved yet.
function dirty() {
  return state && JSON.stringify(draft()) !== state.saved;
}

/// Sets the value at `path` of `values`, making the maps and lists on
/// the way.
function setAt(values, path, value) {
  let holder = values;
  for (let i = 0; i < path.length - 1; i++) {
    if (holder[path[i]] === undefined || holder[path[i]] === null) holder[path[i]] = typeof path[i + 1] === "number" ? [] : {};
    holder = holder[path[i]];
  }
  holder[path[path.length - 1]] = value;
}

/// The documents a download may be (as the server accepts them).
const DOCUMENT_TYPES = ".pdf,.odt,.ods,.odp,.docx,.xlsx,.pptx,.doc,.xls,.ppt,.csv,.txt";

/// Copies an image (or, of `kind` "document", a document) into the
/// article's folder, then `apply(name)` gives
/// it its place. An article of one file becomes a folder (its links are
/// rewritten on disk): it must be saved first, and the form is read again
/// from the disk before `apply` runs. Returns whether the form was read
/// again (then its controls are new).
async function uploadImage(file, kind, apply) {
  if (!state.path) { announce(w("publish-save-first"), "error", true); return false; }
  const moves = !state.path.endsWith("/index.md");
  if (moves && dirty()) { announce(w("image-save-first"), "error", true); return false; }
  announce(w("uploading"), "info");
  try {
    const bytes = await file.arrayBuffer();
    const r = await call("image?path=" + encodeURIComponent(state.path) + "&name=" + encodeURIComponent(file.name) + "&version=" + encodeURIComponent(state.version || "") + "&kind=" + kind,
      { method: "POST", body: new Blob([bytes]) });
    if (r.status !== 200) { announce(r.body.error || w("network-error"), "error", true); return false; }
    const name = r.body.image;
    if (r.body.path !== state.path) {
      const a = await call("article?path=" + encodeURIComponent(r.body.path));
      if (a.status !== 200) { announce(a.body.error || w("network-error"), "error", true); return false; }
      history.replaceState(null, "", "#edit=" + encodeURIComponent(r.body.path));
      editor({ path: r.body.path, version: a.body.version, values: a.body.values, body: a.body.body });
      apply(name, true);
      announce(w("uploaded-moved", { name, path: r.body.path }), "info", true);
      return true;
    }
    state.version = r.body.version;
    apply(name, false);
    announce(w("uploaded", { name }), "info");
    return false;
  } catch (_) { fail(); return false; }
}

// ---------------------------------------------------------------------
// Preview and diagnostics

function schedulePreview() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(refreshPreview, PREVIEW_PAUSE);
}

function draft() {
  return { path: state.path, section: state.section, slug: state.slug, values: denormalise(state.values), body: state.body };
}

async function refreshPreview() {
  if (!state) return;
  const seq = ++previewSeq;
  try {
    const r = await call("preview", { body: draft() });
    if (seq !== previewSeq || !state) return;
    showDiagnostics(r.body.diagnostics || []);
    const frame = document.getElementById("preview-frame");
    const note = document.getElementById("preview-note");
    const address = document.getElementById("new-address");
    if (address) address.textContent = r.body.address ? w("new-address", { address: r.body.address }) : "";
    if (r.body.html) {
      frame.srcdoc = r.body.html;
      note.textContent = "";
    } else {
      note.textContent = w("preview-failed");
    }
  } catch (_) { /* the next pause tries again */ }
}

/// Shows each diagnostic beside its field, and all of them in the summary,
/// each linking to its field.
function showDiagnostics(diagnostics) {
  state.diagnostics = diagnostics;
  for (const p of document.querySelectorAll(".problem:not([data-local])")) p.textContent = "";
  for (const f of document.querySelectorAll("[aria-invalid]")) f.removeAttribute("aria-invalid");
  const list = document.getElementById("problems-list");
  if (!list) return;
  if (!diagnostics.length) { list.replaceChildren(el("li", { class: "none" }, w("problems-none"))); return; }
  list.replaceChildren(...diagnostics.map((d) => {
    const target = fieldFor(d.field || []);
    const text = (d.severity === "error" ? w("error") : w("warning")) + " : " + d.message + (d.help ? " (" + d.help + ")" : "");
    if (target) {
      const problem = document.getElementById(target.id + "-problem") || target.closest("[data-path]")?.querySelector(".problem");
      if (problem) problem.textContent = (problem.textContent ? problem.textContent + " " : "") + text;
      if (d.severity === "error") target.setAttribute("aria-invalid", "true");
    }
    const where = d.line ? " — " + w("line", { line: d.line, column: d.column }) : "";
    const link = target ? el("a", { href: "#" + target.id, onclick: (e) => { e.preventDefault(); target.focus(); } }, text) : el("span", {}, text);
    return el("li", { class: d.severity }, link, where);
  }));
}

/// The control of the deepest field of `path` the form shows.
function fieldFor(path) {
  for (let n = path.length; n > 0; n--) {
    const id = path[0] === "body" ? "f-body" : controlId(path.slice(0, n));
    const e = document.getElementById(id) || document.getElementById(id + "-box");
    if (e) {
      if (e.tagName === "FIELDSET") return e.querySelector("input, textarea, select, button") || e;
      return e;
    }
  }
  return null;
}

// ---------------------------------------------------------------------
// Saving

async function save(asDraft, choice) {
  if (!state) return;
  announce(w("working"), "info");
  const request = { ...draft(), version: state.version, as_draft: Boolean(asDraft), accept_lost_comments: choice === "lose-comments" };
  let r;
  try { r = await call("save", { body: request }); } catch (_) { fail(); return; }
  if (r.status === 200) {
    const wasNew = !state.path;
    state.path = r.body.path;
    state.version = r.body.version;
    if (r.body.values) state.values = normalise(r.body.values);
    state.saved = JSON.stringify(draft());
    if (r.body.diagnostics) showDiagnostics(r.body.diagnostics);
    const text = r.body.unchanged ? w("unchanged") : r.body.as_draft ? w("saved-draft", { path: r.body.path }) : w("saved", { path: r.body.path });
    announce(text, r.body.as_draft ? "warning" : "success", true);
    if (wasNew || r.body.as_draft) {
      history.replaceState(null, "", "#edit=" + encodeURIComponent(state.path));
      editor({ path: state.path, version: state.version, values: denormalise(state.values), body: state.body });
      announce(text, r.body.as_draft ? "warning" : "success", true);
    }
    loadSite();
    return;
  }
  if (r.status === 409 && r.body.conflict) {
    const region = document.getElementById("status");
    region.className = "status error";
    region.replaceChildren(el("p", {}, w("conflict", { path: state.path })),
      el("div", { class: "actions" },
        el("button", { type: "button", onclick: () => { state.version = r.body.current; save(asDraft, "overwrite"); } }, w("conflict-overwrite")),
        el("button", { type: "button", onclick: () => openArticle(state.path) }, w("conflict-reload"))));
    region.focus();
    return;
  }
  if (r.status === 409 && r.body.lost_comments) {
    const region = document.getElementById("status");
    region.className = "status warning";
    region.replaceChildren(el("p", {}, w("lost-comments", { keys: r.body.lost_comments.join(", ") })),
      el("div", { class: "actions" },
        el("button", { type: "button", onclick: () => save(asDraft, "lose-comments") }, w("lost-comments-confirm")),
        el("button", { type: "button", onclick: () => announce("", "info") }, w("cancel"))));
    region.focus();
    return;
  }
  if (r.status === 422 && r.body.diagnostics) {
    showDiagnostics(r.body.diagnostics);
    const region = document.getElementById("status");
    region.className = "status error";
    region.replaceChildren(el("p", {}, w("errors-draft-only")),
      el("div", { class: "actions" }, el("button", { type: "button", onclick: () => save(true) }, w("save-draft"))));
    const problems = document.getElementById("problems");
    (problems || region).focus();
    return;
  }
  announce(r.body.error || w("network-error"), "error", true);
}

// ---------------------------------------------------------------------
// Publishing

function showPublish() {
  const panel = document.getElementById("publish-panel");
  if (!state.path || dirty()) { announce(w("publish-save-first"), "error", true); return; }
  if (!site.git) { announce(w("publish-no-git"), "warning", true); return; }
  const messageId = uid("message");
  const authorId = uid("author");
  const message = el("input", { type: "text", id: messageId, value: w("publish-default-message", { title: state.values.title || state.path }) });
  const author = el("input", { type: "text", id: authorId, autocomplete: "name", value: localStorage.getItem("gazette-author") || site.git_author || "", "aria-describedby": authorId + "-help" });
  const form = el("form", { class: "publish" },
    el("h2", { tabindex: "-1", id: "publish-title" }, w("publish-title")),
    el("div", { class: "field" }, el("label", { for: messageId }, w("publish-message")), message),
    el("div", { class: "field" }, el("label", { for: authorId }, w("publish-author")), el("p", { class: "help", id: authorId + "-help" }, w("publish-author-help")), author),
    el("div", { class: "actions" }, el("button", { type: "submit", class: "primary" }, w("publish")), el("button", { type: "button", onclick: () => { panel.replaceChildren(); document.getElementById("publish").focus(); } }, w("cancel"))));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    localStorage.setItem("gazette-author", author.value.trim());
    announce(w("publishing"), "info");
    try {
      const r = await call("publish", { body: { path: state.path, message: message.value, author: author.value.trim() } });
      announce(r.body.message || r.body.error || "", r.status === 200 ? (r.body.pushed === false ? "warning" : "success") : "error", true);
      if (r.status === 200) panel.replaceChildren();
    } catch (_) { fail(); }
  });
  panel.replaceChildren(form);
  document.getElementById("publish-title").focus();
}

start();
