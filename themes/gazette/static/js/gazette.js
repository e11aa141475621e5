/* Gazette, default theme: progressive enhancement only.
 * Every page can be read without this file. It adds:
 *  1. the "copy link" share button (hidden until this script shows it);
 *  2. keyboard access to wide tables and code blocks that scroll sideways;
 *  3. the date a printed article was printed on (the address is printed without it);
 *  4. the search page, with the pagefind index `gazette build` writes into
 *     pagefind/ (pagefind.js and its files: no external request); opened
 *     from disk (file://), where pagefind cannot load, with the plain-script
 *     index of a site built with relative_urls (gazette-offline.js).
 * UI strings come from data-* attributes written by the templates (i18n). */
(function () {
  "use strict";
  var doc = document;
  var each = function (selector, fn) {
    Array.prototype.forEach.call(doc.querySelectorAll(selector), fn);
  };

  /* 1. Copy the article's address ------------------------------------------------ */
  function copyText(text, returnFocus) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    /* Intranets often run over plain http, where the Clipboard API is missing. */
    return new Promise(function (resolve, reject) {
      var area = doc.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      doc.body.appendChild(area);
      area.select();
      var done = false;
      try { done = doc.execCommand("copy"); } catch (e) { done = false; }
      doc.body.removeChild(area);
      if (returnFocus) { returnFocus.focus(); }
      if (done) { resolve(); } else { reject(new Error("copy")); }
    });
  }

  each("[data-copy]", function (button) {
    var holder = button.closest(".share-copy");
    var status = holder ? holder.querySelector(".share-status") : null;
    var timer = 0;
    if (holder) { holder.hidden = false; }
    function say(message) {
      if (!status) { return; }
      status.textContent = "";
      window.clearTimeout(timer);
      /* Emptied first so that the same message is announced again on a second click. */
      window.setTimeout(function () { status.textContent = message; }, 60);
      timer = window.setTimeout(function () { status.textContent = ""; }, 6000);
    }
    button.addEventListener("click", function () {
      copyText(button.getAttribute("data-copy"), button).then(
        function () { say(button.getAttribute("data-copied")); },
        function () { say(button.getAttribute("data-failed")); }
      );
    });
  });

  /* 2. Sideways-scrolling tables and code blocks get keyboard focus -------------- */
  function markScrollable() {
    /* A Markdown table's region is focusable as written (no JavaScript needed);
       here it leaves the tab order while its table fits. */
    each(".prose .table-wrap[role=region]", function (el) {
      if (el.scrollWidth > el.clientWidth + 1) el.setAttribute("tabindex", "0");
      else el.removeAttribute("tabindex");
    });
    each(".prose table:not(.table-wrap > table), .prose pre", function (el) {
      if (el.scrollWidth > el.clientWidth + 1) {
        if (!el.hasAttribute("tabindex")) { el.setAttribute("tabindex", "0"); el.setAttribute("data-gz-scroll", ""); }
      } else if (el.hasAttribute("data-gz-scroll")) {
        el.removeAttribute("tabindex");
        el.removeAttribute("data-gz-scroll");
      }
    });
  }
  var resizeTimer = 0;
  markScrollable();
  window.addEventListener("resize", function () {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(markScrollable, 200);
  });

  /* 3. The print date, set just before printing -------------------------------- */
  /* CSS alone cannot print today's date: the line that prints the article's address
     holds the sentence in data-print-date ({date} replaced by the day of printing). */
  each("[data-print-date]", function (line) {
    var slot = line.querySelector(".print-date");
    if (!slot || !window.Intl) { return; }
    var lang = doc.documentElement.lang || "fr";
    window.addEventListener("beforeprint", function () {
      var now = new Date();
      var day = new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric" }).format(now);
      /* French writes the first of the month as an ordinal: 1er mars 2026. */
      if (lang.indexOf("fr") === 0 && now.getDate() === 1) { day = day.replace(/^1 /, "1er "); }
      slot.textContent = " " + line.getAttribute("data-print-date").replace("{date}", day);
    });
  });

  /* 4. Search, with pagefind (https://pagefind.app) ------------------------------ */
  var form = doc.querySelector("form[data-pagefind]");
  var input = doc.getElementById("recherche");
  var results = doc.getElementById("resultats");
  var status = doc.getElementById("recherche-statut");
  if (!form || !input || !results || !status) { return; }

  var PAGE_SIZE = 10;
  var lang = doc.documentElement.lang || "fr";
  var loading = null;
  var typingTimer = 0;
  var latest = 0; /* number of the latest search: a slow answer never replaces a newer one */
  var dateFormat = window.Intl ? new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric" }) : null;

  function message(key, count, query) {
    return (results.getAttribute("data-" + key) || "")
      .replace("{count}", String(count))
      .replace("{query}", query);
  }
  function say(text) {
    status.textContent = text;
  }
  /* An address of the page's attributes, whole (relative ones, of a site
   * built with relative_urls, are relative to the page, not to this script). */
  function absolute(address) {
    return new URL(address, doc.baseURI).href;
  }
  /* pagefind.js is an ES module next to its index; it finds its files from its own URL.
   * From disk (file://) the browser refuses it: the plain-script index, if any, is used. */
  function load() {
    if (!loading) {
      var offline = form.getAttribute("data-offline");
      if (offline && window.location.protocol === "file:") {
        loading = loadOffline(absolute(offline));
      } else {
        loading = loadPagefind();
        if (offline) {
          loading = loading.catch(function () { return loadOffline(absolute(offline)); });
        }
      }
      loading.catch(function () { loading = null; });
    }
    return loading;
  }
  function loadPagefind() {
    var script = absolute(form.getAttribute("data-pagefind"));
    var folder = script.slice(0, script.lastIndexOf("/") + 1);
    return import(script).then(function (pagefind) {
      /* The index stores each page's full path (site root included): no prefix to add.
       * An ellipsis marks an excerpt cut inside the text. */
      return pagefind.options({ baseUrl: "/", excerptEllipsis: "…" })
        .then(function () { return pagefind.init(); })
        /* A large site's index comes in parts (gazette-parts.json lists the others). */
        .then(function () { return fetch(folder + "gazette-parts.json"); })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (parts) {
          return Promise.all(parts.map(function (part) {
            return pagefind.mergeIndex(folder + part, { baseUrl: "/" });
          }));
        })
        .then(function () { return pagefind; });
    });
  }
  /* The plain-script index (window.gazetteSearch: title t, page u relative to
   * the site's root, section s, date d, summary x, folded words n), searched
   * here with pagefind's interface: search(query) gives results whose data()
   * gives { url, meta, excerpt }. */
  function loadOffline(address) {
    return new Promise(function (resolve, reject) {
      if (window.gazetteSearch) { resolve(); return; }
      var script = doc.createElement("script");
      script.src = address;
      script.onload = resolve;
      script.onerror = reject;
      doc.head.appendChild(script);
    }).then(function () {
      var records = window.gazetteSearch || [];
      var root = new URL("../", address);
      return { search: function (query) { return Promise.resolve({ results: find(records, root, query) }); } };
    });
  }
  /* Accents, case and punctuation folded as gazette folds the records' words. */
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/\u0153/g, "oe").replace(/\u00e6/g, "ae").replace(/\u00df/g, "ss")
      .replace(/[^a-z0-9]+/g, " ").trim();
  }
  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }
  /* Every word of the query must be in the article; those with words in their title come first. */
  function find(records, root, query) {
    var words = fold(query).split(" ").filter(Boolean);
    var found = [];
    records.forEach(function (r, order) {
      var text = " " + r.n;
      if (!words.length || !words.every(function (w) { return text.indexOf(w) >= 0; })) { return; }
      var title = " " + fold(r.t);
      var score = words.filter(function (w) { return title.indexOf(w) >= 0; }).length;
      found.push({ score: score, order: order, record: r });
    });
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return found.map(function (f) {
      var r = f.record;
      var data = { url: new URL(r.u, root).href, meta: { title: r.t, section: r.s, date: r.d }, excerpt: escapeHtml(r.x) };
      return { data: function () { return Promise.resolve(data); } };
    });
  }
  function el(tag, className, text) {
    var node = doc.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }
  function formatDate(iso) {
    if (!iso || !dateFormat) { return iso || ""; }
    var d = new Date(String(iso).slice(0, 10) + "T12:00:00");
    return isNaN(d.getTime()) ? iso : dateFormat.format(d);
  }
  /* The excerpt is HTML with <mark> around the words found: keep the text and
   * the marks, nothing else (parsed inertly, never inserted as HTML). */
  function excerpt(html) {
    var p = el("p", "search-item-summary");
    var parsed = new DOMParser().parseFromString("<body>" + html, "text/html").body;
    Array.prototype.forEach.call(parsed.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        p.appendChild(el("mark", "", node.textContent));
      } else {
        p.appendChild(doc.createTextNode(node.textContent));
      }
    });
    return p;
  }
  function item(data) {
    var meta = data.meta || {};
    var li = el("li", "search-item");
    var h = el("h2", "search-item-title");
    var a = el("a", "", meta.title || data.url);
    a.href = data.url;
    h.appendChild(a);
    li.appendChild(h);
    var line = [meta.section, formatDate(meta.date)].filter(Boolean).join(" · ");
    if (line) { li.appendChild(el("p", "search-item-meta", line)); }
    if (data.excerpt) { li.appendChild(excerpt(data.excerpt)); }
    return li;
  }
  function clear() {
    var list = results.querySelector(".search-list");
    var more = results.querySelector(".search-more");
    if (list) { results.removeChild(list); }
    if (more) { results.removeChild(more); }
  }
  function show(query, found, number) {
    clear();
    var key = found.length === 0 ? "none" : (found.length === 1 ? "one" : "other");
    if (!found.length) { say(message(key, 0, query)); return; }
    var list = el("ol", "search-list");
    results.appendChild(list);
    var more = el("button", "button button--secondary search-more", results.getAttribute("data-more"));
    more.type = "button";
    var shown = 0;
    function next(focus) {
      var slice = found.slice(shown, shown + PAGE_SIZE);
      shown += slice.length;
      more.disabled = true;
      return Promise.all(slice.map(function (r) { return r.data(); })).then(function (pages) {
        if (number !== latest) { return; }
        var first = null;
        pages.forEach(function (data) {
          var li = item(data);
          first = first || li;
          list.appendChild(li);
        });
        more.disabled = false;
        more.hidden = shown >= found.length;
        /* After "show more", keyboard focus goes to the first new result. */
        if (focus && first) { first.querySelector("a").focus(); }
      });
    }
    more.hidden = true;
    more.addEventListener("click", function () { next(true); });
    results.appendChild(more);
    /* The count is announced once the first results are in the page, so
       what a screen reader hears and what the list shows agree. */
    return next(false).then(function () {
      if (number === latest) { say(message(key, found.length, query)); }
    });
  }
  function run(query) {
    query = query.trim();
    var number = ++latest;
    if (!query) { clear(); say(""); return; }
    say(message("loading", 0, query));
    load().then(function (pagefind) {
      return pagefind.search(query);
    }).then(function (search) {
      if (number === latest) { return show(query, search.results, number); }
    }).catch(function () {
      if (number === latest) { say(message("error", 0, query)); }
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value.trim();
    if (window.history && window.history.replaceState) {
      var url = new URL(window.location.href);
      if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
      window.history.replaceState(null, "", url.toString());
    }
    window.clearTimeout(typingTimer);
    run(query);
  });
  input.addEventListener("input", function () {
    window.clearTimeout(typingTimer);
    var query = input.value.trim();
    if (query.length < 3) { return; }
    typingTimer = window.setTimeout(function () { run(query); }, 400);
  });
  input.addEventListener("focus", function () { load().catch(function () {}); }, { once: true });

  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
}());
