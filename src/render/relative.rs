//! Relative addresses (`relative_urls: true`): the output opened from disk.
//!
//! Why it is shaped so:
//!
//! - **One rewrite of each written page, not a mode threaded through every
//!   template.** Templates, the Markdown renderer and the registries write
//!   root-relative addresses (`/rh/actualites/x/`) in a hundred places, a
//!   site's own templates included; opened with `file://` or from a shared
//!   drive, `/` is the disk's root. So each HTML page is rewritten once, as
//!   it leaves the renderer ([`page`]), by lol_html, a streaming HTML
//!   rewriter that re-serializes only the attributes it changes (the rest of
//!   the page keeps its bytes). The stylesheets' `url()` go through [`css`].
//! - **What is rewritten:** `href`, `src`, `srcset`, `action`, `poster`,
//!   every `data-*` attribute (where the theme's scripts read addresses),
//!   `url()` in `style` attributes, and the address of a `<meta
//!   http-equiv="refresh">` (alias redirects). Only addresses under the
//!   site's root path become relative; an address with a scheme (the
//!   canonical link, share links, external links), one outside the root
//!   path and a bare fragment stay as they are; a query and a fragment are
//!   kept.
//! - **`…/index.html` spelled out.** On `file://` a folder opens as a
//!   directory listing, not as its page: an address that ends with `/` gets
//!   `index.html`.
//! - **From the page's folder.** `actualites/x/index.html` links to the
//!   home as `../../index.html`: the page's depth in `../`, then the path
//!   from the root. It is not the shortest path, but it is one rule, easy
//!   to check in the output.
//!
//! Feeds, the sitemap and `robots.txt` are not rewritten: they are read by
//! other programs, which need absolute addresses (`base_url`).

use lol_html::html_content::Element;
use lol_html::{HtmlRewriter, Settings, element};

/// The addresses of the page at output path `path` (`actualites/x/index.html`)
/// made relative to it; `root` is the site's root path (`/`, `/rh/`).
pub fn page(html: Vec<u8>, path: &str, root: &str) -> Vec<u8> {
    let to_root = "../".repeat(path.matches('/').count());
    let mut out = Vec::with_capacity(html.len());
    let handler = element!("*", |el| {
        rewrite_element(el, root, &to_root);
        Ok(())
    });
    let settings = Settings::new().append_element_content_handler(handler);
    let mut rewriter = HtmlRewriter::new(settings, |chunk: &[u8]| out.extend_from_slice(chunk));
    // lol_html fails only on memory limits the default settings do not set:
    // the page is then written as it was rendered.
    if rewriter.write(&html).and_then(|()| rewriter.end()).is_err() {
        return html;
    }
    out
}

/// The `url()` addresses of the stylesheet at output path `path`
/// (`css/gazette.css`) made relative to it.
pub fn css(text: &[u8], path: &str, root: &str) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(text) else {
        return text.to_vec();
    };
    let to_root = "../".repeat(path.matches('/').count());
    css_urls(text, root, &to_root).into_bytes()
}

/// Rewrites the attributes of one element that hold addresses.
fn rewrite_element(el: &mut Element, root: &str, to_root: &str) {
    let changes: Vec<(String, String)> = el
        .attributes()
        .iter()
        .filter_map(|attr| {
            let name = attr.name();
            let value = attr.value();
            let new = match name.as_str() {
                "href" | "src" | "action" | "poster" => relative(&value, root, to_root),
                "srcset" => srcset(&value, root, to_root),
                "style" => Some(css_urls(&value, root, to_root)).filter(|v| *v != value),
                "content" if is_refresh(el) => refresh(&value, root, to_root),
                n if n.starts_with("data-") => relative(&value, root, to_root),
                _ => None,
            };
            new.map(|v| (name, v))
        })
        .collect();
    for (name, value) in changes {
        // The names were read from this element: they are valid.
        let _ = el.set_attribute(&name, &value);
    }
}

/// Whether `el` is `<meta http-equiv="refresh">`.
fn is_refresh(el: &Element) -> bool {
    el.tag_name() == "meta"
        && el
            .get_attribute("http-equiv")
            .is_some_and(|v| v.eq_ignore_ascii_case("refresh"))
}

/// `0; url=/x/` with its address relative.
fn refresh(value: &str, root: &str, to_root: &str) -> Option<String> {
    let at = value.to_ascii_lowercase().find("url=")? + 4;
    let target = relative(value[at..].trim(), root, to_root)?;
    Some(format!("{}{target}", &value[..at]))
}

/// Each candidate of a `srcset` (`/a.png 1x, /b.png 2x`) relative.
fn srcset(value: &str, root: &str, to_root: &str) -> Option<String> {
    let mut changed = false;
    let candidates: Vec<String> = value
        .split(',')
        .map(|candidate| {
            let lead = candidate.len() - candidate.trim_start().len();
            let body = candidate.trim_start();
            let end = body.find(char::is_whitespace).unwrap_or(body.len());
            match relative(&body[..end], root, to_root) {
                Some(url) => {
                    changed = true;
                    format!("{}{url}{}", &candidate[..lead], &body[end..])
                }
                None => candidate.to_string(),
            }
        })
        .collect();
    changed.then(|| candidates.join(","))
}

/// Every `url(…)` of CSS text relative (quoted or not).
fn css_urls(text: &str, root: &str, to_root: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("url(") {
        let open = at + 4;
        out.push_str(&rest[..open]);
        let inner = &rest[open..];
        let quote = inner.chars().next().filter(|c| *c == '"' || *c == '\'');
        let start = quote.map_or(0, |_| 1);
        let close = match quote {
            Some(q) => inner[start..].find(q).map(|i| i + start),
            None => inner.find(')'),
        };
        let Some(end) = close else { break };
        let url = &inner[start..end];
        out.push_str(&inner[..start]);
        out.push_str(&relative(url.trim(), root, to_root).unwrap_or_else(|| url.to_string()));
        rest = &inner[end..];
    }
    out.push_str(rest);
    out
}

/// `url` made relative when it is a site path under `root`: `to_root`
/// (`../../`), the path from the root, `index.html` after a folder, then
/// the query and the fragment as written. `None` when it stays as it is.
fn relative(url: &str, root: &str, to_root: &str) -> Option<String> {
    if url.starts_with("//") {
        return None; // an address on another host, without its scheme
    }
    let rest = url.strip_prefix(root).or_else(|| {
        // The root itself, written without its trailing slash (`/rh`).
        (url == root.trim_end_matches('/') && !url.is_empty()).then_some("")
    })?;
    let split = rest.find(['?', '#']).unwrap_or(rest.len());
    let (path, tail) = rest.split_at(split);
    let file = if path.is_empty() || path.ends_with('/') {
        "index.html"
    } else {
        ""
    };
    Some(format!("{to_root}{path}{file}{tail}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrite(html: &str, path: &str, root: &str) -> String {
        String::from_utf8(page(html.as_bytes().to_vec(), path, root)).unwrap()
    }

    #[test]
    fn site_paths_become_relative_to_the_page_with_index_html() {
        assert_eq!(
            rewrite(
                "<a href=\"/\">A</a><a href=\"/actualites/x/#suite\">B</a><img src=\"/actualites/x/a.png\" alt=\"\">",
                "actualites/x/index.html",
                "/"
            ),
            "<a href=\"../../index.html\">A</a><a href=\"../../actualites/x/index.html#suite\">B</a><img src=\"../../actualites/x/a.png\" alt=\"\">"
        );
        assert_eq!(
            rewrite("<a href=\"/recherche/?q=a&amp;b\">R</a>", "index.html", "/"),
            "<a href=\"recherche/index.html?q=a&amp;b\">R</a>"
        );
    }

    #[test]
    fn addresses_outside_the_site_stay_as_written() {
        let html = "<link rel=\"canonical\" href=\"https://intranet.example.org/x/\">\
                    <a href=\"#contenu\">a</a><a href=\"//cdn.example.org/x.js\">b</a>\
                    <a href=\"mailto:a@b.fr\">c</a><a href=\"/autre/\">d</a>";
        assert_eq!(rewrite(html, "x/index.html", "/rh/"), html);
    }

    #[test]
    fn under_a_root_path_and_in_every_attribute_that_holds_an_address() {
        let html = "<form action=\"/rh/recherche/\" data-pagefind=\"/rh/pagefind/pagefind.js\" data-none=\"Aucun\">\
                    <img srcset=\"/rh/a.png 1x, /rh/b.png 2x\" style=\"background: url('/rh/c.png')\">\
                    <meta http-equiv=\"refresh\" content=\"0; url=/rh/x/\"><a href=\"/rh\">h</a>";
        assert_eq!(
            rewrite(html, "recherche/index.html", "/rh/"),
            "<form action=\"../recherche/index.html\" data-pagefind=\"../pagefind/pagefind.js\" data-none=\"Aucun\">\
             <img srcset=\"../a.png 1x, ../b.png 2x\" style=\"background: url('../c.png')\">\
             <meta http-equiv=\"refresh\" content=\"0; url=../x/index.html\"><a href=\"../index.html\">h</a>"
        );
    }

    #[test]
    fn stylesheets_urls_are_relative_to_the_stylesheet() {
        let text = "a{background:url(/img/a.png)} b{background:url(\"/img/b.svg#i\")} c{background:url(data:image/png;base64,xx)}";
        assert_eq!(
            String::from_utf8(css(text.as_bytes(), "css/site.css", "/")).unwrap(),
            "a{background:url(../img/a.png)} b{background:url(\"../img/b.svg#i\")} c{background:url(data:image/png;base64,xx)}"
        );
    }
}
