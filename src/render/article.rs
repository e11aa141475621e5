//! Article pages (`article.html`): the article's summary, everything only
//! its own page shows, and its share links.
//!
//! `article` is the summary listings see (made once per article by
//! `Contexts`, its card included) with the page's own fields added:
//! [`ArticleDetails`]. They are a typed value rather than a map filled key
//! by key, so that `docs/theming.md`'s list and the code are read side by
//! side; the summary is not serialized again, its map is extended. The body
//! is rendered first (its blocks through their shortcode templates,
//! `blocks`), and its length sizes the page's buffer.

use serde::Serialize;
use tera::Value;

use super::context::{Contexts, PageCtx, PersonCtx};
use super::theme::Theme;
use super::{Rendered, blocks, render_template};
use crate::config::ShareKind;
use crate::diagnostics::Diagnostic;
use crate::language::Language;
use crate::messages::t;
use crate::site::{Article, Site};

/// The fields `article` has besides the summary's, in the order they have
/// always been added to it.
#[derive(Serialize)]
struct ArticleDetails<'a> {
    /// The body, with the blocks in place.
    content_html: &'a str,
    /// The `summary` as inline HTML, or none.
    lead_html: &'a Option<String>,
    source: Option<SourceCtx<'a>>,
    downloads: Vec<DownloadCtx<'a>>,
    /// Person cards of the article's `people`.
    people: Vec<PersonCtx>,
    /// Summaries of the "further reading" articles.
    related: Vec<Value>,
    /// Minutes, at 230 words a minute, at least 1: the body's words and
    /// its blocks' (`LoadedArticle::words`).
    reading_time: u64,
    toc: Vec<TocEntry<'a>>,
}

/// `source`: `{title, page, url}` (fields sorted by name, as the former
/// `json!` map serialized them).
#[derive(Serialize)]
struct SourceCtx<'a> {
    page: Option<&'a str>,
    /// Typeset.
    title: String,
    url: Option<&'a str>,
}

/// One of `downloads`: `{url, title, description, size, kind}` (fields
/// sorted by name, as the former `json!` map serialized them).
#[derive(Serialize)]
struct DownloadCtx<'a> {
    description: &'a Option<String>,
    kind: &'a str,
    /// Like `1,2 Mo` ([`human_size`]).
    size: String,
    title: &'a str,
    url: &'a str,
}

/// One of `toc`: `{level, id, title}` of an `h2` or `h3` (fields sorted by
/// name, as the former `json!` map serialized them).
#[derive(Serialize)]
struct TocEntry<'a> {
    id: &'a str,
    level: u8,
    title: &'a str,
}

/// `share`: `{mail_url, copy}`, and the article's absolute `url` (fields
/// sorted by name, as the former `json!` map serialized them).
#[derive(Serialize)]
pub struct ShareCtx {
    /// Whether to offer copying the address.
    copy: bool,
    /// A `mailto:` link with the title and the address, when mail is offered.
    mail_url: Option<String>,
    /// The article's absolute URL.
    url: String,
}

/// Article `index`'s page.
pub(super) fn render(cx: &Contexts, theme: &Theme, index: usize) -> Result<Rendered, Diagnostic> {
    let site = cx.site();
    let config = &site.config;
    let a = &site.articles[index];
    let page = || PageCtx {
        kind: "article",
        url: a.url.clone(),
        permalink: config.permalink(&a.url),
        title: a.title.clone(),
        description: a.description.clone().or_else(|| {
            let site = config.description.as_deref();
            site.map(|d| crate::typography::typeset(config.language, d))
        }),
        feed_url: None,
    };
    let content_html = blocks::fill(a, cx, theme, &page)?;
    let preview = cx.article_preview(a);
    let mut context = cx.base_with(page(), &preview);
    let own = details(cx, a, &content_html);
    context.insert_value("article", with_details(cx.summaries[index].clone(), &own));
    context.insert("share", &share(site, a));
    let meta = &a.loaded.meta;
    let template = meta.template.as_deref().unwrap_or("article.html");
    let html = render_template(
        theme,
        template,
        &context,
        content_html.len(),
        config.language,
    )?;
    Ok((a.rel_url.page_file(), html))
}

/// What the article's page shows besides its summary.
fn details<'a>(cx: &Contexts, a: &'a Article, content_html: &'a str) -> ArticleDetails<'a> {
    let lang = cx.site().config.language;
    let body = &a.loaded.body;
    ArticleDetails {
        content_html,
        lead_html: &a.lead_html,
        source: a.loaded.meta.source.as_ref().map(|s| SourceCtx {
            page: s.page.as_ref().map(|p| p.0.as_str()),
            title: crate::typography::typeset(lang, s.title.as_str()),
            url: s.url.as_ref().map(|u| u.0.as_str()),
        }),
        downloads: a
            .downloads
            .iter()
            .map(|d| DownloadCtx {
                description: &d.description,
                kind: &d.kind,
                size: human_size(d.size, lang),
                title: &d.title,
                url: &d.url,
            })
            .collect(),
        people: people(cx, a),
        related: a.related.iter().map(|&j| cx.summaries[j].clone()).collect(),
        reading_time: a.loaded.words.div_ceil(230).max(1) as u64,
        toc: body
            .headings
            .iter()
            .filter(|h| h.level == 2 || h.level == 3)
            .map(|h| TocEntry {
                id: &h.id,
                level: h.level,
                title: &h.text,
            })
            .collect(),
    }
}

/// The cards of the article's `people`, in order; an id the registry does
/// not know is left out (the check reports it).
fn people(cx: &Contexts, a: &Article) -> Vec<PersonCtx> {
    let people = &a.loaded.meta.people;
    people
        .iter()
        .filter_map(|(id, _)| cx.site().registry.person_by_id(id, people))
        .map(|p| cx.person(a, &p))
        .collect()
}

/// `summary` (a map) with the fields of `details` added.
fn with_details(summary: Value, details: &ArticleDetails) -> Value {
    let details = Value::from_serializable(details);
    match (summary.as_map(), details.as_map()) {
        (Some(summary), Some(details)) => {
            let mut map = summary.clone();
            for (key, value) in details {
                map.insert(key.clone(), value.clone());
            }
            Value::from(map)
        }
        _ => summary,
    }
}

/// `share` for an article, when the site shares.
pub fn share(site: &Site, a: &Article) -> Option<ShareCtx> {
    let config = &site.config;
    if config.share.is_empty() {
        return None;
    }
    let permalink = config.permalink(&a.url);
    let mail_url = config.share.contains(&ShareKind::Mail).then(|| {
        format!(
            "mailto:?subject={}&body={}",
            percent_encode(&a.loaded.meta.title),
            percent_encode(&permalink)
        )
    });
    Some(ShareCtx {
        copy: config.share.contains(&ShareKind::Copy),
        mail_url,
        url: permalink,
    })
}

/// Percent-encodes a text for a `mailto:` query.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Human size: `1,2 Mo` / `1.2 MB`.
pub fn human_size(bytes: u64, lang: Language) -> String {
    let (value, unit) = if bytes >= 1_000_000 {
        (bytes as f64 / 1_000_000.0, "megabytes")
    } else if bytes >= 1_000 {
        (bytes as f64 / 1_000.0, "kilobytes")
    } else {
        (bytes as f64, "bytes")
    };
    let number = if value >= 100.0 || bytes < 1_000 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    };
    // The decimal separator is a typographic rule, not a message.
    let number = match lang {
        Language::Fr => number.replace('.', ","),
        Language::En => number,
    };
    t!(lang, "render-size", number = number, unit = unit)
}
