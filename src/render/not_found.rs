//! The not-found page (`404.html`), at the output root.
//!
//! Only the common context; written at the output root, where web servers
//! look for it.

use super::context::{Contexts, PageCtx};
use super::theme::Theme;
use super::{Rendered, render_template};
use crate::diagnostics::Diagnostic;
use crate::messages::t;

/// The not-found page's file, at the output root.
pub const NOT_FOUND_FILE: &str = "404.html";

/// The not-found page.
pub(super) fn render(cx: &Contexts, theme: &Theme) -> Result<Rendered, Diagnostic> {
    let config = &cx.site().config;
    let lang = config.language;
    let url = config.url(NOT_FOUND_FILE);
    let page = PageCtx {
        kind: "404",
        permalink: config.permalink(&url),
        url,
        title: t!(lang, "render-not-found-title"),
        description: Some(super::descriptions::not_found(config)),
        feed_url: None,
    };
    let html = render_template(theme, "404.html", &cx.base(page), 0, lang)?;
    Ok((NOT_FOUND_FILE.to_string(), html))
}
