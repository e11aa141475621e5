//! A Markdown table in its scroll container: a named region that takes
//! keyboard focus, so a table wider than the screen (a phone at 390 px)
//! scrolls with the arrow keys, and a screen reader says what it is.
//!
//! The container is a `div` with `role="region"`, `tabindex="0"` and an
//! `aria-label` made of its column headers (« Tableau : Indicateur, 2024,
//! 2025 »), since a Markdown table has no caption to point at. It is
//! focusable without JavaScript; the theme's script takes the tab stop
//! away from a table that fits. Its visible sign that it scrolls is the
//! theme's (`.table-wrap`).

use pulldown_cmark::{Event, Tag, TagEnd};

use super::escape::escape_attr;
use super::transform::{Events, State};
use crate::messages::t;

impl State<'_, '_> {
    /// The opening of the container of the table whose `Start` is at `i`.
    pub(super) fn table_opening(&self, events: &Events, i: usize) -> String {
        let columns = header_cells(events, i).join(", ");
        let name = crate::typography::typeset(
            self.opts.lang,
            &t!(self.opts.lang, "content-table-name", columns = columns),
        );
        format!(
            "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">",
            escape_attr(&name)
        )
    }
}

/// The text of each header cell of the table starting at `i`.
fn header_cells(events: &Events, i: usize) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell: Option<String> = None;
    for (event, _) in &events[i + 1..] {
        match event {
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                let text = cell.take().unwrap_or_default();
                cells.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(t);
                }
            }
            Event::End(TagEnd::TableHead | TagEnd::Table) => break,
            _ => {}
        }
    }
    cells.retain(|c| !c.is_empty());
    cells
}
