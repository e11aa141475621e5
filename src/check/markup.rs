//! A second, lint-only reading of a Markdown text, for what the renderer
//! does not record: raw HTML (`<img>`, `<table>`) and GFM tables.
//!
//! The renderer sits on the hot path of every build and keeps only what the
//! build needs; `check` is allowed to be slower, so it parses the Markdown
//! once more here rather than making every build pay for lints. Raw HTML
//! may be split over several pulldown-cmark events (a table with blank
//! lines in it), so the HTML pieces are joined first and read as one text.
//! Hence two passes: the Markdown one (`read_events`) finds the GFM tables
//! and gathers the raw HTML, the HTML one (`read_raw_html`) reads the tags.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::check::html;
use crate::content::markdown::OffsetMap;

/// What the lints look at, with byte ranges in the file.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Markup {
    /// Raw `<img>` tags.
    pub raw_images: Vec<RawImage>,
    /// Tables with no header cell: GFM tables whose header row is empty,
    /// raw HTML tables without `<th>`.
    pub headless_tables: Vec<Range<usize>>,
}

/// A raw HTML `<img>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawImage {
    /// The `alt` attribute, `None` when absent.
    pub alt: Option<String>,
    /// Marked decorative (`role="presentation"` or `"none"`,
    /// `aria-hidden="true"`).
    pub decorative: bool,
    /// The tag's start in the file.
    pub span: Range<usize>,
}

/// Reads `text` (mapped to the file by `offsets`). `raw_html` is false when
/// the site escapes raw HTML (`markdown.raw_html: escape`): it is then text.
pub fn read(text: &str, offsets: &OffsetMap, raw_html: bool) -> Markup {
    let mut markup = Markup::default();
    let raw = read_events(text, offsets, raw_html, &mut markup);
    if !raw.joined.is_empty() {
        read_raw_html(&raw, offsets, &mut markup);
    }
    markup
}

/// The raw HTML of a text, its pieces joined into one text.
#[derive(Default)]
struct RawHtml {
    /// The pieces, one after the other.
    joined: String,
    /// Where each piece starts: (in `joined`, in the Markdown text).
    pieces: Vec<(usize, usize)>,
}

impl RawHtml {
    /// The file offset of byte `at` of `joined`.
    fn to_file(&self, at: usize, offsets: &OffsetMap) -> usize {
        let i = self.pieces.partition_point(|(s, _)| *s <= at);
        let (joined_start, text_start) = self.pieces[i.saturating_sub(1)];
        offsets.map(text_start + (at - joined_start))
    }
}

/// The Markdown pass: records the GFM tables with an empty header row in
/// `markup`, and returns the raw HTML (none when `raw_html` is false).
fn read_events(text: &str, offsets: &OffsetMap, raw_html: bool, markup: &mut Markup) -> RawHtml {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut raw = RawHtml::default();
    let mut table_start: Option<usize> = None;
    let mut in_head = false;
    let mut head_has_content = false;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Table(_)) => table_start = Some(range.start),
            Event::Start(Tag::TableHead) => {
                in_head = true;
                head_has_content = false;
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                if !head_has_content && let Some(start) = table_start {
                    let line_end = text[start..]
                        .find('\n')
                        .map(|i| start + i)
                        .unwrap_or(text.len());
                    markup
                        .headless_tables
                        .push(offsets.map_range(start..line_end.max(start + 1)));
                }
            }
            Event::Text(t) | Event::Code(t) if in_head => {
                head_has_content |= !t.trim().is_empty();
            }
            Event::Start(Tag::Image { .. }) if in_head => head_has_content = true,
            Event::Html(h) | Event::InlineHtml(h) => {
                head_has_content |= in_head;
                if raw_html {
                    raw.pieces.push((raw.joined.len(), range.start));
                    raw.joined.push_str(&h);
                }
            }
            _ => {}
        }
    }
    raw
}

/// The HTML pass: records the raw `<img>` tags and the `<table>`s without a
/// `<th>` in `markup`.
fn read_raw_html(raw: &RawHtml, offsets: &OffsetMap, markup: &mut Markup) {
    let joined = &raw.joined;
    let tags = html::start_tags(joined);
    for (k, tag) in tags.iter().enumerate() {
        match tag.name.as_str() {
            "img" => {
                let decorative = tag.attr("role").is_some_and(|r| {
                    r.eq_ignore_ascii_case("presentation") || r.eq_ignore_ascii_case("none")
                }) || tag.attr("aria-hidden") == Some("true");
                let start = raw.to_file(tag.span.start, offsets);
                markup.raw_images.push(RawImage {
                    alt: tag.attr("alt").map(str::to_string),
                    decorative,
                    span: start..start + 4,
                });
            }
            "table" => {
                let closes = joined[tag.span.end..]
                    .to_ascii_lowercase()
                    .find("</table")
                    .map(|i| tag.span.end + i)
                    .unwrap_or(joined.len());
                let has_th = tags[k + 1..]
                    .iter()
                    .take_while(|t| t.span.start < closes)
                    .any(|t| t.name == "th");
                if !has_th {
                    let start = raw.to_file(tag.span.start, offsets);
                    markup.headless_tables.push(start..start + 6);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_raw_images_and_headless_tables() {
        let text = "Texte <img src=\"a.png\"> et <img src=b.png alt=\"\" role=presentation>.\n\n\
                    | | |\n|---|---|\n| a | b |\n\n\
                    | A | B |\n|---|---|\n| a | b |\n\n\
                    <table>\n<tr><td>x</td></tr>\n\n</table>\n\n\
                    <table><tr><th>ok</th></tr></table>\n";
        let m = read(text, &OffsetMap::contiguous(100), true);
        assert_eq!(m.raw_images.len(), 2);
        assert_eq!(m.raw_images[0].alt, None);
        assert_eq!(
            m.raw_images[0].span.start,
            100 + text.find("<img").unwrap_or(0)
        );
        assert!(m.raw_images[1].decorative);
        let gfm = 100 + text.find("| | |").unwrap_or(0);
        let raw = 100 + text.find("<table>").unwrap_or(0);
        let starts: Vec<usize> = m.headless_tables.iter().map(|r| r.start).collect();
        assert_eq!(starts, [gfm, raw]);
    }

    #[test]
    fn escaped_html_is_text() {
        let m = read("<img src=a.png>\n", &OffsetMap::contiguous(0), false);
        assert!(m.raw_images.is_empty());
    }
}
