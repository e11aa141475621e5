//! From a position in the text given to the parser back to the file.
//!
//! The parser reads a body with its shortcodes replaced, or one value of the
//! front matter, never the file itself; every span it gives (a heading, a
//! link, a code block in an unknown language) goes through an `OffsetMap`
//! before it is kept, so a message points where the writer wrote the thing.
//! A value of the front matter is mapped whole to its key: YAML escapes and
//! folding make a finer mapping a guess.

use std::ops::Range;

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
