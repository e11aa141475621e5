//! The search index of a site opened from disk (`relative_urls: true`):
//! `pagefind/gazette-offline.js`, a plain script that assigns the articles'
//! records to `window.gazetteSearch`.
//!
//! Why it is shaped so:
//!
//! - **A plain script, because of `file://`.** pagefind's `pagefind.js` is an
//!   ES module loaded with `import()` that `fetch()`es its WebAssembly and
//!   index files; Chromium refuses both from `file://`. A `<script src>` is
//!   still loaded from disk, so the theme's search script adds this file
//!   when pagefind cannot load, and searches the records itself, with the
//!   same results markup and status messages.
//! - **One record per published article:** its title, its page relative to
//!   the site's root (`actualites/x/index.html`, which the script resolves
//!   against this file's own address), its section, its date, its summary,
//!   and the words of what pagefind indexes (the `data-pagefind-body`
//!   element less `data-pagefind-ignore`), read from the rendered page.
//! - **Words made plain once, here:** accents folded, lower case, anything
//!   but letters and digits a single space (`deunicode`, as for slugs), so
//!   the script only folds the query and looks for each of its words; each
//!   word is kept once per article.
//! - **Only with `relative_urls`.** Over HTTP pagefind's index is smaller to
//!   download and ranks better; this file is written only for a site meant
//!   to open from disk, so other builds are unchanged.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use lol_html::html_content::Element;
use lol_html::{HtmlRewriter, Settings, doc_text, element};
use serde::Serialize;

use crate::output::{Content, Files};
use crate::site::Site;

/// The file's path in the output.
pub const FILE: &str = "pagefind/gazette-offline.js";

/// One article, as the script reads it (short keys: the file holds the
/// text of every article).
#[derive(Serialize)]
struct Record {
    /// Title.
    t: String,
    /// Page, relative to the site's root.
    u: String,
    /// Section's title.
    s: String,
    /// Date, `2026-03-12`.
    d: String,
    /// Summary.
    x: String,
    /// Title, summary and text, folded (see the module's doc).
    n: String,
}

/// The offline index of `site`'s published articles, read from the
/// rendered `files` (an article whose page is absent is left out).
pub fn index(site: &Site, files: &Files) -> Vec<u8> {
    let records: Vec<Record> = site
        .articles
        .iter()
        .filter_map(|a| {
            let page = a.rel_url.page_file();
            let Some(Content::Bytes(html)) = files.get(&page) else {
                return None;
            };
            let summary = a.description.clone().unwrap_or_default();
            let text = body_text(&super::with_body(&String::from_utf8_lossy(html)));
            Some(Record {
                n: fold(&format!("{} {summary} {text}", a.title)),
                t: a.title.clone(),
                u: page,
                s: site.sections[a.section].title.clone(),
                d: a.loaded.meta.date.date.to_string(),
                x: summary,
            })
        })
        .collect();
    // Serializing plain strings cannot fail.
    let json = serde_json::to_string(&records).unwrap_or_else(|_| "[]".into());
    format!("window.gazetteSearch = {json};\n").into_bytes()
}

/// The text pagefind indexes: inside `data-pagefind-body`, less
/// `data-pagefind-ignore`, scripts and styles; entities decoded, a space
/// between elements.
fn body_text(html: &str) -> String {
    let text = Rc::new(RefCell::new(String::new()));
    let inside = Rc::new(Cell::new(0usize));
    let ignored = Rc::new(Cell::new(0usize));
    let enter = |counter: &Rc<Cell<usize>>, el: &mut Element| {
        counter.set(counter.get() + 1);
        let counter = Rc::clone(counter);
        if let Some(handlers) = el.end_tag_handlers() {
            handlers.push(Box::new(move |_| {
                counter.set(counter.get() - 1);
                Ok(())
            }));
        }
    };
    let settings = Settings::new()
        .append_element_content_handler(element!("[data-pagefind-body]", |el| {
            enter(&inside, el);
            Ok(())
        }))
        .append_element_content_handler(element!(
            "[data-pagefind-ignore], script, style, template",
            |el| {
                enter(&ignored, el);
                Ok(())
            }
        ))
        .append_element_content_handler(element!("*", |_| {
            text.borrow_mut().push(' ');
            Ok(())
        }))
        .append_document_content_handler(doc_text!(|chunk| {
            if inside.get() > 0 && ignored.get() == 0 {
                text.borrow_mut().push_str(chunk.as_str());
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    // Fails only on memory limits the default settings do not set.
    let _ = rewriter
        .write(html.as_bytes())
        .and_then(|()| rewriter.end());
    let raw = text.borrow();
    let decoded = html_escape::decode_html_entities(raw.as_str());
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Accents folded, lower case, every run of other characters than letters
/// and digits one space, each word once (in the order first met: the
/// script looks for words, not phrases, and the file is a third of the
/// size): `L’Été, à Lyon, l’été` → `l ete a lyon`.
fn fold(text: &str) -> String {
    let plain = deunicode::deunicode(text).to_lowercase();
    let mut seen = std::collections::HashSet::new();
    plain
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && seen.insert(*w))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_punctuation() {
        assert_eq!(
            fold("L’Été, à Lyon : 12 œuvres !"),
            "l ete a lyon 12 oeuvres"
        );
    }

    #[test]
    fn reads_what_pagefind_indexes() {
        let html = "<html><head><title>Pas ça</title></head><body><nav>Menu</nav>\
                    <article data-pagefind-body><h1>Le t&eacute;l&eacute;travail</h1>\
                    <p class=\"m\" data-pagefind-ignore>Publié le 12 mars</p>\
                    <p>Deux jours<br>par semaine.</p><script>x()</script></article>\
                    <footer>Pied</footer></body></html>";
        assert_eq!(body_text(html), "Le télétravail Deux jours par semaine.");
    }
}
