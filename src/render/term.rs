//! Term pages (`term.html`): one category's, series', tag's,
//! organisation's, author's or person's articles, page by page.
//!
//! A term page is a listing like a section's (same pager, same folders
//! `page/2/`…), with what the term itself is: an organisation's full and
//! short names and its logo, a person's card (made from the article the
//! person was first found in). Its feed, when the site has feeds, is
//! written beside it (`feeds`).

use serde::Serialize;

use super::context::{Contexts, PageCtx};
use super::pager::{listing_title, pager};
use super::pictures::places::LOGO_HEIGHT;
use super::theme::Theme;
use super::{Rendered, render_template};
use crate::content::markdown::escape_attr;
use crate::diagnostics::Diagnostic;
use crate::site::taxonomy::Term;

/// `taxonomy` in `term.html`: `{key, title, url}` (fields sorted by name,
/// as the former `json!` map serialized them).
#[derive(Serialize)]
struct TaxonomyRefCtx<'a> {
    key: &'static str,
    title: &'a str,
    url: &'a str,
}

/// `term`: `{name, url, feed_url, description_html, logo, logo_picture,
/// logo_width}` (fields sorted
/// by name, as the former `json!` map serialized them).
#[derive(Serialize)]
struct TermCtx<'a> {
    /// An organisation's full and short names, none elsewhere.
    description_html: Option<String>,
    /// None without feeds.
    feed_url: Option<String>,
    /// An organisation's logo URL, none elsewhere.
    logo: Option<String>,
    /// A raster logo's variants, when a build made them: 1× to 3× of the
    /// height the theme shows it at (`site::Picture`).
    logo_picture: Option<crate::site::Picture>,
    /// The logo's width in CSS pixels at that height (64 px), for
    /// `sizes`, with its picture.
    logo_width: Option<u32>,
    name: &'a str,
    url: &'a str,
}

/// Which page of which term: page `number` of `count` of term `term` of
/// taxonomy `taxonomy`.
pub(super) struct TermPage {
    /// The taxonomy's index in `site.taxonomies.list`.
    pub taxonomy: usize,
    /// The term's index in its taxonomy.
    pub term: usize,
    /// The page number, from 1.
    pub number: usize,
    /// The number of pages.
    pub count: usize,
}

/// One page of a term's listing.
pub(super) fn render(cx: &Contexts, theme: &Theme, at: TermPage) -> Result<Rendered, Diagnostic> {
    let site = cx.site();
    let config = &site.config;
    let lang = config.language;
    let tax = &site.taxonomies.list[at.taxonomy];
    let t = &tax.terms[at.term];
    let folder = t.rel_url.listing_page(at.number);
    let url = config.url(folder.as_str());
    let feed_url = config.feeds.then(|| config.url(&t.rel_url.feed_file()));
    let kind_title = tax.kind.title(lang);
    let page = PageCtx {
        kind: "term",
        url: url.clone(),
        permalink: config.permalink(&url),
        title: listing_title(&format!("{} – {}", t.name, kind_title), at.number, lang),
        description: Some(super::descriptions::term(config, tax.kind, t)),
        feed_url: feed_url.clone(),
    };
    let mut context = cx.base(page);
    context.insert(
        "taxonomy",
        &TaxonomyRefCtx {
            key: tax.kind.key(),
            title: &kind_title,
            url: &tax.url,
        },
    );
    context.insert("term", &term_value(cx, t, feed_url));
    let person = t
        .person
        .as_ref()
        .map(|(i, p)| cx.person(&site.articles[*i], p));
    context.insert("person", &person);
    let per_page = config.paginate_by;
    let pager = pager(cx, &t.rel_url, &t.articles, per_page, at.number, at.count);
    context.insert("pager", &pager);
    let html = render_template(theme, "term.html", &context, 0, lang)?;
    Ok((folder.page_file(), html))
}

/// `term` for term `t`, whose feed is at `feed_url`.
fn term_value<'a>(cx: &Contexts, t: &'a Term, feed_url: Option<String>) -> TermCtx<'a> {
    let organisation = t.organisation.as_ref();
    let lang = cx.site().config.language;
    let description_html = organisation.and_then(|o| {
        o.short.as_ref().filter(|s| **s != o.name).map(|short| {
            let name = crate::typography::typeset(lang, &o.name);
            let short = crate::typography::typeset(lang, short);
            format!("<p>{} ({})</p>", escape_attr(&name), escape_attr(&short))
        })
    });
    let logo = organisation
        .and_then(|o| o.logo.as_deref())
        .map(|l| cx.site().config.asset_url(l));
    let logo_picture = logo.as_ref().and_then(|l| cx.site().logos.get(l)).cloned();
    let logo_width = logo_picture
        .as_ref()
        .filter(|p| p.height > 0)
        .map(|p| (u64::from(p.width) * u64::from(LOGO_HEIGHT)).div_ceil(u64::from(p.height)))
        .map(|w| u32::try_from(w).unwrap_or(u32::MAX));
    TermCtx {
        description_html,
        feed_url,
        logo,
        logo_picture,
        logo_width,
        name: &t.name,
        url: &t.url,
    }
}
