//! The Markdown block structure of a body, one line at a time: what the
//! scanner needs to know where code is, and nothing more.
//!
//! Each function here is a predicate or a measure on one line's text
//! (indentation in columns, a fence, a heading, a list marker, the start of
//! a raw HTML block), following CommonMark's rules for the constructs the
//! scanner models; the scanner (`scanner`) strings them together into a
//! state machine and says which constructs are modelled and which are not.
//! Keeping the line rules apart keeps that state machine readable: it reads
//! as the CommonMark block structure it follows, without byte arithmetic.

/// One line of the body: `start..end` is its text without the line end,
/// `next` the start of the following line.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) next: usize,
}

pub(super) fn split_lines(body: &str) -> Vec<Line> {
    let bytes = body.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let (mut end, next) = match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(i) => (start + i, start + i + 1),
            None => (bytes.len(), bytes.len()),
        };
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        lines.push(Line { start, end, next });
        start = next;
    }
    lines
}

/// Leading indentation: (columns, bytes), a tab going to the next multiple
/// of 4 columns.
pub(super) fn indentation(text: &str) -> (usize, usize) {
    indentation_from(text, 0)
}

fn indentation_from(text: &str, mut col: usize) -> (usize, usize) {
    let start = col;
    let mut bytes = 0;
    for b in text.bytes() {
        match b {
            b' ' => col += 1,
            b'\t' => col += 4 - col % 4,
            _ => break,
        }
        bytes += 1;
    }
    (col - start, bytes)
}

pub(super) fn is_blank(text: &str) -> bool {
    text.bytes().all(|b| b == b' ' || b == b'\t')
}

/// The text after at most 3 columns of indentation, or `None` when indented
/// more (indented code or a paragraph continuation).
pub(super) fn after_indent(text: &str) -> Option<&str> {
    let (cols, bytes) = indentation(text);
    (cols < 4).then(|| &text[bytes..])
}

/// Where a shortcode tag starts on a line: after at most 3 spaces, `{{` or
/// `{%`.
pub(super) fn tag_start(text: &str) -> Option<usize> {
    let rest = after_indent(text)?;
    (rest.starts_with("{{") || rest.starts_with("{%")).then(|| text.len() - rest.len())
}

pub(super) fn is_atx_heading(rest: &str) -> bool {
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && matches!(rest.as_bytes().get(hashes), None | Some(b' ' | b'\t'))
}

pub(super) fn is_thematic_break(rest: &str) -> bool {
    let mut marks = rest.bytes().filter(|&b| b != b' ' && b != b'\t');
    let Some(first) = marks.next() else {
        return false;
    };
    matches!(first, b'*' | b'-' | b'_') && {
        let mut count = 1;
        for b in marks {
            if b != first {
                return false;
            }
            count += 1;
        }
        count >= 3
    }
}

pub(super) fn is_setext_underline(rest: &str) -> bool {
    let trimmed = rest.trim_end_matches([' ', '\t']);
    !trimmed.is_empty()
        && (trimmed.bytes().all(|b| b == b'=') || trimmed.bytes().all(|b| b == b'-'))
}

/// The length of a list marker (`-`, `+`, `*`, `1.`, `1)`) at the start of
/// `rest`, followed by a space, a tab or the end of the line, and the
/// marker's number (0 for a bullet).
fn list_marker(rest: &str) -> Option<(usize, u64)> {
    let bytes = rest.as_bytes();
    let (len, number) = match bytes.first()? {
        b'-' | b'+' | b'*' => (1, 0),
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 9 || !matches!(bytes.get(digits), Some(b'.' | b')')) {
                return None;
            }
            (digits + 1, rest[..digits].parse().ok()?)
        }
        _ => return None,
    };
    matches!(bytes.get(len), None | Some(b' ' | b'\t')).then_some((len, number))
}

/// Whether a list item starting on this line may interrupt a paragraph
/// (CommonMark: not empty, and an ordered list only from 1).
fn list_item_interrupts(rest: &str) -> bool {
    list_marker(rest).is_some_and(|(len, number)| number <= 1 && !is_blank(&rest[len..]))
}

/// An open fenced code block.
#[derive(Debug, Clone, Copy)]
pub(super) struct Fence {
    ch: u8,
    len: usize,
    /// Column of the content of the list item the fence was opened in, if
    /// opened right after list markers.
    list_col: Option<usize>,
}

impl Fence {
    /// An opening fence, possibly after list markers (`- ```` ``` ````).
    pub(super) fn open(text: &str) -> Option<Fence> {
        let mut col = 0;
        let mut rest = text;
        let mut list_col = None;
        loop {
            let (cols, bytes) = indentation_from(rest, col);
            if cols > 3 {
                return None;
            }
            let after = &rest[bytes..];
            match list_marker(after) {
                Some((len, _)) => {
                    let marker_end = col + cols + len;
                    let (gap, gap_bytes) = indentation_from(&after[len..], marker_end);
                    if gap == 0 || gap > 4 || gap_bytes == after.len() - len {
                        return None;
                    }
                    col = marker_end + gap;
                    list_col = Some(col);
                    rest = &after[len + gap_bytes..];
                }
                None => {
                    rest = after;
                    break;
                }
            }
        }
        let ch = *rest.as_bytes().first()?;
        if ch != b'`' && ch != b'~' {
            return None;
        }
        let len = rest.bytes().take_while(|&b| b == ch).count();
        if len < 3 || (ch == b'`' && rest[len..].contains('`')) {
            return None;
        }
        Some(Fence { ch, len, list_col })
    }

    /// Whether this line closes the fence.
    pub(super) fn closed_by(&self, text: &str) -> bool {
        let (cols, bytes) = indentation(text);
        let max = self.list_col.unwrap_or(0) + 3;
        let rest = &text[bytes..];
        let run = rest.bytes().take_while(|&b| b == self.ch).count();
        cols <= max && run >= self.len && is_blank(&rest[run..])
    }

    /// Whether this line ends the list item the fence was opened in (and so
    /// the fence), without being part of it.
    pub(super) fn left_by(&self, text: &str) -> bool {
        self.list_col
            .is_some_and(|col| !is_blank(text) && indentation(text).0 < col)
    }
}

/// The end marker of a raw HTML block (CommonMark types 1 to 5), if the line
/// starts one.
pub(super) fn html_block_end(rest: &str) -> Option<&'static str> {
    if rest.starts_with("<!--") {
        return Some("-->");
    }
    if rest.starts_with("<?") {
        return Some("?>");
    }
    if rest.starts_with("<![CDATA[") {
        return Some("]]>");
    }
    if rest.starts_with("<!") && rest.as_bytes().get(2).is_some_and(u8::is_ascii_alphabetic) {
        return Some(">");
    }
    for (tag, end) in [
        ("<pre", "</pre>"),
        ("<script", "</script>"),
        ("<style", "</style>"),
        ("<textarea", "</textarea>"),
    ] {
        let bytes = rest.as_bytes();
        if bytes.len() >= tag.len()
            && bytes[..tag.len()].eq_ignore_ascii_case(tag.as_bytes())
            && matches!(bytes.get(tag.len()), None | Some(b' ' | b'\t' | b'>'))
        {
            return Some(end);
        }
    }
    None
}

pub(super) fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Whether a line ends the paragraph before it (it is blank or starts
/// another block).
pub(super) fn ends_paragraph(text: &str) -> bool {
    if is_blank(text) {
        return true;
    }
    let Some(rest) = after_indent(text) else {
        return false;
    };
    Fence::open(text).is_some_and(|fence| fence.list_col.is_none())
        || is_atx_heading(rest)
        || is_thematic_break(rest)
        || is_setext_underline(rest)
        || rest.starts_with('>')
        || list_item_interrupts(rest)
        || html_block_end(rest).is_some()
}
