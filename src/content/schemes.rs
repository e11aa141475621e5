//! The addresses of one Markdown file that the site's scheme allowlist
//! (`url_schemes`) refuses, as errors placed where the writer typed them.
//!
//! The renderer already left refused links and images without an address
//! and recorded them (`Rendered::refused_urls`); this module words them and
//! checks the front matter's own addresses (`source.url`, people's photos).
//! Markdown written in a front-matter value maps every offset to the
//! value's key, so a refused link there is looked for, as written, in the
//! YAML after that key: a plain or single-line value points at the link
//! itself, a value with escapes at its key.

use std::ops::Range;

use crate::content::front_matter::{self, ArticleMeta, Split};
use crate::content::markdown::Rendered;
use crate::diagnostics::{Diagnostic, SourceText};
use crate::language::Language;
use crate::url_schemes::UrlPolicy;

/// Errors for the refused links and images of rendered Markdown texts of
/// `source`.
pub fn refused_links<'r>(
    source: &SourceText,
    split: &Split,
    texts: impl IntoIterator<Item = &'r Rendered>,
    urls: &UrlPolicy,
    lang: Language,
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for text in texts {
        for refused in &text.refused_urls {
            let span = if split.yaml.contains(&refused.span.start) {
                written_after(source, split, refused.span.clone(), &refused.written)
            } else {
                refused.span.clone()
            };
            errors.push(urls.refusal(&refused.refused, lang).at(source, span));
        }
    }
    errors
}

/// Errors for the front matter's addresses: `source.url` and the photos of
/// the people it writes (under `people`, or inline after a `by:`).
pub fn refused_front_matter(
    source: &SourceText,
    split: &Split,
    meta: &ArticleMeta,
    urls: &UrlPolicy,
    lang: Language,
) -> Vec<Diagnostic> {
    let mut written: Vec<(&str, &str)> = Vec::new();
    if let Some(url) = meta.source.as_ref().and_then(|s| s.url.as_ref()) {
        written.push(("source", url.as_str()));
    }
    written.extend(meta.photos_written());
    written
        .into_iter()
        .filter_map(|(key, value)| {
            let refused = urls.check(value).err()?;
            let at = front_matter::locate(source, split, &[key]);
            let span = written_after(source, split, at, value);
            Some(urls.refusal(&refused, lang).at(source, span))
        })
        .collect()
}

/// Where `written` first occurs in the front matter after `key`; `key`
/// itself when it is not there as is.
fn written_after(
    source: &SourceText,
    split: &Split,
    key: Range<usize>,
    written: &str,
) -> Range<usize> {
    let first_line = written.trim().lines().next().unwrap_or("");
    source
        .text
        .get(key.end..split.yaml.end)
        .and_then(|after| after.find(first_line))
        .filter(|_| !first_line.is_empty())
        .map(|i| key.end + i..key.end + i + first_line.len())
        .unwrap_or(key)
}
