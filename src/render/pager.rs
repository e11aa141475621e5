//! Pagination: the folders of a listing's pages and the `pager` value its
//! templates see.
//!
//! A listing of N articles is N/`paginate_by` pages: the first in the
//! listing's folder, the others in `page/2/`, `page/3/`… below it. Home,
//! sections and terms paginate the same way, so they share this module;
//! what differs (which list, how many per page) is their caller's.
//!
//! `pager` is the contract of `docs/theming.md`, `{items, number, count,
//! prev_url, next_url, pages}`, as one typed value. The items are the
//! summaries `Contexts` made once per article: serializing them into the
//! pager clones a reference-counted Tera value each, never the summary.

use serde::Serialize;
use tera::Value;

use super::context::Contexts;
use crate::language::Language;
use crate::messages::t;
use crate::site::PageFolder;

/// `pager`. Its fields are in the order its value has always been built in
/// (the former `json!` map's sorted keys, then `items`), so that Tera sees
/// the same value.
#[derive(Serialize)]
pub(super) struct PagerCtx {
    /// The number of pages.
    count: usize,
    /// The next page's URL, none on the last.
    next_url: Option<String>,
    /// This page's number, from 1.
    number: usize,
    /// The page links to show (see [`pager_window`]).
    pages: Vec<PagerLink>,
    /// The previous page's URL, none on the first.
    prev_url: Option<String>,
    /// The summaries of this page's articles.
    items: Vec<Value>,
}

/// `{number, url, current}`: one link of a pager (its fields sorted by
/// name, as the former `json!` map serialized them).
#[derive(Serialize)]
struct PagerLink {
    current: bool,
    number: usize,
    url: String,
}

/// `pager` for page `number` of `count` of a listing at `rel_url` showing
/// `list`, `per_page` articles a page.
pub(super) fn pager(
    cx: &Contexts,
    rel_url: &PageFolder,
    list: &[usize],
    per_page: usize,
    number: usize,
    count: usize,
) -> PagerCtx {
    let config = &cx.site().config;
    let link = |n: usize| config.url(rel_url.listing_page(n).as_str());
    PagerCtx {
        count,
        next_url: (number < count).then(|| link(number + 1)),
        number,
        pages: pager_window(number, count)
            .into_iter()
            .map(|n| PagerLink {
                current: n == number,
                number: n,
                url: link(n),
            })
            .collect(),
        prev_url: (number > 1).then(|| link(number - 1)),
        items: list
            .iter()
            .skip((number - 1) * per_page)
            .take(per_page)
            .map(|&i| cx.summaries[i].clone())
            .collect(),
    }
}

/// The page numbers a pager shows: the first, the last, and two on each
/// side of the current one. Listing every page would make a site of N pages
/// of listings cost N² links.
fn pager_window(number: usize, count: usize) -> Vec<usize> {
    let mut pages: Vec<usize> =
        (number.saturating_sub(2).max(1)..=(number + 2).min(count)).collect();
    if pages.first() != Some(&1) {
        pages.insert(0, 1);
    }
    if pages.last() != Some(&count) {
        pages.push(count);
    }
    pages
}

/// A listing's `<title>`: its title, with the page number after page 1.
pub(super) fn listing_title(title: &str, number: usize, lang: Language) -> String {
    if number > 1 {
        t!(lang, "render-listing-title", title = title, number = number)
    } else {
        title.to_string()
    }
}
