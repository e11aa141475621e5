//! The site's search index, built by pagefind (`search: true`).
//!
//! Why it is shaped so:
//!
//! - **One pure function over rendered pages.** `index` takes the article
//!   pages already rendered in memory (URL and HTML) and returns the files to
//!   add to the output. It touches no disk, so `build`, `check` and `serve`
//!   share it, and the output stage stays the only writer. The caller decides
//!   which pages count (published articles only: no listings, no 404, no
//!   alias redirects); this module never sees the others.
//! - **pagefind's own Rust API, not a hand-made index.** `PagefindIndex`
//!   parses each page (`add_html_file`, honouring `data-pagefind-body`,
//!   `data-pagefind-ignore` and `data-pagefind-meta` in the theme), stems the
//!   words in the site's language (`fr` or `en`, forced, so a template that
//!   forgets `<html lang>` still gets French stemming) and returns its bundle
//!   (`get_files`): the index chunks, the fragments, the language's WebAssembly
//!   and `pagefind.js`, which the theme's search page loads.
//! - **A current-thread tokio runtime.** The API is `async` and hands each
//!   page to `tokio::task::spawn_blocking`, so it needs a tokio runtime, and
//!   pagefind already depends on tokio: the smallest runtime that works is
//!   one built here, on this thread, for the duration of the call. It must
//!   not be called from inside another tokio runtime.
//! - **Only what `pagefind.js` loads.** pagefind also returns its ready-made
//!   interfaces (`pagefind-ui.*`, `pagefind-modular-ui.*`,
//!   `pagefind-component-ui.*`, `pagefind-highlight.js`, about 450 kB). The
//!   theme uses the `pagefind.js` API behind its own accessible form, so
//!   those files are left out of the output.
//! - **Deterministic.** pagefind names its files by content hashes, sorts its
//!   words and pages, and gzips with a zero timestamp; pages are fed in the
//!   caller's (stable) order and the result is sorted by path. The same
//!   sources give the same bytes (checked by `tests/search.rs`).
//! - **Nothing silently dropped.** Once one page marks `data-pagefind-body`,
//!   pagefind skips every page that does not. A site's own article template
//!   may lack the mark; such a page is indexed whole (its `<body>`) rather than
//!   left out of the search.

use std::collections::BTreeMap;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::diagnostics::Diagnostic;
use crate::language::Language;
use crate::render::{Content, Files};
use crate::site::Site;

/// The output folder of the index, relative to the output root.
pub const DIR: &str = "pagefind/";

/// The search page's folder, relative to the site root: `recherche/` for a
/// French site, `search/` for an English one.
pub fn page_path(lang: Language) -> &'static str {
    lang.pick("recherche/", "search/")
}

/// pagefind's ready-made interfaces, which the theme does not use.
const UNUSED: &[&str] = &[
    "pagefind-ui.",
    "pagefind-modular-ui.",
    "pagefind-component-ui.",
    "pagefind-highlight.js",
];

/// Indexes `pages` (URL path, rendered HTML) in `lang`; returns the files
/// to add to the output (paths under [`DIR`], in path order).
pub fn index(pages: &[(String, &str)], lang: Language) -> Result<Vec<(String, Vec<u8>)>, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| e.to_string())?;
    let files = runtime.block_on(async {
        let options = PagefindServiceConfig::builder()
            .force_language(lang.code().to_string())
            .build();
        let mut index = PagefindIndex::new(Some(options)).map_err(|e| e.to_string())?;
        for (url, html) in pages {
            index
                .add_html_file(None, Some(url.clone()), with_body(html))
                .await
                .map_err(|e| format!("{url}: {e}"))?;
        }
        index.get_files().await.map_err(|e| e.to_string())
    })?;
    let mut out = BTreeMap::new();
    for file in files {
        let name = file.filename.to_string_lossy().replace('\\', "/");
        if UNUSED.iter().any(|u| name.starts_with(u)) {
            continue;
        }
        out.insert(format!("{DIR}{name}"), file.contents);
    }
    Ok(out.into_iter().collect())
}

/// The build's step: indexes every published article of `site`, read from
/// the rendered `files`, and returns the index files. Listings, the 404
/// page and alias redirects are not articles, so they are never indexed.
pub fn site_index(site: &Site, files: &Files) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
    let lang = site.config.language;
    let pages: Vec<(String, &str)> = site
        .articles
        .iter()
        .filter_map(|a| match files.get(&format!("{}index.html", a.rel_url)) {
            Some(Content::Bytes(html)) => Some((a.url.clone(), std::str::from_utf8(html).ok()?)),
            _ => None,
        })
        .collect();
    index(&pages, lang).map_err(|e| {
        Diagnostic::error(
            "search-index",
            lang.pick(
                format!("l’index de recherche n’a pas pu être construit : {e}"),
                format!("the search index could not be built: {e}"),
            ),
        )
        .with_help(lang.pick(
            "signalez le problème ; en attendant, mettez search: false dans site.yaml",
            "report the problem; meanwhile, set search: false in site.yaml",
        ))
    })
}

/// The page as pagefind should read it: marked with `data-pagefind-body`
/// where the template did not mark anything, on `<body>`.
fn with_body(html: &str) -> String {
    if html.contains("data-pagefind-body") {
        return html.to_string();
    }
    let at = html.match_indices("<body").find(|(i, _)| {
        matches!(
            html.as_bytes().get(i + 5),
            Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')
        )
    });
    match at {
        Some((i, _)) => format!("{} data-pagefind-body{}", &html[..i + 5], &html[i + 5..]),
        None => html.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(title: &str, body: &str) -> String {
        format!(
            "<!DOCTYPE html><html lang=\"fr\"><head><title>{title}</title></head><body>\
             <nav>Menu principal</nav><main><article data-pagefind-body><h1>{title}</h1>\
             <p>{body}</p></article></main></body></html>"
        )
    }

    #[test]
    fn writes_a_french_index_with_only_the_api_files() {
        let a = page("Accueil", "La formation des nouveaux agents.");
        let b = page("Télétravail", "Deux jours par semaine.");
        let pages = vec![
            ("/a/".to_string(), a.as_str()),
            ("/b/".to_string(), b.as_str()),
        ];
        let files = index(&pages, Language::Fr).unwrap();
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"pagefind/pagefind.js"));
        assert!(names.contains(&"pagefind/pagefind-entry.json"));
        assert!(names.contains(&"pagefind/wasm.fr.pagefind"));
        assert!(names.iter().any(|n| n.ends_with(".pf_meta")));
        assert!(names.iter().any(|n| n.ends_with(".pf_index")));
        assert_eq!(
            names.iter().filter(|n| n.ends_with(".pf_fragment")).count(),
            2
        );
        assert!(
            !names
                .iter()
                .any(|n| n.contains("-ui.") || n.contains("highlight"))
        );
        let entry = &files
            .iter()
            .find(|(n, _)| n.ends_with("entry.json"))
            .unwrap()
            .1;
        let entry = String::from_utf8_lossy(entry);
        assert!(
            entry.contains("\"fr\"") && entry.contains("\"page_count\":2"),
            "{entry}"
        );
        let again = index(&pages, Language::Fr).unwrap();
        assert_eq!(files, again, "the index is deterministic");
    }

    #[test]
    fn marks_the_body_of_an_unmarked_page() {
        assert_eq!(
            with_body("<html><body class=\"x\"><p>a</p></body></html>"),
            "<html><body data-pagefind-body class=\"x\"><p>a</p></body></html>"
        );
        assert_eq!(with_body("<body>"), "<body data-pagefind-body>");
        let marked = "<body><main data-pagefind-body></main></body>";
        assert_eq!(with_body(marked), marked);
    }
}
