//! Markdown to HTML, with pulldown-cmark: CommonMark plus GFM tables,
//! footnotes, strikethrough and task lists.
//!
//! The renderer walks pulldown-cmark's events once and changes what a
//! newsroom needs: stable heading ids with accents folded, accessible
//! footnotes with back-links, highlighted code, typography on text only, raw
//! HTML sanitized (or escaped, or kept) per `site.yaml`.
//!
//! It runs per file, in parallel, before the site is assembled, so it cannot
//! know other articles' URLs yet. A link or image to a relative path is
//! therefore written with a *marker* in place of its address
//! (`U+E000 index U+E001`) and recorded in `links`; assembly resolves them all
//! at once (`HtmlWithLinkMarkers::resolve`), which also lets watch mode re-resolve links
//! without re-rendering. Blocks placed by shortcodes are markers too
//! (`U+E002 index U+E001`), filled in at render time with the theme's block
//! templates. The private-use characters are removed from the writer's text
//! on the way in, so a marker can only be one of ours.
//!
//! # The parts
//!
//! - `transform`: the walk over the events and what it changes one event at
//!   a time (paragraphs, text and typography, raw HTML, tables, task
//!   lists), the first paragraph kept for listings;
//! - `headings`, `code`, `footnotes`, `links`: the elements read as a whole,
//!   each with what it notes in [`Rendered`];
//! - `words`: the word count of reading times;
//! - `markers`: the marker encoding, and its resolution once addresses are
//!   known ([`HtmlWithLinkMarkers`], [`HtmlWithBlockMarkers`]);
//! - `offsets`: from a position in the parsed text back to the file;
//! - `escape`: attribute values.
//!
//! This module holds the entry points ([`render`], [`render_inline`]), what
//! they are given and what they return; every public item of the parts is
//! re-exported here.

mod code;
mod escape;
mod footnotes;
mod headings;
mod links;
mod markers;
mod offsets;
mod tables;
mod transform;
mod words;

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, html};
use serde::{Deserialize, Serialize};

pub use code::UnknownLanguage;
pub use escape::escape_attr;
pub use headings::Heading;
pub use links::{ImageRef, LinkKind, LinkRef, RefusedUrl, is_internal};
pub use markers::{
    HtmlWithBlockMarkers, HtmlWithLinkMarkers, MARK_BLOCK, MARK_END, MARK_LINK, find_marker,
    scrub_markers,
};
pub use offsets::OffsetMap;

use crate::content::highlight::Highlighter;
use crate::language::Language;
use crate::url_schemes::UrlPolicy;
use transform::State;

/// Rendered Markdown, with markers where links and blocks go.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Rendered {
    /// The HTML, with markers.
    pub html: HtmlWithLinkMarkers,
    /// Links and images with relative or site addresses, by marker index.
    pub links: Vec<LinkRef>,
    /// Headings, in order.
    pub headings: Vec<Heading>,
    /// Images, in order.
    pub images: Vec<ImageRef>,
    /// The first paragraph as HTML (for listings when there is no summary).
    pub first_paragraph_html: Option<HtmlWithLinkMarkers>,
    /// The first paragraph as text (for meta descriptions).
    pub first_paragraph_text: Option<String>,
    /// Number of words of text.
    pub words: usize,
    /// Code blocks in unknown languages.
    pub unknown_languages: Vec<UnknownLanguage>,
    /// Links and images left as written (other sites, `mailto:`), for
    /// `check`'s lints; they have no marker.
    pub external_links: Vec<LinkRef>,
    /// Links and images whose scheme the site does not allow (`javascript:`):
    /// errors for the loader to report; their address is left empty.
    pub refused_urls: Vec<RefusedUrl>,
}

/// What raw HTML in Markdown becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Kept, minus anything unsafe (scripts, event handlers, styles).
    #[default]
    Sanitize,
    /// Kept as written.
    Allow,
    /// Shown as text.
    Escape,
}

/// What the renderer needs to know.
pub struct MarkdownOptions<'a> {
    /// The site's language (typography, footnote labels).
    pub lang: Language,
    /// What raw HTML becomes.
    pub raw_html: RawHtml,
    /// Syntax highlighting.
    pub highlighter: &'a Highlighter,
    /// Prefix of footnote ids, so notes of several texts on a page differ.
    pub id_prefix: &'a str,
    /// The URL schemes links, images and sanitized raw HTML may use.
    pub urls: &'a UrlPolicy,
}

fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Where rendered Markdown is kept between builds, by the key of what it
/// was rendered from ([`render_key`]): the build cache's article bodies
/// (`pipeline`'s), which this layer only calls.
pub trait RenderCache: Sync {
    /// The text rendered under `key`, when the cache holds it sound.
    fn get(&self, key: u128) -> Option<Rendered>;
    /// Keeps `rendered` under `key`.
    fn put(&self, key: u128, rendered: &Rendered);
}

/// The key of `render(text, offsets, opts)`: a hash of the text, of where
/// it is in its file, and of every option that changes the result. (The
/// code that renders is the cache's to tell apart.)
pub fn render_key(text: &str, offsets: &OffsetMap, opts: &MarkdownOptions) -> u128 {
    let mut h = crate::digest::Digest::new();
    let described = format!(
        "markdown 1 {} {:?} {:?} {:?} {:?}",
        opts.lang.code(),
        opts.raw_html,
        opts.id_prefix,
        opts.urls,
        offsets
    );
    h.write_str(&described);
    h.write(text.as_bytes());
    h.finish()
}

/// [`render`], taken from `cache` when it holds the same text rendered
/// with the same options, and kept there when it is rendered.
pub fn render_through(
    text: &str,
    offsets: &OffsetMap,
    opts: &MarkdownOptions,
    cache: Option<&dyn RenderCache>,
) -> Rendered {
    let Some(cache) = cache else {
        return render(text, offsets, opts);
    };
    let key = render_key(text, offsets, opts);
    if let Some(found) = cache.get(key) {
        return found;
    }
    let rendered = render(text, offsets, opts);
    cache.put(key, &rendered);
    rendered
}

/// Renders a Markdown text (an article body or a block of a front-matter value).
pub fn render(text: &str, offsets: &OffsetMap, opts: &MarkdownOptions) -> Rendered {
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(text, parser_options())
        .into_offset_iter()
        .collect();
    let mut state = State::new(text, offsets, opts);
    let mut main = Vec::with_capacity(events.len());
    state.transform(events, &mut main, true);
    let mut body = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut body, main.into_iter());
    state.push_footnotes(&mut body);
    if state.has_raw_html && opts.raw_html == RawHtml::Sanitize {
        body = crate::content::sanitize::clean(&body, opts.urls);
    }
    state.out.html = HtmlWithLinkMarkers::new(body);
    state.out
}

/// Renders inline Markdown (a title-like value): the HTML without the
/// paragraph around it.
pub fn render_inline(text: &str, offsets: &OffsetMap, opts: &MarkdownOptions) -> Rendered {
    let mut rendered = render(text, offsets, opts);
    let trimmed = rendered.html.as_str().trim_end();
    if let Some(inner) = trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
        && !inner.contains("<p>")
    {
        rendered.html = HtmlWithLinkMarkers::new(inner.to_string());
    }
    rendered
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(h: &Highlighter) -> MarkdownOptions<'_> {
        MarkdownOptions {
            lang: Language::Fr,
            raw_html: RawHtml::Sanitize,
            highlighter: h,
            id_prefix: "",
            urls: &crate::url_schemes::BUILT_IN_POLICY,
        }
    }

    #[test]
    fn heading_ids_fold_accents_and_stay_unique() {
        let h = Highlighter::new();
        let r = render(
            "## Les chiffres clés\n\n## Les chiffres clés\n",
            &OffsetMap::contiguous(0),
            &opts(&h),
        );
        assert_eq!(
            r.html.as_str(),
            "<h2 id=\"les-chiffres-cles\">Les chiffres clés</h2>\n<h2 id=\"les-chiffres-cles-1\">Les chiffres clés</h2>\n"
        );
    }

    #[test]
    fn footnotes_have_back_links() {
        let h = Highlighter::new();
        let r = render(
            "Texte[^a].\n\n[^a]: La note.\n",
            &OffsetMap::contiguous(0),
            &opts(&h),
        );
        assert!(r.html.as_str().contains("<sup class=\"footnote-ref\"><a href=\"#note-a\" id=\"appel-a\" aria-label=\"Note 1\">1</a></sup>"), "{}", r.html.as_str());
        assert!(
            r.html.as_str().contains(
                "<li id=\"note-a\"><p>La note. <a href=\"#appel-a\" class=\"footnote-back\""
            ),
            "{}",
            r.html.as_str()
        );
    }

    #[test]
    fn raw_html_is_sanitized() {
        let h = Highlighter::new();
        let r = render(
            "<script>alert(1)</script>\n\nTexte <b onclick=\"x()\">gras</b>\n",
            &OffsetMap::contiguous(0),
            &opts(&h),
        );
        assert!(!r.html.as_str().contains("script"), "{}", r.html.as_str());
        assert!(!r.html.as_str().contains("onclick"), "{}", r.html.as_str());
        assert!(
            r.html.as_str().contains("<b>gras</b>"),
            "{}",
            r.html.as_str()
        );
    }

    #[test]
    fn links_become_markers_and_resolve() {
        let h = Highlighter::new();
        let r = render(
            "Voir [le bilan](../bilan.md#chiffres) et [ailleurs](https://example.org).\n",
            &OffsetMap::contiguous(10),
            &opts(&h),
        );
        assert_eq!(r.links.len(), 1);
        assert_eq!(r.links[0].dest, "../bilan.md#chiffres");
        assert_eq!(r.links[0].span.start, 15);
        let html = r
            .html
            .resolve_fragment(|_| "/rapports/bilan/#chiffres".to_string());
        assert!(
            html.contains("<a href=\"/rapports/bilan/#chiffres\">le bilan</a>"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"https://example.org\">ailleurs</a>"),
            "{html}"
        );
    }

    #[test]
    fn the_first_paragraph_text_keeps_code_as_written() {
        let h = Highlighter::new();
        let r = render(
            "Écrivez `\"oui\"` : \"non\".\n",
            &OffsetMap::contiguous(0),
            &opts(&h),
        );
        assert_eq!(
            r.first_paragraph_text.as_deref(),
            Some("Écrivez \"oui\"\u{a0}: «\u{a0}non\u{a0}».")
        );
    }

    #[test]
    fn code_is_highlighted_and_not_typeset() {
        let h = Highlighter::new();
        let r = render(
            "```yaml\ntitle: \"Bonjour !\"\n```\n\nIl dit : \"oui\"\n",
            &OffsetMap::contiguous(0),
            &opts(&h),
        );
        assert!(
            r.html
                .as_str()
                .contains("<pre class=\"code\" data-lang=\"yaml\"><code>"),
            "{}",
            r.html.as_str()
        );
        let (code, text) = r.html.as_str().split_once("</pre>").unwrap_or_default();
        assert!(
            !code.contains('«'),
            "typography must not touch code: {code}"
        );
        assert!(text.contains("Il dit\u{a0}: «\u{a0}oui\u{a0}»"), "{text}");
    }
}
