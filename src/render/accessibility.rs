//! The accessibility statement (`accessibility.html`), when site.yaml has
//! `accessibility:`.
//!
//! French public bodies must publish one (RGAA): its compliance status, the
//! date and rate of the audit and who to contact. The page is at a fixed
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

/// `statement`: site.yaml's `accessibility:` and the footer's label
/// (fields sorted by name, as the former `json!` map serialized them).
#[derive(Serialize)]
struct StatementCtx<'a> {
    audit_date: &'a Option<String>,
    contact: &'a Option<String>,
    /// « Accessibilité : partiellement conforme ».
    label: String,
    /// Share of criteria met, in percent.
    rate: Option<f64>,
    /// `totalement conforme`, `partiellement conforme` or `non conforme`.
    status: &'a str,
}

/// The statement's page.
pub(super) fn render(cx: &Contexts, theme: &Theme) -> Result<Rendered, Diagnostic> {
    let config = &cx.site().config;
    let lang = config.language;
    let folder = accessibility_page(lang);
    let url = config.url(folder);
    let statement = config.accessibility.as_ref().map(|a| statement(a, lang));
    let page = PageCtx {
        kind: "accessibility",
        url: url.clone(),
        permalink: config.permalink(&url),
        title: t!(lang, "render-accessibility-title"),
        description: super::descriptions::accessibility(config),
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
        audit_date: &a.audit_date,
        contact: &a.contact,
        label: t!(lang, "render-accessibility-label", status = &a.status),
        rate: a.rate,
        status: &a.status,
    }
}
