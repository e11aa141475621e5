//! The search page (`search.html`), when site.yaml has `search: true`.
//!
//! Only the common context: the page is a form and pagefind's JavaScript,
//! which reads the index the build writes beside it (`crate::search`). Its
//! title is the theme's `search_title` string when the theme has one.

use super::context::{Contexts, PageCtx};
use super::theme::Theme;
use super::{Rendered, render_template};
use crate::diagnostics::Diagnostic;
use crate::messages::t;
use crate::site::PageFolder;

/// The search page.
pub(super) fn render(cx: &Contexts, theme: &Theme) -> Result<Rendered, Diagnostic> {
    let config = &cx.site().config;
    let lang = config.language;
    let folder = crate::search::page_path(lang);
    let url = config.url(folder);
    let title = theme.strings.get("search_title").and_then(|v| v.as_str());
    let page = PageCtx {
        kind: "search",
        permalink: config.permalink(&url),
        url,
        title: title.map_or_else(|| t!(lang, "render-search-title"), str::to_string),
        description: Some(super::descriptions::search(config)),
        feed_url: None,
    };
    let html = render_template(theme, "search.html", &cx.base(page), 0, lang)?;
    Ok((PageFolder::named(folder).page_file(), html))
}
