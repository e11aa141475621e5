//! Shortcodes: the `{{ name(args) }}` and `{% name(args) %} … {% end %}` lines
//! a writer puts in an article body to place blocks (interviews, quotes,
//! asides).
//!
//! [`parse`] owns the *syntax*: it splits a body into Markdown segments and
//! shortcodes, in order, with byte spans into the body, and reports every
//! syntax error with a span on the offending text and a message and a help
//! in French or English. Whether a shortcode exists, which arguments it
//! takes and what they mean is [`blocks`]' business, checked against the
//! article's front matter once the syntax is known.
//!
//! # The parts
//!
//! A body goes through four steps, each a module named after what it owns:
//!
//! - `lines`: the Markdown block structure, line by line, as far as needed
//!   to know what is code (fences, indented code, raw HTML, paragraphs);
//! - `scanner`: which lines are shortcode tags, outside code (including
//!   code spans that cross lines);
//! - `grammar`: one tag's name and arguments, or the leftmost mistake in it;
//! - `pairing`: block openers paired with their `{% end %}`, with the
//!   recovery rules that keep one error per mistake;
//!
//! then [`blocks`] gives each shortcode its meaning. The syntax errors and
//! their wording live in `errors`. Each step hands the next plain data
//! (lines, then tags, then shortcodes), so each can be read and tested
//! alone, and none of the syntax steps knows the front matter.
//!
//! # Why it is line-based
//!
//! A shortcode is a block: it stands alone on its line (up to 3 spaces of
//! indentation, any trailing spaces or tabs). So the parser works line by
//! line, and a line starting with `{{` or `{%` is *meant* as a shortcode: if it
//! does not parse, that is an error, never silently text. A writer who wants
//! literal braces puts them in a code span.
//!
//! # Who owns which byte
//!
//! The segments of [`parse`] cover the body exactly, in order, without
//! overlap. A [`Segment::Shortcode`] owns exactly its [`Shortcode::span`]:
//! from `{{`/`{%` to the end of `}}`/`%}` (for a block, of its `{% end %}`
//! line). Everything else is Markdown: the indentation before a shortcode
//! ends the previous Markdown segment; the trailing spaces and the line end
//! after it start the next one. So a Markdown segment may hold only
//! whitespace (`"\n"` between two shortcode lines), but it is never empty and
//! two Markdown segments never follow each other. Line ends are `\n` or
//! `\r\n`.

use std::ops::Range;

pub mod blocks;
mod errors;
mod grammar;
mod lines;
mod pairing;
mod scanner;
#[cfg(test)]
mod tests;

pub use blocks::parse_question_range;
pub use errors::{Malformed, ShortcodeError, ShortcodeErrorKind};

/// One shortcode of a body: an inline `{{ name(args) }}` or a block
/// `{% name(args) %}` … `{% end %}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Shortcode {
    /// The shortcode's name, e.g. `interview`.
    pub name: String,
    /// Byte range of the name in the body.
    pub name_span: Range<usize>,
    /// The arguments, in the order written; names are unique.
    pub args: Vec<Arg>,
    /// The whole shortcode: from `{{`/`{%` to the end of `}}`/`%}`; for a
    /// block, to the end of the `%}` of its `{% end %}` line.
    pub span: Range<usize>,
    /// Block form only: the body, from just after the opening line's line
    /// end to the start of the `{% end %}` line (so it ends with a line end,
    /// or is empty). Raw Markdown: shortcodes in it are not parsed.
    pub body: Option<Range<usize>>,
}

impl Shortcode {
    /// The argument with this name, if given.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|arg| arg.name == name)
    }

    /// Whether this is the block form (`{% … %}` … `{% end %}`).
    pub fn is_block(&self) -> bool {
        self.body.is_some()
    }
}

/// One `key=value` argument of a shortcode.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    /// The argument's name.
    pub name: String,
    /// Byte range of the name in the body.
    pub name_span: Range<usize>,
    /// The value, unquoted and unescaped.
    pub value: ArgValue,
    /// Byte range of the value as written (with its quotes, if any).
    pub value_span: Range<usize>,
}

/// The value of an argument.
#[derive(Debug, Clone, PartialEq)]
pub enum ArgValue {
    /// A quoted text: `"…"` (escapes `\"` and `\\`) or `'…'` (escapes `\'`
    /// and `\\`); any other backslash is kept as written.
    Str(String),
    /// An integer: `42`, `-3`.
    Int(i64),
    /// A decimal number with a dot: `1.5`, `-0.25`, `2.5e3`.
    Float(f64),
    /// `true` or `false`.
    Bool(bool),
}

/// A piece of a body, in order: Markdown text or a shortcode.
#[derive(Debug, Clone, PartialEq)]
pub enum Segment {
    /// Byte range of Markdown text (never empty).
    Markdown(Range<usize>),
    /// A shortcode; it owns exactly its `span`.
    Shortcode(Shortcode),
}

/// Splits a Markdown body into Markdown segments and shortcodes, in order.
///
/// Every byte of `body` belongs to exactly one segment: a shortcode segment
/// owns exactly its `span`; the indentation before it and the trailing
/// whitespace and line end after it belong to the neighbouring Markdown
/// segments (see the module documentation). An empty body gives no segment.
///
/// On errors, the faulty lines are left as Markdown text and the error is
/// returned; parsing continues after them so every error of the body is
/// reported, in source order.
pub fn parse(body: &str) -> (Vec<Segment>, Vec<ShortcodeError>) {
    // A shortcode line starts with `{{` or `{%`: a body with neither (most
    // of them) is one Markdown segment, without the line-by-line scan.
    if !has_tag_opener(body) {
        let segments = if body.is_empty() {
            Vec::new()
        } else {
            vec![Segment::Markdown(0..body.len())]
        };
        return (segments, Vec::new());
    }
    let lines = lines::split_lines(body);
    let tags = scanner::Scanner {
        body,
        lines: &lines,
        tags: Vec::new(),
    }
    .run();
    let (shortcodes, errors) = pairing::pair_blocks(tags);
    let mut segments = Vec::with_capacity(shortcodes.len() * 2 + 1);
    let mut pos = 0;
    for shortcode in shortcodes {
        if shortcode.span.start > pos {
            segments.push(Segment::Markdown(pos..shortcode.span.start));
        }
        pos = shortcode.span.end;
        segments.push(Segment::Shortcode(shortcode));
    }
    if pos < body.len() {
        segments.push(Segment::Markdown(pos..body.len()));
    }
    (segments, errors)
}

/// Whether `body` holds a `{{` or a `{%` anywhere.
fn has_tag_opener(body: &str) -> bool {
    let bytes = body.as_bytes();
    memchr::memchr_iter(b'{', bytes).any(|i| matches!(bytes.get(i + 1), Some(b'{' | b'%')))
}
