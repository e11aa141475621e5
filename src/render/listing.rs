//! Listing pages: the home page (`index.html`) and each section's
//! (`section.html`), page by page.
//!
//! Both are one job kind because they are one thing to the site: section 0
//! is the root section, and its listing is the home page. What differs is
//! what the template is given: the home page lists every article but the
//! pinned ones (shown apart, on page 1 only) and gets `home`; another
//! section lists its own articles and gets `section`. The lists are made
//! once (`Contexts::home`, `Section::articles`), never per page: a section
//! of N articles has N/20 pages, and copying its list on each would be
//! quadratic.

use serde::Serialize;
use tera::Value;

use super::context::{Contexts, PageCtx};
use super::pager::{listing_title, pager};
use super::theme::Theme;
use super::{Rendered, render_template};
use crate::diagnostics::Diagnostic;
use crate::site::Section;

/// `home` in `index.html`: `{title, intro_html}` (fields sorted by name, as
/// the former `json!` map serialized them).
#[derive(Serialize)]
struct HomeCtx<'a> {
    /// The root `_index.md`'s intro, empty when there is none.
    intro_html: &'a str,
    /// The root section's title.
    title: &'a str,
}

/// `section` in `section.html`: `{title, description, intro_html, url,
/// extra}` (fields sorted by name, as the former `json!` map serialized
/// them).
#[derive(Serialize)]
struct SectionCtx<'a> {
    description: &'a Option<String>,
    /// The free `extra:` map of the section's `_index.md`.
    extra: &'a serde_json::Value,
    intro_html: &'a str,
    title: &'a str,
    url: &'a str,
}

/// Page `number` of `count` of section `index`'s listing.
pub(super) fn render(
    cx: &Contexts,
    theme: &Theme,
    index: usize,
    number: usize,
    count: usize,
) -> Result<Rendered, Diagnostic> {
    let site = cx.site();
    let config = &site.config;
    let s = &site.sections[index];
    let home = index == 0;
    let folder = s.rel_url.listing_page(number);
    let url = config.url(folder.as_str());
    let page = PageCtx {
        kind: if home { "home" } else { "section" },
        url: url.clone(),
        permalink: config.permalink(&url),
        title: listing_title(&s.title, number, config.language),
        description: Some(super::descriptions::listing(config, s, home)),
        feed_url: config.feeds.then(|| config.url(&s.rel_url.feed_file())),
    };
    let mut context = cx.base(page);
    let list: &[usize] = if home { &cx.home } else { &s.articles };
    context.insert(
        "pager",
        &pager(cx, &s.rel_url, list, s.paginate_by, number, count),
    );
    let default = if home {
        home_values(cx, s, number, &mut context);
        "index.html"
    } else {
        context.insert("section", &section_value(s));
        "section.html"
    };
    let template = s.template.as_deref().unwrap_or(default);
    let html = render_template(theme, template, &context, 0, config.language)?;
    Ok((folder.page_file(), html))
}

/// `pinned` (on page 1 only) and `home`.
fn home_values(cx: &Contexts, s: &Section, number: usize, context: &mut tera::Context) {
    let pinned: Vec<Value> = if number == 1 {
        cx.site()
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| a.loaded.meta.pinned)
            .map(|(i, _)| cx.summaries[i].clone())
            .collect()
    } else {
        Vec::new()
    };
    context.insert_value("pinned", Value::from(pinned));
    context.insert(
        "home",
        &HomeCtx {
            intro_html: &s.intro_html,
            title: &s.title,
        },
    );
}

/// `section` for a section's listing.
fn section_value(s: &Section) -> SectionCtx<'_> {
    SectionCtx {
        description: &s.description,
        extra: &s.extra,
        intro_html: &s.intro_html,
        title: &s.title,
        url: &s.url,
    }
}
