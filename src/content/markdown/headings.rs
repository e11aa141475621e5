//! Headings: stable ids for anchors and tables of contents.
//!
//! An id the writer gave (`## Titre {#id}`) is kept; a made one folds the
//! text's accents (`Les chiffres clés` → `les-chiffres-cles`) so that a
//! link written today still works after a typo fix elsewhere, and takes the
//! text's prefix (`encadre-`…), so a heading inside a block cannot take the
//! id of one of the body's. A repeated id gets `-1`, `-2`… in order.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::transform::{Events, State, find_end, inside, plain_text};
use crate::content::slug::slugify;

/// A heading of the body, for anchors and tables of contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

impl State<'_, '_> {
    /// The heading whose `Start` is at `i`, with its id; the index past it.
    pub(super) fn heading<'e>(
        &mut self,
        events: &Events<'e>,
        i: usize,
        out: &mut Vec<Event<'e>>,
    ) -> usize {
        let (
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }),
            range,
        ) = &events[i]
        else {
            // Only called on a heading's start.
            return i + 1;
        };
        let end = find_end(events, i);
        let inner: Vec<(Event<'e>, Range<usize>)> = inside(events, i, end).to_vec();
        let text = plain_text(&inner);
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
        self.out.headings.push(Heading {
            level: heading_level(*level),
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
        end
    }

    /// `base`, or `base-1`, `base-2`… when it was given before.
    fn unique_id(&mut self, base: String) -> String {
        let count = self.ids.entry(base.clone()).or_insert(0);
        *count += 1;
        if *count == 1 {
            base
        } else {
            format!("{base}-{}", *count - 1)
        }
    }
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
