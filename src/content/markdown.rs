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
//! at once (`resolve_markers`), which also lets watch mode re-resolve links
//! without re-rendering. Blocks placed by shortcodes are markers too
//! (`U+E002 index U+E001`), filled in at render time with the theme's block
//! templates. The private-use characters are removed from the writer's text
//! on the way in, so a marker can only be one of ours.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html,
};
use serde::{Deserialize, Serialize};

use crate::content::highlight::Highlighter;
use crate::content::slug::slugify;
use crate::language::Language;
use crate::typography::Typographer;
use crate::url_schemes::{Refused, UrlPolicy};

/// Starts a marker.
pub const MARK_LINK: char = '\u{E000}';
/// Starts a block marker.
pub const MARK_BLOCK: char = '\u{E002}';
/// Ends a marker.
pub const MARK_END: char = '\u{E001}';

/// How a Markdown text maps back to the file: the text given to the parser
/// may be the body with shortcodes replaced, or a front-matter value.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// `(start in the rendered text, start in the file)`, sorted.
    pieces: Vec<(usize, usize)>,
    /// Every offset maps to this one (front-matter values).
    fixed: Option<usize>,
}

impl OffsetMap {
    /// Text that is a contiguous slice of the file starting at `start`.
    pub fn contiguous(start: usize) -> Self {
        OffsetMap {
            pieces: vec![(0, start)],
            fixed: None,
        }
    }

    /// Text whose every position is reported at one file offset.
    pub fn fixed(at: usize) -> Self {
        OffsetMap {
            pieces: Vec::new(),
            fixed: Some(at),
        }
    }

    /// Text assembled from pieces: `(start in text, start in file)`.
    pub fn pieces(pieces: Vec<(usize, usize)>) -> Self {
        OffsetMap {
            pieces,
            fixed: None,
        }
    }

    /// The file offset of a text offset.
    pub fn map(&self, offset: usize) -> usize {
        if let Some(at) = self.fixed {
            return at;
        }
        let i = self.pieces.partition_point(|(s, _)| *s <= offset);
        match i.checked_sub(1).and_then(|i| self.pieces.get(i)) {
            Some((text_start, file_start)) => file_start + (offset - text_start),
            None => offset,
        }
    }

    /// The file range of a text range.
    pub fn map_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.map(range.start);
        let end = if self.fixed.is_some() {
            start + 1
        } else {
            self.map(range.end)
        };
        start..end.max(start)
    }
}

/// What a [`LinkRef`] is: what its error messages call it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// A link (`[]()`).
    Link,
    /// An image (`![]()`, or a cover image).
    Image,
    /// A file listed under `downloads`.
    Download,
}

/// What a link or image points to, as written, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    /// The destination as written (`../rapports/bilan.md#chiffres`).
    pub dest: String,
    /// Byte range of the link in the file.
    pub span: Range<usize>,
    /// A link, an image, or a file to download.
    pub kind: LinkKind,
    /// The link's text, or the image's alt text, as plain text (for `check`).
    pub text: String,
}

/// A heading of the body, for anchors and tables of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// Its id (`les-chiffres`).
    pub id: String,
    /// Its text.
    pub text: String,
    /// Byte range in the file.
    pub span: Range<usize>,
}

/// A fenced code block whose language syntect does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLanguage {
    /// The language as written.
    pub language: String,
    /// Byte range of the block's first line in the file.
    pub span: Range<usize>,
}

/// An image, for accessibility lints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    /// Its alternative text.
    pub alt: String,
    /// Byte range in the file.
    pub span: Range<usize>,
}

/// Rendered Markdown, with markers where links and blocks go.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    /// The HTML, with markers.
    pub html: String,
    /// Links and images with relative or site addresses, by marker index.
    pub links: Vec<LinkRef>,
    /// Headings, in order.
    pub headings: Vec<Heading>,
    /// Images, in order.
    pub images: Vec<ImageRef>,
    /// The first paragraph as HTML (for listings when there is no summary).
    pub first_paragraph_html: Option<String>,
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

/// A link or image whose address the site's scheme allowlist refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedUrl {
    /// The scheme refused.
    pub refused: Refused,
    /// Byte range of the link in the file.
    pub span: Range<usize>,
    /// The link as written in the Markdown text (`[ici](javascript:…)`), to
    /// find it in a front-matter value, whose offsets all map to its key.
    pub written: String,
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

/// Removes characters the renderer uses as markers from a writer's text.
pub fn scrub_markers(text: &str) -> std::borrow::Cow<'_, str> {
    // The three markers are U+E000..U+E002, all encoded starting with the
    // byte 0xEE: a byte scan rules out almost every text at once.
    if text.as_bytes().contains(&0xEE) && text.contains([MARK_LINK, MARK_BLOCK, MARK_END]) {
        std::borrow::Cow::Owned(text.replace([MARK_LINK, MARK_BLOCK, MARK_END], "\u{FFFD}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Whether a link destination is resolved by Gazette (relative path, site
/// path or anchor) rather than left as written (another site, `mailto:`).
pub fn is_internal(dest: &str) -> bool {
    if dest.starts_with("//") {
        return false;
    }
    match dest.find(':') {
        Some(colon) => {
            let scheme = &dest[..colon];
            // `a/b:c` is a path; a scheme has no slash, `?` or `#` before the colon.
            scheme.contains(['/', '?', '#']) || scheme.is_empty()
        }
        None => true,
    }
}

/// Renders a Markdown text (an article body or a block of a front-matter value).
pub fn render(text: &str, offsets: &OffsetMap, opts: &MarkdownOptions) -> Rendered {
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(text, parser_options())
        .into_offset_iter()
        .collect();
    let mut state = State {
        opts,
        text,
        offsets,
        out: Rendered::default(),
        typo: Typographer::new(opts.lang),
        typeset: String::new(),
        ids: HashMap::new(),
        notes: Vec::new(),
        note_numbers: HashMap::new(),
        note_refs: HashMap::new(),
        has_raw_html: false,
    };
    let mut main = Vec::with_capacity(events.len());
    state.transform(events, &mut main, true);
    let mut body = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut body, main.into_iter());
    state.push_footnotes(&mut body);
    if state.has_raw_html && opts.raw_html == RawHtml::Sanitize {
        body = crate::content::sanitize::clean(&body, opts.urls);
    }
    state.out.html = body;
    state.out
}

/// Renders inline Markdown (a title-like value): the HTML without the
/// paragraph around it.
pub fn render_inline(text: &str, offsets: &OffsetMap, opts: &MarkdownOptions) -> Rendered {
    let mut rendered = render(text, offsets, opts);
    let trimmed = rendered.html.trim_end();
    if let Some(inner) = trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
        && !inner.contains("<p>")
    {
        rendered.html = inner.to_string();
    }
    rendered
}

struct State<'a, 'o> {
    opts: &'a MarkdownOptions<'o>,
    /// The Markdown text being rendered.
    text: &'a str,
    offsets: &'a OffsetMap,
    out: Rendered,
    typo: Typographer,
    /// The typeset text of the current text event, reused from one event to
    /// the next.
    typeset: String,
    ids: HashMap<String, usize>,
    /// Footnote definitions: label and rendered events.
    notes: Vec<(String, Vec<Event<'static>>)>,
    /// Footnote number by label, in order of first reference.
    note_numbers: HashMap<String, usize>,
    /// How many times each note was referenced.
    note_refs: HashMap<String, usize>,
    has_raw_html: bool,
}

impl<'o> State<'_, 'o> {
    fn transform<'e>(
        &mut self,
        events: Vec<(Event<'e>, Range<usize>)>,
        out: &mut Vec<Event<'e>>,
        top: bool,
    ) {
        let mut i = 0;
        let mut depth = 0usize;
        let mut first_paragraph_seen = !top;
        let mut first_paragraph_at: Option<usize> = None;
        while i < events.len() {
            let (event, range) = &events[i];
            match event {
                Event::Start(Tag::Paragraph) => {
                    // A block marker alone in its paragraph becomes the block.
                    if let (Some((Event::Text(t), _)), Some((Event::End(TagEnd::Paragraph), _))) =
                        (events.get(i + 1), events.get(i + 2))
                        && is_block_marker(t)
                    {
                        out.push(Event::Html(CowStr::from(format!("{}\n", t.trim()))));
                        i += 3;
                        continue;
                    }
                    if depth == 0 && !first_paragraph_seen {
                        // Its events are taken from `out` once transformed
                        // (see `End(Paragraph)`): one pass, the body's own
                        // link indices.
                        first_paragraph_seen = true;
                        first_paragraph_at = Some(out.len() + 1);
                    }
                    depth += 1;
                    out.push(event.clone());
                }
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }) => {
                    let end = find_end(&events, i);
                    let inner: Vec<(Event<'e>, Range<usize>)> =
                        events[i + 1..end.saturating_sub(1)].to_vec();
                    let text = plain_text(&inner);
                    // An id the writer gave is kept; a made one takes the
                    // text's prefix (`encadre-`…), so a heading inside a
                    // block cannot take the id of one of the body's.
                    let base = match id {
                        Some(id) if !id.is_empty() => id.to_string(),
                        _ => {
                            let s = slugify(&text);
                            let s = if s.is_empty() {
                                "section".to_string()
                            } else {
                                s
                            };
                            format!("{}{s}", self.opts.id_prefix)
                        }
                    };
                    let unique = self.unique_id(base);
                    let lvl = heading_level(*level);
                    self.out.headings.push(Heading {
                        level: lvl,
                        id: unique.clone(),
                        text: crate::typography::typeset(self.opts.lang, text.trim()),
                        span: self.offsets.map_range(range.clone()),
                    });
                    out.push(Event::Start(Tag::Heading {
                        level: *level,
                        id: Some(CowStr::from(unique)),
                        classes: classes.clone(),
                        attrs: attrs.clone(),
                    }));
                    self.transform(inner, out, false);
                    self.typo.end_block();
                    out.push(Event::End(TagEnd::Heading(*level)));
                    i = end;
                    continue;
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    let end = find_end(&events, i);
                    let mut code = String::new();
                    for (e, _) in &events[i + 1..end.saturating_sub(1)] {
                        if let Event::Text(t) = e {
                            code.push_str(t);
                        }
                    }
                    let language = match kind {
                        CodeBlockKind::Fenced(info) => info
                            .split([' ', ',', '{'])
                            .next()
                            .unwrap_or("")
                            .trim()
                            .to_string(),
                        CodeBlockKind::Indented => String::new(),
                    };
                    out.push(Event::Html(CowStr::from(
                        self.code_block(&code, &language, range),
                    )));
                    i = end;
                    continue;
                }
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    let end = find_end(&events, i);
                    let inner = events[i + 1..end.saturating_sub(1)].to_vec();
                    let mut note = Vec::new();
                    self.transform(inner, &mut note, false);
                    self.typo.end_block();
                    let note: Vec<Event<'static>> =
                        note.into_iter().map(Event::into_static).collect();
                    self.notes.push((label.to_string(), note));
                    i = end;
                    continue;
                }
                Event::FootnoteReference(label) => {
                    let label = label.to_string();
                    let next = self.note_numbers.len() + 1;
                    let number = *self.note_numbers.entry(label.clone()).or_insert(next);
                    let count = {
                        let c = self.note_refs.entry(label.clone()).or_insert(0);
                        *c += 1;
                        *c
                    };
                    let slug = self.note_slug(&label);
                    let ref_id = if count == 1 {
                        format!("{}appel-{slug}", self.opts.id_prefix)
                    } else {
                        format!("{}appel-{slug}-{count}", self.opts.id_prefix)
                    };
                    let label_text = self.opts.lang.pick("Note", "Note");
                    out.push(Event::InlineHtml(CowStr::from(format!(
                        "<sup class=\"footnote-ref\"><a href=\"#{}note-{slug}\" id=\"{ref_id}\" aria-label=\"{label_text} {number}\">{number}</a></sup>",
                        self.opts.id_prefix
                    ))));
                    self.typo.opaque();
                }
                Event::Start(Tag::Link {
                    dest_url, title, ..
                }) => {
                    let end = find_end(&events, i);
                    let text = plain_text(&events[i + 1..end.saturating_sub(1)]);
                    let href = self.address(dest_url, range, false, text);
                    let title_attr = if title.is_empty() {
                        String::new()
                    } else {
                        format!(" title=\"{}\"", escape_attr(title))
                    };
                    out.push(Event::InlineHtml(CowStr::from(format!(
                        "<a href=\"{href}\"{title_attr}>"
                    ))));
                }
                Event::End(TagEnd::Link) => out.push(Event::InlineHtml(CowStr::from("</a>"))),
                Event::Start(Tag::Image {
                    dest_url, title, ..
                }) => {
                    let end = find_end(&events, i);
                    let alt = plain_text(&events[i + 1..end.saturating_sub(1)]);
                    let src = self.address(dest_url, range, true, alt.clone());
                    self.out.images.push(ImageRef {
                        alt: alt.clone(),
                        span: self.offsets.map_range(range.clone()),
                    });
                    let title_attr = if title.is_empty() {
                        String::new()
                    } else {
                        format!(" title=\"{}\"", escape_attr(title))
                    };
                    out.push(Event::InlineHtml(CowStr::from(format!(
                        "<img src=\"{src}\" alt=\"{}\"{title_attr} loading=\"lazy\">",
                        escape_attr(&alt)
                    ))));
                    self.typo.opaque();
                    i = end;
                    continue;
                }
                Event::Start(Tag::Table(_)) => {
                    out.push(Event::Html(CowStr::from("<div class=\"table-wrap\">")));
                    out.push(event.clone());
                }
                Event::End(TagEnd::Table) => {
                    out.push(event.clone());
                    out.push(Event::Html(CowStr::from("</div>\n")));
                }
                Event::Text(t) => {
                    self.out.words += count_words(t);
                    self.typeset.clear();
                    self.typo.run_into(t, &mut self.typeset);
                    if self.typeset == **t {
                        // Nothing to change: the event keeps its text.
                        out.push(event.clone());
                    } else {
                        out.push(Event::Text(CowStr::from(self.typeset.clone())));
                    }
                }
                Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                    self.typo.opaque();
                    out.push(event.clone());
                }
                Event::SoftBreak => {
                    self.typeset.clear();
                    self.typo.run_into(" ", &mut self.typeset);
                    out.push(event.clone());
                }
                Event::TaskListMarker(checked) => {
                    let (label, attr) = if *checked {
                        (self.opts.lang.pick("fait", "done"), " checked")
                    } else {
                        (self.opts.lang.pick("à faire", "to do"), "")
                    };
                    out.push(Event::InlineHtml(CowStr::from(format!(
                        "<input type=\"checkbox\" disabled{attr} aria-label=\"{label}\"> "
                    ))));
                }
                Event::HardBreak => {
                    self.typo.opaque();
                    out.push(event.clone());
                }
                Event::Html(h) | Event::InlineHtml(h) => match self.opts.raw_html {
                    RawHtml::Escape => out.push(Event::Text(h.clone())),
                    RawHtml::Allow | RawHtml::Sanitize => {
                        self.has_raw_html = true;
                        out.push(event.clone());
                    }
                },
                Event::End(TagEnd::Paragraph) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0
                        && let Some(at) = first_paragraph_at.take()
                    {
                        self.keep_first_paragraph(out.get(at..).unwrap_or(&[]));
                    }
                    self.typo.end_block();
                    out.push(event.clone());
                }
                Event::End(
                    TagEnd::Item | TagEnd::TableCell | TagEnd::BlockQuote(_) | TagEnd::Heading(_),
                ) => {
                    self.typo.end_block();
                    out.push(event.clone());
                }
                _ => out.push(event.clone()),
            }
            i += 1;
        }
    }

    /// Keeps the first paragraph, from its transformed events, as HTML for
    /// listings (without footnote calls) and as text for meta descriptions
    /// (typography in the words, never inside inline code).
    fn keep_first_paragraph(&mut self, events: &[Event]) {
        let mut text = String::new();
        for e in events {
            match e {
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                _ => {}
            }
        }
        if text.trim().is_empty() {
            return;
        }
        let mut html_text = String::new();
        html::push_html(
            &mut html_text,
            events
                .iter()
                .filter(|e| {
                    !matches!(e, Event::InlineHtml(h) if h.starts_with("<sup class=\"footnote-ref\""))
                })
                .cloned(),
        );
        // Raw HTML met so far (this paragraph included) makes it sanitized.
        if self.has_raw_html && self.opts.raw_html == RawHtml::Sanitize {
            html_text = crate::content::sanitize::clean(&html_text, self.opts.urls);
        }
        if !html_text.contains(MARK_BLOCK) {
            self.out.first_paragraph_html = Some(html_text);
            self.out.first_paragraph_text = Some(text.trim().to_string());
        }
    }

    fn unique_id(&mut self, base: String) -> String {
        let count = self.ids.entry(base.clone()).or_insert(0);
        *count += 1;
        if *count == 1 {
            base
        } else {
            format!("{base}-{}", *count - 1)
        }
    }

    fn note_slug(&self, label: &str) -> String {
        let s = slugify(label);
        if s.is_empty() { "n".to_string() } else { s }
    }

    /// The address to write for a link or image: as written for other
    /// sites, a marker for what assembly resolves, nothing for a scheme the
    /// site does not allow (recorded in `refused_urls`).
    fn address(&mut self, dest: &str, range: &Range<usize>, image: bool, text: String) -> String {
        if let Err(refused) = self.opts.urls.check(dest) {
            self.out.refused_urls.push(RefusedUrl {
                refused,
                span: self.offsets.map_range(range.clone()),
                written: self.text.get(range.clone()).unwrap_or_default().to_string(),
            });
            return String::new();
        }
        let dest = dest.trim();
        let link = LinkRef {
            dest: dest.to_string(),
            span: self.offsets.map_range(range.clone()),
            kind: if image {
                LinkKind::Image
            } else {
                LinkKind::Link
            },
            text,
        };
        if !is_internal(dest) || dest.is_empty() {
            self.out.external_links.push(link);
            return escape_attr(dest);
        }
        let index = self.out.links.len();
        self.out.links.push(link);
        format!("{MARK_LINK}{index}{MARK_END}")
    }

    fn code_block(&mut self, code: &str, language: &str, range: &Range<usize>) -> String {
        if !language.is_empty() {
            if let Some(html) = self.opts.highlighter.highlight(code, language) {
                return format!(
                    "<pre class=\"code\" data-lang=\"{}\"><code>{html}</code></pre>\n",
                    escape_attr(language)
                );
            }
            let start = self.offsets.map(range.start);
            self.out.unknown_languages.push(UnknownLanguage {
                language: language.to_string(),
                span: start..start + 3,
            });
        }
        let escaped = escape_attr(code);
        if language.is_empty() {
            format!("<pre class=\"code\"><code>{escaped}</code></pre>\n")
        } else {
            format!(
                "<pre class=\"code\" data-lang=\"{}\"><code>{escaped}</code></pre>\n",
                escape_attr(language)
            )
        }
    }

    fn push_footnotes(&mut self, body: &mut String) {
        if self.note_numbers.is_empty() {
            return;
        }
        let mut notes: Vec<(usize, String, Vec<Event<'static>>)> = std::mem::take(&mut self.notes)
            .into_iter()
            .filter_map(|(label, events)| {
                self.note_numbers.get(&label).map(|n| (*n, label, events))
            })
            .collect();
        notes.sort_by_key(|(n, _, _)| *n);
        let lang = self.opts.lang;
        let prefix = self.opts.id_prefix;
        body.push_str(&format!(
            "<section class=\"footnotes\" aria-labelledby=\"{prefix}notes\">\n<h2 id=\"{prefix}notes\">{}</h2>\n<ol>\n",
            lang.pick("Notes", "Notes")
        ));
        for (number, label, events) in notes {
            let slug = self.note_slug(&label);
            let mut content = String::new();
            html::push_html(&mut content, events.into_iter());
            let refs = self.note_refs.get(&label).copied().unwrap_or(1);
            let mut back = String::new();
            for k in 1..=refs {
                let target = if k == 1 {
                    format!("{prefix}appel-{slug}")
                } else {
                    format!("{prefix}appel-{slug}-{k}")
                };
                back.push_str(&format!(
                    " <a href=\"#{target}\" class=\"footnote-back\" aria-label=\"{}\">↩</a>",
                    lang.pick(
                        format!("Retour au texte, appel de note {number}"),
                        format!("Back to the text, note reference {number}"),
                    )
                ));
            }
            let content = content.trim_end();
            let content = match content.strip_suffix("</p>") {
                Some(head) => format!("{head}{back}</p>"),
                None => format!("{content}{back}"),
            };
            body.push_str(&format!("<li id=\"{prefix}note-{slug}\">{content}</li>\n"));
        }
        body.push_str("</ol>\n</section>\n");
    }
}

fn is_block_marker(text: &str) -> bool {
    let t = text.trim();
    t.starts_with(MARK_BLOCK)
        && t.ends_with(MARK_END)
        && t[MARK_BLOCK.len_utf8()..t.len() - MARK_END.len_utf8()]
            .chars()
            .all(|c| c.is_ascii_digit())
}

/// Index one past the `End` matching the `Start` at `start`.
fn find_end(events: &[(Event, Range<usize>)], start: usize) -> usize {
    let mut depth = 0usize;
    for (k, (e, _)) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return k + 1;
                }
            }
            _ => {}
        }
    }
    events.len()
}

fn plain_text(events: &[(Event, Range<usize>)]) -> String {
    let mut s = String::new();
    for (e, _) in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Escapes text for an attribute value.
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// Replaces link markers in `html` with the addresses `resolve` gives for
/// each link index.
pub fn resolve_markers(html: &str, mut resolve: impl FnMut(usize) -> String) -> String {
    if find_marker(html, MARK_LINK).is_none() {
        return html.to_string();
    }
    // The pieces first, then one allocation of the exact size: addresses are
    // longer than their markers, and a string grown by doubling would hold
    // (and touch) up to twice the page's bytes for the whole build.
    let mut pieces: Vec<std::borrow::Cow<'_, str>> = Vec::new();
    let mut rest = html;
    while let Some(start) = find_marker(rest, MARK_LINK) {
        pieces.push(rest[..start].into());
        let after = &rest[start + MARK_LINK.len_utf8()..];
        match find_marker(after, MARK_END) {
            Some(end) => {
                match after[..end].parse::<usize>() {
                    Ok(index) => {
                        let address = resolve(index);
                        if address.contains(['&', '"', '<', '>']) {
                            pieces.push(escape_attr(&address).into());
                        } else {
                            pieces.push(address.into());
                        }
                    }
                    Err(_) => pieces.push(after[..end].into()),
                }
                rest = &after[end + MARK_END.len_utf8()..];
            }
            None => {
                rest = after;
            }
        }
    }
    pieces.push(rest.into());
    let mut out = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for piece in &pieces {
        out.push_str(piece);
    }
    out
}

/// Where `marker` (one of the marker characters) first occurs in `text`.
/// A substring search keyed on the markers' rare first byte (0xEE):
/// `str::find` with a `char` looks for its last byte, which `’`, `…` and
/// the narrow no-break spaces of French typography share.
pub fn find_marker(text: &str, marker: char) -> Option<usize> {
    let mut buf = [0u8; 4];
    memchr::memmem::find(text.as_bytes(), marker.encode_utf8(&mut buf).as_bytes())
}

/// The number of words of `text`, as `split_whitespace().count()` counts
/// them, but reading bytes without a branch per byte: a word starts at a
/// byte that is not white space after one that is. Continuation bytes always
/// follow a character that is not white space (a white space character is
/// stepped over whole), so they never start a word. Only characters whose
/// lead byte may start a Unicode space (U+0085, U+00A0, U+1680,
/// U+2000…U+3000) are decoded.
fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    // Most runs hold no lead byte of a possible Unicode space: then a word
    // starts at a byte that is not ASCII white space after one that is, a
    // count of independent pairs, which the compiler vectorises.
    let may_decode = bytes.iter().fold(false, |acc, &b| {
        acc | matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)
    });
    if !may_decode {
        let ascii_space = |b: u8| b == b' ' || b.wrapping_sub(b'\t') < 5;
        let first = bytes.first().map_or(0, |&b| usize::from(!ascii_space(b)));
        return first
            + bytes
                .iter()
                .zip(bytes.iter().skip(1))
                .map(|(&a, &b)| usize::from(ascii_space(a) & !ascii_space(b)))
                .sum::<usize>();
    }
    let mut words = 0;
    let mut prev_space = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match WORD_BYTE[usize::from(b)] {
            WordByte::Decode => {
                let c = text.get(i..).and_then(|s| s.chars().next()).unwrap_or('x');
                let space = c.is_whitespace();
                words += usize::from(prev_space && !space);
                prev_space = space;
                i += c.len_utf8();
            }
            class => {
                let space = class == WordByte::Space;
                words += usize::from(prev_space & !space);
                prev_space = space;
                i += 1;
            }
        }
    }
    words
}

/// What a byte tells [`count_words`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum WordByte {
    /// ASCII white space.
    Space,
    /// Any other ASCII character, lead or continuation byte.
    Other,
    /// The lead byte of a character that may be white space.
    Decode,
}

/// [`WordByte`] of every byte.
static WORD_BYTE: [WordByte; 256] = {
    let mut table = [WordByte::Other; 256];
    let mut b = 0;
    while b < table.len() {
        table[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => WordByte::Space,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => WordByte::Decode,
            _ => WordByte::Other,
        };
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {

    #[test]
    fn markers_are_found_among_typographic_characters() {
        let text = format!(
            "l’été\u{202f}; «\u{a0}x\u{a0}» … {MARK_LINK}3{MARK_END} fin {MARK_BLOCK}0{MARK_END}"
        );
        let link = find_marker(&text, MARK_LINK).expect("link marker");
        assert!(text[link..].starts_with(MARK_LINK));
        assert_eq!(text[..link].chars().filter(|&c| c == MARK_LINK).count(), 0);
        let block = find_marker(&text, MARK_BLOCK).expect("block marker");
        assert!(text[block..].starts_with(MARK_BLOCK));
        assert_eq!(find_marker("l’été\u{202f}: …", MARK_END), None);
        assert_eq!(
            resolve_markers(&text, |i| format!("/lien-{i}/")),
            format!("l’été\u{202f}; «\u{a0}x\u{a0}» … /lien-3/ fin {MARK_BLOCK}0{MARK_END}")
        );
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        let spaces = [
            " ", "\t", "\n", "\r\n", "\u{b}", "\u{c}", "\u{85}", "\u{a0}", "\u{1680}", "\u{2003}",
            "\u{2028}", "\u{202f}", "\u{205f}", "\u{3000}",
        ];
        let words = [
            "mot", "élan", "€", "x", "ǅ", "日本", "🙂", "\u{2010}", "\u{200b}",
        ];
        let mut seed = 7u32;
        let mut pick = |n: usize| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) as usize % n
        };
        for _ in 0..2_000 {
            let mut text = String::new();
            for _ in 0..pick(8) {
                if pick(2) == 0 {
                    text.push_str(spaces[pick(spaces.len())]);
                } else {
                    text.push_str(words[pick(words.len())]);
                }
            }
            assert_eq!(
                count_words(&text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
    }
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
            r.html,
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
        assert!(r.html.contains("<sup class=\"footnote-ref\"><a href=\"#note-a\" id=\"appel-a\" aria-label=\"Note 1\">1</a></sup>"), "{}", r.html);
        assert!(
            r.html.contains(
                "<li id=\"note-a\"><p>La note. <a href=\"#appel-a\" class=\"footnote-back\""
            ),
            "{}",
            r.html
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
        assert!(!r.html.contains("script"), "{}", r.html);
        assert!(!r.html.contains("onclick"), "{}", r.html);
        assert!(r.html.contains("<b>gras</b>"), "{}", r.html);
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
        let html = resolve_markers(&r.html, |_| "/rapports/bilan/#chiffres".to_string());
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
                .contains("<pre class=\"code\" data-lang=\"yaml\"><code>"),
            "{}",
            r.html
        );
        let (code, text) = r.html.split_once("</pre>").unwrap_or_default();
        assert!(
            !code.contains('«'),
            "typography must not touch code: {code}"
        );
        assert!(text.contains("Il dit\u{a0}: «\u{a0}oui\u{a0}»"), "{text}");
    }
}
