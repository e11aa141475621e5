//! Which lines of a body are shortcode tags: every `{{`/`{%` line outside
//! code, handed to the grammar (`grammar`) as it is found.
//!
//! # What is code
//!
//! Shortcode syntax inside code stays text, so a page can document shortcodes.
//! To know what is code, the scanner follows the Markdown block structure as
//! far as needed, CommonMark-style (the rules for one line are in `lines`):
//!
//! - fenced code blocks (```` ``` ```` or `~~~`, 3 or more, up to 3 spaces of
//!   indentation, also right after a list marker as in `- ~~~`), closed by a
//!   fence of the same character at least as long; an unclosed fence runs to
//!   the end of the body (or, when opened after a list marker, to the first
//!   non-blank line indented less than the list item's content);
//! - indented code blocks (4 columns or more, a tab counting up to the next
//!   multiple of 4) wherever no paragraph is going on: at the start, after a
//!   blank line, a heading, a thematic break or a code block; inside a
//!   paragraph an indented line continues it (and is not a shortcode either,
//!   being indented more than 3 columns);
//! - raw HTML blocks that hold raw text until an end marker (`<!-- … -->`,
//!   `<pre>`, `<script>`, `<style>`, `<textarea>`, `<? … ?>`, `<!X … >`,
//!   `<![CDATA[ … ]]>`), so a shortcode can be commented out;
//! - code spans that cross lines: in a paragraph (consecutive non-blank lines
//!   up to something that interrupts a paragraph: a fence, a heading, a
//!   thematic break, a setext underline, a block quote, a list item), backtick
//!   runs are matched as CommonMark does: a run of N backticks opens a span
//!   only if a run of exactly N backticks follows in the same paragraph, and a
//!   backslash-escaped backtick does not open one. A `{{`/`{%` line that starts
//!   inside such a span is text. Backticks on a shortcode line itself never
//!   open a span.
//!
//! Not modelled: block quote and list *containers* (a line starting with `>`
//! or `- ` is never a shortcode anyway), HTML blocks that end at a blank line
//! (`<div>`: a shortcode line right inside one is still a shortcode), and
//! inline HTML or links spanning lines.
//!
//! The scan stays linear in practice: each line is classified a bounded
//! number of times, and a paragraph's backtick runs are matched through an
//! index by length (a binary search), so a body of many runs or many tags
//! stays fast (`odd_inputs_never_panic` holds it to that).

use std::collections::HashMap;
use std::ops::Range;

use super::grammar::{TagKind, parse_tag};
use super::lines::{
    Fence, Line, after_indent, contains_ignore_case, ends_paragraph, html_block_end, indentation,
    is_atx_heading, is_blank, is_setext_underline, is_thematic_break, tag_start,
};

/// A `{{`/`{%` line outside code, parsed.
pub(super) struct Tag {
    /// Start of the line.
    pub(super) line_start: usize,
    /// Start of the next line.
    pub(super) line_next: usize,
    /// What the line parsed to.
    pub(super) kind: TagKind,
}

enum State {
    /// Between blocks: the next non-blank line starts one.
    Flow,
    Fenced(Fence),
    IndentedCode,
    Html(&'static str),
}

/// A backtick run in a paragraph.
struct Run {
    len: usize,
    line: usize,
    /// Preceded by an odd number of backslashes: its first backtick is
    /// literal when it would open a code span.
    escaped: bool,
}

/// Walks a body's lines and collects its tags.
pub(super) struct Scanner<'a> {
    /// The body.
    pub(super) body: &'a str,
    /// Its lines.
    pub(super) lines: &'a [Line],
    /// The tags found so far, in order.
    pub(super) tags: Vec<Tag>,
}

impl<'a> Scanner<'a> {
    fn text(&self, index: usize) -> &'a str {
        let line = self.lines[index];
        &self.body[line.start..line.end]
    }

    /// The tags of the body, in order.
    pub(super) fn run(mut self) -> Vec<Tag> {
        let mut state = State::Flow;
        let mut i = 0;
        while i < self.lines.len() {
            let text = self.text(i);
            match state {
                State::Fenced(fence) => {
                    if fence.left_by(text) {
                        state = State::Flow;
                        continue;
                    }
                    if fence.closed_by(text) {
                        state = State::Flow;
                    }
                    i += 1;
                }
                State::IndentedCode => {
                    if is_blank(text) || indentation(text).0 >= 4 {
                        i += 1;
                    } else {
                        state = State::Flow;
                    }
                }
                State::Html(end) => {
                    if contains_ignore_case(text, end) {
                        state = State::Flow;
                    }
                    i += 1;
                }
                State::Flow => {
                    if is_blank(text) {
                        i += 1;
                        continue;
                    }
                    let Some(rest) = after_indent(text) else {
                        state = State::IndentedCode;
                        i += 1;
                        continue;
                    };
                    if let Some(fence) = Fence::open(text) {
                        state = State::Fenced(fence);
                        i += 1;
                        continue;
                    }
                    if let Some(end) = html_block_end(rest) {
                        if !contains_ignore_case(text, end) {
                            state = State::Html(end);
                        }
                        i += 1;
                        continue;
                    }
                    if is_atx_heading(rest) || is_thematic_break(rest) {
                        i += 1;
                        continue;
                    }
                    let mut j = i + 1;
                    while j < self.lines.len() && !ends_paragraph(self.text(j)) {
                        j += 1;
                    }
                    self.paragraph(i..j);
                    i = j;
                    // A setext underline belongs to the paragraph's heading.
                    if i < self.lines.len()
                        && let Some(rest) = after_indent(self.text(i))
                        && is_setext_underline(rest)
                        && !is_thematic_break(rest)
                    {
                        i += 1;
                    }
                }
            }
        }
        self.tags
    }

    /// Finds the tags of one paragraph, skipping lines inside code spans.
    fn paragraph(&mut self, lines: Range<usize>) {
        let runs = self.backtick_runs(lines.clone());
        let mut by_len: HashMap<usize, Vec<usize>> = HashMap::new();
        for (k, run) in runs.iter().enumerate() {
            by_len.entry(run.len).or_default().push(k);
        }
        let closer_of = |opener: usize, len: usize| -> Option<usize> {
            let same = by_len.get(&len)?;
            same.get(same.partition_point(|&k| k <= opener)).copied()
        };

        let mut next = 0;
        // The run closing the code span we are in, if any.
        let mut closer: Option<usize> = None;
        for index in lines {
            let line = self.lines[index];
            let text = &self.body[line.start..line.end];
            if closer.is_none()
                && let Some(offset) = tag_start(text)
            {
                let kind = parse_tag(self.body, line.start + offset, line.end);
                self.tags.push(Tag {
                    line_start: line.start,
                    line_next: line.next,
                    kind,
                });
                // Backticks on a shortcode line open no code span.
                while next < runs.len() && runs[next].line == index {
                    next += 1;
                }
                continue;
            }
            while next < runs.len() && runs[next].line == index {
                let k = next;
                next += 1;
                match closer {
                    Some(c) => {
                        if c == k {
                            closer = None;
                        }
                    }
                    None => {
                        let run = &runs[k];
                        let len = run.len - usize::from(run.escaped);
                        if len > 0 {
                            closer = closer_of(k, len);
                        }
                    }
                }
            }
        }
    }

    /// The backtick runs of a paragraph's lines, in order.
    fn backtick_runs(&self, lines: Range<usize>) -> Vec<Run> {
        let bytes = self.body.as_bytes();
        let mut runs = Vec::new();
        for index in lines {
            let line = self.lines[index];
            let mut p = line.start;
            while p < line.end {
                if bytes[p] != b'`' {
                    p += 1;
                    continue;
                }
                let start = p;
                while p < line.end && bytes[p] == b'`' {
                    p += 1;
                }
                let backslashes = bytes[line.start..start]
                    .iter()
                    .rev()
                    .take_while(|&&b| b == b'\\')
                    .count();
                runs.push(Run {
                    len: p - start,
                    line: index,
                    escaped: backslashes % 2 == 1,
                });
            }
        }
        runs
    }
}
