//! The accessibility statement (`accessibility.html`), on every site.
//!
//! French public bodies must publish one (RGAA), following the official
//! model: the template prints its sections from the facts of site.yaml's
//! `accessibility:` (« non conforme », no audit, when it says nothing).
//! The rate is formatted here, where the language's way of writing a
//! percentage is known, rather than in the template. The page is at a fixed
//! folder per language (`site::paths::accessibility_page`), which the
//! footer mention of every page links to (`site.accessibility`).

use serde::Serialize;

use super::context::{Contexts, PageCtx};
use super::theme::Theme;
use super::{Rendered, render_template};
use crate::config::Accessibility;
use crate::diagnostics::Diagnostic;
use crate::language::Language;
use crate::messages::t;
use crate::site::PageFolder;
use crate::site::paths::accessibility_page;

/// `statement`: site.yaml's `accessibility:` (every fact, by its key),
/// the footer's label and the rate as the site's language writes it.
#[derive(Serialize)]
struct StatementCtx<'a> {
    #[serde(flatten)]
    facts: &'a Accessibility,
    /// « Accessibilité : partiellement conforme ».
    label: String,
    /// « 82 % », « 82,5 % » (« 82% » in English), when there is a rate.
    rate_text: Option<String>,
}

/// The statement's page.
pub(super) fn render(cx: &Contexts, theme: &Theme) -> Result<Rendered, Diagnostic> {
    let config = &cx.site().config;
    let lang = config.language;
    let folder = accessibility_page(lang);
    let url = config.url(folder);
    let statement = statement(&config.accessibility, lang);
    let page = PageCtx {
        kind: "accessibility",
        url: url.clone(),
        permalink: config.permalink(&url),
        title: t!(lang, "render-accessibility-title"),
        description: Some(super::descriptions::accessibility(config)),
        feed_url: None,
    };
    let mut context = cx.base(page);
    context.insert("statement", &statement);
    let html = render_template(theme, "accessibility.html", &context, 0, lang)?;
    Ok((PageFolder::named(folder).page_file(), html))
}

/// `statement` from site.yaml's `accessibility:`.
fn statement(a: &Accessibility, lang: Language) -> StatementCtx<'_> {
    StatementCtx {
        facts: a,
        label: t!(lang, "render-accessibility-label", status = &a.status),
        rate_text: a.rate.map(|rate| rate_text(rate, lang)),
    }
}

/// A rate as the language writes a percentage: « 82 % » and « 82,5 % »
/// with a no-break space in French, « 82% » and « 82.5% » in English; at
/// most two decimals, none when it is whole.
fn rate_text(rate: f64, lang: Language) -> String {
    let rounded = (rate * 100.0).round() / 100.0;
    let number = rounded.to_string();
    match lang {
        Language::Fr => format!("{}\u{a0}%", number.replace('.', ",")),
        Language::En => format!("{number}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_is_written_as_each_language_writes_it() {
        assert_eq!(rate_text(82.0, Language::Fr), "82\u{a0}%");
        assert_eq!(rate_text(82.5, Language::Fr), "82,5\u{a0}%");
        assert_eq!(rate_text(100.0, Language::En), "100%");
        assert_eq!(rate_text(66.666, Language::En), "66.67%");
    }
}
