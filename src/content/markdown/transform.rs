//! The one walk over pulldown-cmark's events: each event is passed on, or
//! changed into what a newsroom needs, while what the site needs from the
//! text (headings, links, images, words, the first paragraph) is noted in
//! `Rendered` on the way.
//!
//! `State` is the walk's memory for one text: ids given, footnotes met,
//! whether raw HTML was seen, and the typographer, whose context (open
//! quotes, the character before) runs across events and is reset at the end
//! of each block. [`State::step`] dispatches one event; an element whose
//! events are read as a whole (a heading, a code block, a footnote, an
//! image) is handled by its module (`headings`, `code`, `footnotes`,
//! `links`), which returns the index past it. What is left here is the
//! events read one at a time: paragraphs (a block marker alone in one, the
//! first paragraph), text and its typography, raw HTML, tables and task
//! lists.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd, html};

use super::markers::{HtmlWithLinkMarkers, MARK_BLOCK, is_block_marker};
use super::words::count_words;
use super::{MarkdownOptions, OffsetMap, RawHtml, Rendered};
use crate::messages::t;
use crate::typography::Typographer;

/// Pulldown-cmark's events with their ranges in the parsed text.
pub(super) type Events<'e> = [(Event<'e>, Range<usize>)];

/// The walk's memory for one text.
pub(super) struct State<'a, 'o> {
    pub opts: &'a MarkdownOptions<'o>,
    /// The Markdown text being rendered.
    pub text: &'a str,
    pub offsets: &'a OffsetMap,
    pub out: Rendered,
    pub typo: Typographer,
    /// The typeset text of the current text event, reused from one event to
    /// the next.
    pub typeset: String,
    /// How many times each heading id was given.
    pub ids: HashMap<String, usize>,
    /// Footnote definitions: label and rendered events.
    pub notes: Vec<(String, Vec<Event<'static>>)>,
    /// Footnote number by label, in order of first reference.
    pub note_numbers: HashMap<String, usize>,
    /// How many times each note was referenced.
    pub note_refs: HashMap<String, usize>,
    pub has_raw_html: bool,
}

/// Where one sequence of events is (the body, or a heading's or a note's
/// inside): the paragraph depth, and the first top-level paragraph.
struct Walk {
    depth: usize,
    first_paragraph_seen: bool,
    /// Where the first paragraph's transformed events start in `out`.
    first_paragraph_at: Option<usize>,
}

impl<'a, 'o> State<'a, 'o> {
    /// A walk over `text` that has met nothing yet.
    pub fn new(text: &'a str, offsets: &'a OffsetMap, opts: &'a MarkdownOptions<'o>) -> Self {
        State {
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
        }
    }

    /// Transforms `events` into `out`; `top` for the text's own events (the
    /// first paragraph is only looked for there).
    pub fn transform<'e>(
        &mut self,
        events: Vec<(Event<'e>, Range<usize>)>,
        out: &mut Vec<Event<'e>>,
        top: bool,
    ) {
        let mut walk = Walk {
            depth: 0,
            first_paragraph_seen: !top,
            first_paragraph_at: None,
        };
        let mut i = 0;
        while i < events.len() {
            i = self.step(&events, i, out, &mut walk);
        }
    }

    /// Transforms the event at `i` (and those it owns); the index of the
    /// next one to read.
    fn step<'e>(
        &mut self,
        events: &Events<'e>,
        i: usize,
        out: &mut Vec<Event<'e>>,
        walk: &mut Walk,
    ) -> usize {
        let (event, range) = &events[i];
        match event {
            Event::Start(Tag::Paragraph) => return self.start_paragraph(events, i, out, walk),
            Event::Start(Tag::Heading { .. }) => return self.heading(events, i, out),
            Event::Start(Tag::CodeBlock(kind)) => return self.code(events, i, kind, out),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                return self.footnote_definition(events, i, label);
            }
            Event::FootnoteReference(label) => self.footnote_reference(label, out),
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => self.link(events, i, (&**dest_url, &**title), range, out),
            Event::End(TagEnd::Link) => out.push(Event::InlineHtml(CowStr::from("</a>"))),
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => return self.image(events, i, (&**dest_url, &**title), range, out),
            Event::Start(Tag::Table(_)) => {
                out.push(Event::Html(CowStr::from(self.table_opening(events, i))));
                out.push(event.clone());
            }
            Event::End(TagEnd::Table) => {
                out.push(event.clone());
                out.push(Event::Html(CowStr::from("</div>\n")));
            }
            Event::Text(t) => self.text(event, t, out),
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) | Event::HardBreak => {
                self.typo.opaque();
                out.push(event.clone());
            }
            Event::SoftBreak => {
                self.typeset.clear();
                self.typo.run_into(" ", &mut self.typeset);
                out.push(event.clone());
            }
            Event::TaskListMarker(checked) => self.task_list_marker(*checked, out),
            Event::Html(h) | Event::InlineHtml(h) => self.raw_html(event, h, out),
            Event::End(TagEnd::Paragraph) => self.end_paragraph(event, out, walk),
            Event::End(
                TagEnd::Item | TagEnd::TableCell | TagEnd::BlockQuote(_) | TagEnd::Heading(_),
            ) => {
                self.typo.end_block();
                out.push(event.clone());
            }
            _ => out.push(event.clone()),
        }
        i + 1
    }

    /// A paragraph's start: a block marker alone in its paragraph becomes
    /// the block; the first top-level paragraph is noted.
    fn start_paragraph<'e>(
        &mut self,
        events: &Events<'e>,
        i: usize,
        out: &mut Vec<Event<'e>>,
        walk: &mut Walk,
    ) -> usize {
        if let (Some((Event::Text(t), _)), Some((Event::End(TagEnd::Paragraph), _))) =
            (events.get(i + 1), events.get(i + 2))
            && is_block_marker(t)
        {
            out.push(Event::Html(CowStr::from(format!("{}\n", t.trim()))));
            return i + 3;
        }
        if walk.depth == 0 && !walk.first_paragraph_seen {
            // Its events are taken from `out` once transformed (see
            // `end_paragraph`): one pass, the body's own link indices.
            walk.first_paragraph_seen = true;
            walk.first_paragraph_at = Some(out.len() + 1);
        }
        walk.depth += 1;
        out.push(events[i].0.clone());
        i + 1
    }

    fn end_paragraph<'e>(&mut self, event: &Event<'e>, out: &mut Vec<Event<'e>>, walk: &mut Walk) {
        walk.depth = walk.depth.saturating_sub(1);
        if walk.depth == 0
            && let Some(at) = walk.first_paragraph_at.take()
        {
            self.keep_first_paragraph(out.get(at..).unwrap_or(&[]));
        }
        self.typo.end_block();
        out.push(event.clone());
    }

    /// Text: counted, and typeset (the event keeps its text when nothing
    /// changes).
    fn text<'e>(&mut self, event: &Event<'e>, t: &CowStr<'e>, out: &mut Vec<Event<'e>>) {
        self.out.words += count_words(t);
        self.typeset.clear();
        self.typo.run_into(t, &mut self.typeset);
        if self.typeset == **t {
            out.push(event.clone());
        } else {
            out.push(Event::Text(CowStr::from(self.typeset.clone())));
        }
    }

    /// A task list's box, disabled and named.
    fn task_list_marker(&mut self, checked: bool, out: &mut Vec<Event<'_>>) {
        let (label, attr) = if checked {
            (t!(self.opts.lang, "content-task-done"), " checked")
        } else {
            (t!(self.opts.lang, "content-task-to-do"), "")
        };
        out.push(Event::InlineHtml(CowStr::from(format!(
            "<input type=\"checkbox\" disabled{attr} aria-label=\"{label}\"> "
        ))));
    }

    /// Raw HTML: shown as text, or kept (and sanitized with the whole text
    /// at the end when the site says so).
    fn raw_html<'e>(&mut self, event: &Event<'e>, h: &CowStr<'e>, out: &mut Vec<Event<'e>>) {
        match self.opts.raw_html {
            RawHtml::Escape => out.push(Event::Text(h.clone())),
            RawHtml::Allow | RawHtml::Sanitize => {
                self.has_raw_html = true;
                out.push(event.clone());
            }
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
            self.out.first_paragraph_html = Some(HtmlWithLinkMarkers::new(html_text));
            self.out.first_paragraph_text = Some(text.trim().to_string());
        }
    }
}

/// Index one past the `End` matching the `Start` at `start`.
pub(super) fn find_end(events: &Events, start: usize) -> usize {
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

/// The events inside the element whose `Start` is at `start` and whose
/// `End` is just before `end`.
pub(super) fn inside<'s, 'e>(events: &'s Events<'e>, start: usize, end: usize) -> &'s Events<'e> {
    &events[start + 1..end.saturating_sub(1)]
}

/// The text of events, as plain text (inline code as written).
pub(super) fn plain_text(events: &Events) -> String {
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
