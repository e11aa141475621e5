/* Gazette, default theme: progressive enhancement only.
 * Every page can be read without this file. It adds:
 *  1. the "copy link" share button (hidden until this script shows it);
 *  2. keyboard access to wide tables and code blocks that scroll sideways;
 *  3. the search page, from the site's own search index (no external request).
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
    each(".prose table, .prose pre", function (el) {
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

  /* 3. Search ------------------------------------------------------------------ */
  var form = doc.querySelector("form[data-index]");
  var input = doc.getElementById("recherche");
  var results = doc.getElementById("resultats");
  if (!form || !input || !results) { return; }

  var lang = doc.documentElement.lang || "fr";
  var loading = null;
  var typingTimer = 0;
  var dateFormat = window.Intl ? new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric" }) : null;

  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function message(key, count, query) {
    return (results.getAttribute("data-" + key) || "")
      .replace("{count}", String(count))
      .replace("{query}", query);
  }
  function load() {
    if (!loading) {
      loading = fetch(form.getAttribute("data-index"), { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.json();
        })
        .then(function (data) {
          var items = Array.isArray(data) ? data : (data.pages || data.items || []);
          return items.map(function (item) {
            return {
              item: item,
              title: fold(item.title),
              meta: fold([item.summary, (item.tags || []).join(" "), item.section].join(" ")),
              body: fold(item.text || item.content || "")
            };
          });
        });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }
  function search(index, query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    var phrase = fold(query).trim();
    var found = [];
    index.forEach(function (entry) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var t = terms[i];
        var s = (entry.title.indexOf(t) >= 0 ? 10 : 0) + (entry.meta.indexOf(t) >= 0 ? 3 : 0) + (entry.body.indexOf(t) >= 0 ? 1 : 0);
        if (!s) { return; }
        score += s;
      }
      if (terms.length > 1 && entry.title.indexOf(phrase) >= 0) { score += 20; }
      found.push({ score: score, item: entry.item });
    });
    found.sort(function (a, b) {
      return b.score - a.score || String(b.item.date || "").localeCompare(String(a.item.date || ""));
    });
    return found.slice(0, 50).map(function (f) { return f.item; });
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
  function show(query, list) {
    results.textContent = "";
    var key = list.length === 0 ? "none" : (list.length === 1 ? "one" : "other");
    results.appendChild(el("p", "search-status", message(key, list.length, query)));
    if (!list.length) { return; }
    var ol = el("ol", "search-list");
    list.forEach(function (item) {
      var li = el("li", "search-item");
      var h = el("h2", "search-item-title");
      var a = el("a", "", item.title);
      a.href = item.url;
      h.appendChild(a);
      li.appendChild(h);
      var meta = [item.section, formatDate(item.date)].filter(Boolean).join(" · ");
      if (meta) { li.appendChild(el("p", "search-item-meta", meta)); }
      if (item.summary) { li.appendChild(el("p", "search-item-summary", item.summary)); }
      ol.appendChild(li);
    });
    results.appendChild(ol);
  }
  function run(query) {
    query = query.trim();
    if (!query) { results.textContent = ""; return; }
    if (!results.firstChild) { results.appendChild(el("p", "search-status", message("loading", 0, query))); }
    load().then(function (index) {
      if (input.value.trim() === query) { show(query, search(index, query)); }
    }, function () {
      results.textContent = "";
      results.appendChild(el("p", "search-status", message("error", 0, query)));
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
    run(query);
  });
  input.addEventListener("input", function () {
    window.clearTimeout(typingTimer);
    var query = input.value.trim();
    if (query.length < 3) { return; }
    typingTimer = window.setTimeout(function () { run(query); }, 400);
  });
  input.addEventListener("focus", function () { load(); }, { once: true });

  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
}());
