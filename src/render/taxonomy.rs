//! Taxonomy indexes (`taxonomy.html`): a taxonomy's list of terms
//! (`/categories/`, `/tags/`, `/personnes/`…).
//!
//! The index reads only the taxonomy (its terms' names, addresses and
//! article counts), never an article: watch mode's fast path, which sees
//! only bodies change, leaves it alone (`partial`).

use serde::Serialize;

use super::context::{Contexts, PageCtx};
use super::theme::Theme;
use super::{Rendered, render_template};
use crate::diagnostics::Diagnostic;

/// `taxonomy` in `taxonomy.html`: `{key, title, url, terms}` (fields sorted
/// by name, as the former `json!` map serialized them).
#[derive(Serialize)]
struct TaxonomyCtx<'a> {
    /// `categories`, `series`, `tags`, `organisations`, `authors` or
    /// `people`.
    key: &'static str,
    terms: Vec<TermEntryCtx<'a>>,
    /// The taxonomy's title in the site's language.
    title: &'a str,
    url: &'a str,
}

/// One of `taxonomy.terms`: `{name, url, count}` (fields sorted by name, as
/// the former `json!` map serialized them).
#[derive(Serialize)]
struct TermEntryCtx<'a> {
    /// The number of its articles.
    count: usize,
    name: &'a str,
    url: &'a str,
}

/// Taxonomy `index`'s list of terms.
pub(super) fn render(cx: &Contexts, theme: &Theme, index: usize) -> Result<Rendered, Diagnostic> {
    let site = cx.site();
    let config = &site.config;
    let lang = config.language;
    let tax = &site.taxonomies.list[index];
    let title = tax.kind.title(lang);
    let page = PageCtx {
        kind: "taxonomy",
        url: tax.url.clone(),
        permalink: config.permalink(&tax.url),
        title: title.to_string(),
        description: Some(super::descriptions::taxonomy(config, tax.kind)),
        feed_url: None,
    };
    let mut context = cx.base(page);
    let terms = tax
        .terms
        .iter()
        .map(|term| TermEntryCtx {
            count: term.articles.len(),
            name: &term.name,
            url: &term.url,
        })
        .collect();
    context.insert(
        "taxonomy",
        &TaxonomyCtx {
            key: tax.kind.key(),
            terms,
            title: &title,
            url: &tax.url,
        },
    );
    let html = render_template(theme, "taxonomy.html", &context, 0, lang)?;
    Ok((tax.rel_url.page_file(), html))
}
