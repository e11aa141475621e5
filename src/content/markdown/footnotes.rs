//! Footnotes, accessible: a numbered call with a label, notes in a titled
//! section at the end of the text, and a way back from each note to every
//! place that calls it.
//!
//! Notes are numbered in the order they are first called, not written; a
//! note never called is left out. Ids take the text's prefix, so the notes
//! of several texts on one page (the body and a block) do not collide. A
//! definition is transformed where it is met (typography, links) and kept
//! aside until the body is written.

use pulldown_cmark::{CowStr, Event, html};

use super::transform::{Events, State, find_end, inside};
use crate::content::slug::slugify;
use crate::messages::t;

impl State<'_, '_> {
    /// The footnote definition whose `Start` is at `i`, transformed and kept
    /// for the end of the text; the index past it.
    pub(super) fn footnote_definition(&mut self, events: &Events, i: usize, label: &str) -> usize {
        let end = find_end(events, i);
        let inner = inside(events, i, end).to_vec();
        let mut note = Vec::new();
        self.transform(inner, &mut note, false);
        self.typo.end_block();
        let note: Vec<Event<'static>> = note.into_iter().map(Event::into_static).collect();
        self.notes.push((label.to_string(), note));
        end
    }

    /// A call of a note: its number, linked to the note.
    pub(super) fn footnote_reference(&mut self, label: &str, out: &mut Vec<Event<'_>>) {
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
        let aria_label = t!(
            self.opts.lang,
            "content-footnote-reference",
            number = number
        );
        out.push(Event::InlineHtml(CowStr::from(format!(
            "<sup class=\"footnote-ref\"><a href=\"#{}note-{slug}\" id=\"{ref_id}\" aria-label=\"{aria_label}\">{number}</a></sup>",
            self.opts.id_prefix
        ))));
        self.typo.opaque();
    }

    /// Writes the notes called, in order, after the body.
    pub(super) fn push_footnotes(&mut self, body: &mut String) {
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
            t!(lang, "content-footnotes-heading")
        ));
        for (number, label, events) in notes {
            let slug = self.note_slug(&label);
            let mut content = String::new();
            html::push_html(&mut content, events.into_iter());
            let back = self.back_links(&label, &slug, number);
            let content = content.trim_end();
            let content = match content.strip_suffix("</p>") {
                Some(head) => format!("{head}{back}</p>"),
                None => format!("{content}{back}"),
            };
            body.push_str(&format!("<li id=\"{prefix}note-{slug}\">{content}</li>\n"));
        }
        body.push_str("</ol>\n</section>\n");
    }

    /// The links from a note back to each of its calls.
    fn back_links(&self, label: &str, slug: &str, number: usize) -> String {
        let prefix = self.opts.id_prefix;
        let refs = self.note_refs.get(label).copied().unwrap_or(1);
        let mut back = String::new();
        for k in 1..=refs {
            let target = if k == 1 {
                format!("{prefix}appel-{slug}")
            } else {
                format!("{prefix}appel-{slug}-{k}")
            };
            back.push_str(&format!(
                " <a href=\"#{target}\" class=\"footnote-back\" aria-label=\"{}\">↩</a>",
                t!(self.opts.lang, "content-footnote-back", number = number)
            ));
        }
        back
    }

    fn note_slug(&self, label: &str) -> String {
        let s = slugify(label);
        if s.is_empty() { "n".to_string() } else { s }
    }
}
