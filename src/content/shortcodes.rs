//! Shortcodes: the `{{ name(args) }}` and `{% name(args) %} … {% end %}` lines
//! a writer puts in an article body to place blocks (interviews, quotes,
//! asides).
//!
//! This module owns the *syntax* only. [`parse`] splits a body into Markdown
//! segments and shortcodes, in order, with byte spans into the body, and
//! reports every syntax error with a span on the offending text and a message
//! and a help in French or English. Whether a shortcode exists, which
//! arguments it takes and what they mean belong to the caller.
//!
//! # Why it is line-based
//!
//! A shortcode is a block: it stands alone on its line (up to 3 spaces of
//! indentation, any trailing spaces or tabs). So the parser works line by
//! line, and a line starting with `{{` or `{%` is *meant* as a shortcode: if it
//! does not parse, that is an error, never silently text. A writer who wants
//! literal braces puts them in a code span.
//!
//! # Syntax
//!
//! - Inline: `{{ name(args) }}`. Block: `{% name(args) %}`, body lines,
//!   `{% end %}`. Parentheses are required, even empty; `end` takes none.
//! - Names (of shortcodes and arguments): `[a-z_][a-z0-9_-]*`.
//! - Arguments: `key=value`, separated by commas, spaces and tabs allowed
//!   around everything, a trailing comma tolerated, each name at most once.
//! - Values: `"text"` (escapes `\"` and `\\`), `'text'` (escapes `\'` and
//!   `\\`; any other backslash stays as written), integers (`-3`), decimals
//!   (`2.5`, `-0.25`, `1e3`), `true`, `false`. Anything else unquoted is an
//!   error asking for quotes.
//!
//! # What is code
//!
//! Shortcode syntax inside code stays text, so a page can document shortcodes.
//! To know what is code, the parser follows the Markdown block structure as
//! far as needed, CommonMark-style:
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
//! # Blocks
//!
//! A block (`{% name(args) %}` … `{% end %}`) keeps its body as raw Markdown:
//! shortcodes inside a body are **not** parsed (an `{{ … }}` line there is
//! plain text for the caller to render), and another `{% name() %}` line there
//! is an error (blocks do not nest). Code in the body is followed as
//! everywhere, so a `{% end %}` inside a fenced block of the body is text.
//! When blocks would nest, the first `{% end %}` closes the outer block: the
//! parser does not guess which `{% end %}` the writer meant.
//!
//! # Errors and recovery
//!
//! Each faulty line gives one error (the leftmost problem on it) and stays in
//! the Markdown segments as text; parsing goes on with the next line, so every
//! error of a body is reported in one run, in source order. The aim is one
//! error per mistake:
//!
//! - a block that is never closed gives one error on its opening tag, and the
//!   lines after that tag are parsed as if it were not there;
//! - a malformed opening tag (`{% aside(title=x) %}`) still takes the next
//!   `{% end %}`, and a malformed end tag (`{% end() %}`) still ends the open
//!   block: the whole block then stays Markdown text, with that one error;
//! - a malformed `{%` line that is not an end tag, inside a body, is one more
//!   line of that body (reported; the block is kept).
//!
//! Spans are byte ranges into the body, always on character boundaries; a
//! span is empty only when something is missing at the end of a line (it then
//! sits just after the last non-blank character).
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

use std::collections::HashMap;
use std::ops::Range;

use crate::language::Language;

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

/// A syntax error in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortcodeError {
    /// Byte range of the offending text in the body (empty only for
    /// something missing at the end of a line).
    pub span: Range<usize>,
    /// What is wrong.
    pub kind: ShortcodeErrorKind,
}

/// What is wrong with a shortcode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShortcodeErrorKind {
    /// A `{{`/`{%` line that does not parse; the span points at the
    /// offending character.
    Malformed(Malformed),
    /// An argument given twice; the span is its second name.
    DuplicateArgument {
        /// The argument's name.
        name: String,
    },
    /// A block without its `{% end %}`; the span is the opening tag.
    Unterminated {
        /// The block's name.
        name: String,
    },
    /// A `{% end %}` with no block open; the span is that tag.
    UnexpectedEnd,
    /// A block opened inside another one; the span is the inner opening tag.
    Nested {
        /// The inner block's name.
        name: String,
        /// The enclosing block's name.
        outer: String,
    },
}

/// Why a shortcode line does not parse: what was expected where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Malformed {
    /// No shortcode name after `{{`/`{%`.
    ExpectedName,
    /// A character not allowed in a shortcode name (upper case, accent…).
    InvalidName,
    /// No `(` after the shortcode name.
    ExpectedOpenParen,
    /// Something other than an argument name or `)` inside the parentheses.
    ExpectedArgumentName,
    /// A character not allowed in an argument name.
    InvalidArgumentName,
    /// A value given without a name: `("volontaires")`.
    PositionalArgument,
    /// No `=` after an argument name.
    ExpectedEquals,
    /// Nothing after `=`.
    ExpectedValue,
    /// A text value without quotes: `id=volontaires`.
    UnquotedText {
        /// The argument's name.
        arg: String,
        /// The text as written.
        text: String,
    },
    /// A quote never closed on the line; the span is the opening quote.
    UnclosedQuote,
    /// A typographic quote (`“`, `«`, `’`…) where a straight one is needed.
    TypographicQuote,
    /// An integer too large for 64 bits, or an infinite decimal.
    NumberOutOfRange,
    /// Two arguments not separated by a comma.
    ExpectedComma,
    /// The argument list not closed by `)`.
    ExpectedCloseParen,
    /// The tag not closed by its delimiter.
    ExpectedClose {
        /// `}}` for an inline shortcode, `%}` for a block tag.
        delimiter: &'static str,
    },
    /// Parentheses on `{% end %}`.
    EndWithArguments,
    /// Text after the closing delimiter, on the same line.
    TrailingText,
}

impl ShortcodeError {
    fn new(span: Range<usize>, kind: ShortcodeErrorKind) -> Self {
        ShortcodeError { span, kind }
    }

    fn malformed(span: Range<usize>, why: Malformed) -> Self {
        ShortcodeError::new(span, ShortcodeErrorKind::Malformed(why))
    }

    /// A stable identifier for the kind of error.
    pub fn code(&self) -> &'static str {
        match self.kind {
            ShortcodeErrorKind::Malformed(_) => "shortcode-malformed",
            ShortcodeErrorKind::DuplicateArgument { .. } => "shortcode-duplicate-argument",
            ShortcodeErrorKind::Unterminated { .. } => "shortcode-unterminated",
            ShortcodeErrorKind::UnexpectedEnd => "shortcode-unexpected-end",
            ShortcodeErrorKind::Nested { .. } => "shortcode-nested",
        }
    }

    /// What is wrong, in one line.
    pub fn message(&self, lang: Language) -> String {
        match &self.kind {
            ShortcodeErrorKind::Malformed(why) => {
                let (fr, en) = malformed_message(why);
                lang.pick(
                    format!("shortcode mal formé : {fr}"),
                    format!("malformed shortcode: {en}"),
                )
            }
            ShortcodeErrorKind::DuplicateArgument { name } => lang.pick(
                format!("l’argument « {name} » est donné deux fois"),
                format!("the argument `{name}` is given twice"),
            ),
            ShortcodeErrorKind::Unterminated { name } => lang.pick(
                format!("le bloc « {name} » n’est jamais fermé"),
                format!("the block `{name}` is never closed"),
            ),
            ShortcodeErrorKind::UnexpectedEnd => lang.pick(
                "« {% end %} » sans bloc ouvert".to_string(),
                "`{% end %}` without an open block".to_string(),
            ),
            ShortcodeErrorKind::Nested { name, outer } => lang.pick(
                format!("bloc « {name} » ouvert à l’intérieur du bloc « {outer} »"),
                format!("block `{name}` opened inside the block `{outer}`"),
            ),
        }
    }

    /// How to fix it, for a writer rather than a developer.
    pub fn help(&self, lang: Language) -> String {
        match &self.kind {
            ShortcodeErrorKind::Malformed(why) => malformed_help(why, lang),
            ShortcodeErrorKind::DuplicateArgument { name } => lang.pick(
                format!("gardez un seul « {name}=… » dans ce shortcode"),
                format!("keep a single `{name}=…` in this shortcode"),
            ),
            ShortcodeErrorKind::Unterminated { name } => lang.pick(
                format!(
                    "ajoutez une ligne « {{% end %}} » après le contenu du bloc « {name} » \
                     (une ligne « {{% end %}} » dans un bloc de code ne compte pas)"
                ),
                format!(
                    "add a line `{{% end %}}` after the content of the block `{name}` \
                     (a `{{% end %}}` line inside a code block does not count)"
                ),
            ),
            ShortcodeErrorKind::UnexpectedEnd => lang.pick(
                "supprimez cette ligne, ou ouvrez le bloc avant, par exemple \
                 « {% aside(title=\"À savoir\") %} »"
                    .to_string(),
                "remove this line, or open the block before it, for example \
                 `{% aside(title=\"Good to know\") %}`"
                    .to_string(),
            ),
            ShortcodeErrorKind::Nested { name, outer } => lang.pick(
                format!(
                    "les blocs ne s’imbriquent pas : fermez « {outer} » par « {{% end %}} » \
                     avant d’ouvrir « {name} »"
                ),
                format!(
                    "blocks do not nest: close `{outer}` with `{{% end %}}` before opening `{name}`"
                ),
            ),
        }
    }
}

fn malformed_message(why: &Malformed) -> (String, String) {
    let (fr, en) = match why {
        Malformed::ExpectedName => (
            "un nom de shortcode est attendu",
            "a shortcode name is expected",
        ),
        Malformed::InvalidName => (
            "caractère interdit dans un nom de shortcode",
            "character not allowed in a shortcode name",
        ),
        Malformed::ExpectedOpenParen => (
            "une parenthèse ouvrante est attendue",
            "an opening parenthesis is expected",
        ),
        Malformed::ExpectedArgumentName => (
            "un nom d’argument est attendu",
            "an argument name is expected",
        ),
        Malformed::InvalidArgumentName => (
            "caractère interdit dans un nom d’argument",
            "character not allowed in an argument name",
        ),
        Malformed::PositionalArgument => ("argument sans nom", "argument without a name"),
        Malformed::ExpectedEquals => (
            "un signe « = » est attendu après le nom de l’argument",
            "an `=` is expected after the argument name",
        ),
        Malformed::ExpectedValue => (
            "une valeur est attendue après « = »",
            "a value is expected after `=`",
        ),
        Malformed::UnquotedText { text, .. } => {
            return (
                format!("le texte « {text} » doit être entre guillemets"),
                format!("the text `{text}` must be in quotes"),
            );
        }
        Malformed::UnclosedQuote => ("guillemet jamais refermé", "quote never closed"),
        Malformed::TypographicQuote => (
            "guillemet typographique au lieu d’un guillemet droit",
            "typographic quote instead of a straight one",
        ),
        Malformed::NumberOutOfRange => ("nombre trop grand", "number too large"),
        Malformed::ExpectedComma => (
            "une virgule est attendue entre deux arguments",
            "a comma is expected between two arguments",
        ),
        Malformed::ExpectedCloseParen => (
            "une parenthèse fermante est attendue",
            "a closing parenthesis is expected",
        ),
        Malformed::ExpectedClose { delimiter } => {
            return (
                format!("« {delimiter} » est attendu pour fermer le shortcode"),
                format!("`{delimiter}` is expected to close the shortcode"),
            );
        }
        Malformed::EndWithArguments => (
            "« {% end %} » ne prend pas de parenthèses",
            "`{% end %}` takes no parentheses",
        ),
        Malformed::TrailingText => (
            "texte après la fin du shortcode",
            "text after the end of the shortcode",
        ),
    };
    (fr.to_string(), en.to_string())
}

fn malformed_help(why: &Malformed, lang: Language) -> String {
    const LITERAL_FR: &str = " ; pour écrire des accolades telles quelles, \
                              mettez-les dans du code : `{{ … }}`";
    const LITERAL_EN: &str = "; to write literal braces, put them in a code span: `{{ … }}`";
    const ARGS_FR: &str = "les arguments s’écrivent nom=valeur, séparés par des virgules : \
                           {{ interview(questions=\"2-3\") }}";
    const ARGS_EN: &str = "arguments are written name=value, separated by commas: \
                           {{ interview(questions=\"2-3\") }}";
    let (fr, en): (String, String) = match why {
        Malformed::ExpectedName => (
            format!(
                "écrivez le nom juste après l’accolade, par exemple {{{{ quote(id=\"sens\") }}}}{LITERAL_FR}"
            ),
            format!(
                "write the name right after the braces, for example {{{{ quote(id=\"sens\") }}}}{LITERAL_EN}"
            ),
        ),
        Malformed::InvalidName => (
            format!(
                "un nom s’écrit en minuscules sans accents, chiffres, « _ » et « - », et commence par une lettre ou « _ »{LITERAL_FR}"
            ),
            format!(
                "a name uses lowercase letters without accents, digits, `_` and `-`, and starts with a letter or `_`{LITERAL_EN}"
            ),
        ),
        Malformed::ExpectedOpenParen => (
            format!(
                "les parenthèses sont obligatoires, même vides : {{{{ interview() }}}}{LITERAL_FR}"
            ),
            format!("parentheses are required, even empty: {{{{ interview() }}}}{LITERAL_EN}"),
        ),
        Malformed::ExpectedArgumentName | Malformed::ExpectedEquals | Malformed::ExpectedComma => {
            (ARGS_FR.to_string(), ARGS_EN.to_string())
        }
        Malformed::InvalidArgumentName => (
            "un nom d’argument s’écrit en minuscules sans accents, chiffres, « _ » et « - », \
             et commence par une lettre ou « _ »"
                .to_string(),
            "an argument name uses lowercase letters without accents, digits, `_` and `-`, \
             and starts with a letter or `_`"
                .to_string(),
        ),
        Malformed::PositionalArgument => (
            "nommez chaque argument, par exemple id=\"volontaires\" plutôt que \"volontaires\""
                .to_string(),
            "name every argument, for example id=\"volontaires\" rather than \"volontaires\""
                .to_string(),
        ),
        Malformed::ExpectedValue => (
            "donnez une valeur : un texte entre guillemets (\"…\"), un nombre, true ou false"
                .to_string(),
            "give a value: a text in quotes (\"…\"), a number, true or false".to_string(),
        ),
        Malformed::UnquotedText { arg, text } => {
            let quoted = text.replace('\\', "\\\\").replace('"', "\\\"");
            (
                format!("mettez-le entre guillemets : {arg}=\"{quoted}\""),
                format!("put it in quotes: {arg}=\"{quoted}\""),
            )
        }
        Malformed::UnclosedQuote => (
            "refermez le texte par le même guillemet, sur la même ligne ; pour un guillemet \
             dans le texte, écrivez \\\""
                .to_string(),
            "close the text with the same quote, on the same line; for a quote inside the \
             text, write \\\""
                .to_string(),
        ),
        Malformed::TypographicQuote => (
            "entourez les textes de guillemets droits \"…\" (le traitement de texte a pu les \
             remplacer par des guillemets typographiques)"
                .to_string(),
            "put texts between straight quotes \"…\" (a word processor may have replaced them \
             with typographic ones)"
                .to_string(),
        ),
        Malformed::NumberOutOfRange => (
            "s’il s’agit d’un texte, mettez-le entre guillemets".to_string(),
            "if it is a text, put it in quotes".to_string(),
        ),
        Malformed::ExpectedCloseParen => (
            "fermez la liste des arguments par « ) », par exemple {{ quote(id=\"sens\") }}"
                .to_string(),
            "close the argument list with `)`, for example {{ quote(id=\"sens\") }}".to_string(),
        ),
        Malformed::ExpectedClose { delimiter: "%}" } => (
            "une balise de bloc ouverte par « {% » se ferme par « %} », par exemple \
             {% aside(title=\"À savoir\") %}"
                .to_string(),
            "a block tag opened with `{%` closes with `%}`, for example \
             {% aside(title=\"Good to know\") %}"
                .to_string(),
        ),
        Malformed::ExpectedClose { .. } => (
            "un shortcode ouvert par « {{ » se ferme par « }} », par exemple \
             {{ quote(id=\"sens\") }}"
                .to_string(),
            "a shortcode opened with `{{` closes with `}}`, for example {{ quote(id=\"sens\") }}"
                .to_string(),
        ),
        Malformed::EndWithArguments => (
            "écrivez simplement {% end %}".to_string(),
            "write just {% end %}".to_string(),
        ),
        Malformed::TrailingText => (
            "un shortcode doit être seul sur sa ligne : passez ce texte à la ligne".to_string(),
            "a shortcode must be alone on its line: move this text to another line".to_string(),
        ),
    };
    lang.pick(fr, en)
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
    let lines = split_lines(body);
    let tags = Scanner {
        body,
        lines: &lines,
        tags: Vec::new(),
    }
    .run();
    let (shortcodes, errors) = assemble(tags);
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

/// Parses an interview question range argument: "1", "2-3", "4-" (open end),
/// whitespace tolerated. Returns inclusive 1-based `(start, Option<end>)`.
///
/// A single number `n` gives `(n, Some(n))`; an en dash (`2–3`) is accepted
/// like a hyphen. Zero, a decreasing range or anything else gives `None`.
pub fn parse_question_range(text: &str) -> Option<(usize, Option<usize>)> {
    fn number(text: &str) -> Option<usize> {
        let text = text.trim();
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.parse().ok().filter(|&n| n > 0)
    }
    let text = text.trim();
    match text.char_indices().find(|&(_, c)| c == '-' || c == '–') {
        None => number(text).map(|n| (n, Some(n))),
        Some((at, dash)) => {
            let start = number(&text[..at])?;
            let rest = text[at + dash.len_utf8()..].trim();
            if rest.is_empty() {
                return Some((start, None));
            }
            let end = number(rest)?;
            (end >= start).then_some((start, Some(end)))
        }
    }
}

// ---------------------------------------------------------------------------
// Lines

/// One line of the body: `start..end` is its text without the line end,
/// `next` the start of the following line.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

fn split_lines(body: &str) -> Vec<Line> {
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
fn indentation(text: &str) -> (usize, usize) {
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

fn is_blank(text: &str) -> bool {
    text.bytes().all(|b| b == b' ' || b == b'\t')
}

/// The text after at most 3 columns of indentation, or `None` when indented
/// more (indented code or a paragraph continuation).
fn after_indent(text: &str) -> Option<&str> {
    let (cols, bytes) = indentation(text);
    (cols < 4).then(|| &text[bytes..])
}

/// Where a shortcode tag starts on a line: after at most 3 spaces, `{{` or
/// `{%`.
fn tag_start(text: &str) -> Option<usize> {
    let rest = after_indent(text)?;
    (rest.starts_with("{{") || rest.starts_with("{%")).then(|| text.len() - rest.len())
}

fn is_atx_heading(rest: &str) -> bool {
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && matches!(rest.as_bytes().get(hashes), None | Some(b' ' | b'\t'))
}

fn is_thematic_break(rest: &str) -> bool {
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

fn is_setext_underline(rest: &str) -> bool {
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
struct Fence {
    ch: u8,
    len: usize,
    /// Column of the content of the list item the fence was opened in, if
    /// opened right after list markers.
    list_col: Option<usize>,
}

impl Fence {
    /// An opening fence, possibly after list markers (`- ```` ``` ````).
    fn open(text: &str) -> Option<Fence> {
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
    fn closed_by(&self, text: &str) -> bool {
        let (cols, bytes) = indentation(text);
        let max = self.list_col.unwrap_or(0) + 3;
        let rest = &text[bytes..];
        let run = rest.bytes().take_while(|&b| b == self.ch).count();
        cols <= max && run >= self.len && is_blank(&rest[run..])
    }

    /// Whether this line ends the list item the fence was opened in (and so
    /// the fence), without being part of it.
    fn left_by(&self, text: &str) -> bool {
        self.list_col
            .is_some_and(|col| !is_blank(text) && indentation(text).0 < col)
    }
}

/// The end marker of a raw HTML block (CommonMark types 1 to 5), if the line
/// starts one.
fn html_block_end(rest: &str) -> Option<&'static str> {
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

fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Whether a line ends the paragraph before it (it is blank or starts
/// another block).
fn ends_paragraph(text: &str) -> bool {
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

// ---------------------------------------------------------------------------
// Scanning: which lines are shortcode tags

/// A `{{`/`{%` line outside code, parsed.
struct Tag {
    /// Start of the line.
    line_start: usize,
    /// Start of the next line.
    line_next: usize,
    kind: TagKind,
}

enum TagKind {
    Inline(Shortcode),
    /// An opening block tag; its span is the tag alone, its body `None`.
    Open(Shortcode),
    /// A `{% end %}` tag, with its span.
    End(Range<usize>),
    /// A line that does not parse, with what it was meant as.
    Malformed {
        intent: Intent,
        error: ShortcodeError,
    },
}

/// What a malformed line was meant as: it still opens or closes a block, so
/// one mistake gives one error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Intent {
    /// `{{ …`
    Inline,
    /// `{% …`, not an end tag.
    Open,
    /// `{% end…`
    End,
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

struct Scanner<'a> {
    body: &'a str,
    lines: &'a [Line],
    tags: Vec<Tag>,
}

impl<'a> Scanner<'a> {
    fn text(&self, index: usize) -> &'a str {
        let line = self.lines[index];
        &self.body[line.start..line.end]
    }

    fn run(mut self) -> Vec<Tag> {
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
        let bytes = self.body.as_bytes();
        let mut runs = Vec::new();
        for index in lines.clone() {
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
}

// ---------------------------------------------------------------------------
// Parsing one tag

/// A position in a tag's line.
struct Cursor<'a> {
    src: &'a str,
    pos: usize,
    /// End of the line's text.
    end: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.src[self.pos..self.end]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn eat(&mut self, text: &str) -> bool {
        let found = self.rest().starts_with(text);
        if found {
            self.pos += text.len();
        }
        found
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.pos += 1;
        }
    }

    /// The span of the character under the cursor; at the end of the line,
    /// an empty span just after the last non-blank character.
    fn here(&self) -> Range<usize> {
        match self.peek() {
            Some(c) => self.pos..self.pos + c.len_utf8(),
            None => {
                let at = self.src[..self.end].trim_end_matches([' ', '\t']).len();
                at..at
            }
        }
    }

    fn fail<T>(&self, why: Malformed) -> Result<T, ShortcodeError> {
        Err(ShortcodeError::malformed(self.here(), why))
    }
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_lowercase() || c == '_'
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-'
}

fn is_typographic_quote(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '‹'
            | '›'
            | '″'
            | '＂'
    )
}

/// Parses the tag starting at `start` (on `{{` or `{%`) and running to `end`,
/// the end of its line's text.
fn parse_tag(src: &str, start: usize, end: usize) -> TagKind {
    let block = src[start..end].starts_with("{%");
    match parse_tag_inner(src, start, end, block) {
        Ok(kind) => kind,
        Err(error) => {
            let intent = if !block {
                Intent::Inline
            } else if is_end_keyword(src[start + 2..end].trim_start_matches([' ', '\t'])) {
                Intent::End
            } else {
                Intent::Open
            };
            TagKind::Malformed { intent, error }
        }
    }
}

/// Whether a block tag's text (after `{%` and spaces) is the `end` keyword.
fn is_end_keyword(rest: &str) -> bool {
    rest.strip_prefix("end")
        .is_some_and(|after| !after.chars().next().is_some_and(is_name_char))
}

fn parse_tag_inner(
    src: &str,
    start: usize,
    end: usize,
    block: bool,
) -> Result<TagKind, ShortcodeError> {
    let mut c = Cursor {
        src,
        pos: start + 2,
        end,
    };
    let close = if block { "%}" } else { "}}" };
    c.skip_spaces();
    if block && is_end_keyword(c.rest()) {
        c.pos += 3;
        c.skip_spaces();
        if c.peek() == Some('(') {
            return c.fail(Malformed::EndWithArguments);
        }
        expect_close(&mut c, close)?;
        let span = start..c.pos;
        expect_line_end(&mut c)?;
        return Ok(TagKind::End(span));
    }
    let (name, name_span) = match c.peek() {
        Some(ch) if is_name_start(ch) || ch.is_alphanumeric() => {
            parse_name(&mut c, Malformed::InvalidName)?
        }
        _ => return c.fail(Malformed::ExpectedName),
    };
    c.skip_spaces();
    if !c.eat("(") {
        return c.fail(Malformed::ExpectedOpenParen);
    }
    let args = parse_args(&mut c)?;
    c.skip_spaces();
    expect_close(&mut c, close)?;
    let span = start..c.pos;
    expect_line_end(&mut c)?;
    let shortcode = Shortcode {
        name,
        name_span,
        args,
        span,
        body: None,
    };
    Ok(if block {
        TagKind::Open(shortcode)
    } else {
        TagKind::Inline(shortcode)
    })
}

fn expect_close(c: &mut Cursor, close: &'static str) -> Result<(), ShortcodeError> {
    if c.eat(close) {
        return Ok(());
    }
    let rest = c.rest();
    let span = if rest.starts_with("}}") || rest.starts_with("%}") {
        c.pos..c.pos + 2
    } else {
        c.here()
    };
    Err(ShortcodeError::malformed(
        span,
        Malformed::ExpectedClose { delimiter: close },
    ))
}

fn expect_line_end(c: &mut Cursor) -> Result<(), ShortcodeError> {
    c.skip_spaces();
    if c.pos < c.end {
        let at = c.src[..c.end].trim_end_matches([' ', '\t']).len();
        return Err(ShortcodeError::malformed(
            c.pos..at,
            Malformed::TrailingText,
        ));
    }
    Ok(())
}

/// A name, the cursor on its first character (a name start, or another
/// letter or digit to report with `invalid`).
fn parse_name(
    c: &mut Cursor,
    invalid: Malformed,
) -> Result<(String, Range<usize>), ShortcodeError> {
    let start = c.pos;
    if !c.peek().is_some_and(is_name_start) {
        return c.fail(invalid);
    }
    while let Some(ch) = c.peek() {
        if is_name_char(ch) {
            c.pos += 1;
        } else if ch.is_alphanumeric() {
            return c.fail(invalid);
        } else {
            break;
        }
    }
    Ok((c.src[start..c.pos].to_string(), start..c.pos))
}

/// The arguments, the cursor just after `(`; consumes the closing `)`.
fn parse_args(c: &mut Cursor) -> Result<Vec<Arg>, ShortcodeError> {
    let mut args: Vec<Arg> = Vec::new();
    loop {
        c.skip_spaces();
        match c.peek() {
            Some(')') => {
                c.pos += 1;
                return Ok(args);
            }
            Some(ch) if ch == '"' || ch == '\'' || is_typographic_quote(ch) => {
                return c.fail(Malformed::PositionalArgument);
            }
            Some(ch) if ch.is_ascii_digit() || ch == '-' => {
                return c.fail(Malformed::PositionalArgument);
            }
            Some(ch) if ch.is_alphanumeric() || ch == '_' => {}
            None | Some('}' | '%') => return c.fail(Malformed::ExpectedCloseParen),
            Some(_) => return c.fail(Malformed::ExpectedArgumentName),
        }
        let (name, name_span) = parse_name(c, Malformed::InvalidArgumentName)?;
        if args.iter().any(|arg| arg.name == name) {
            return Err(ShortcodeError::new(
                name_span,
                ShortcodeErrorKind::DuplicateArgument { name },
            ));
        }
        c.skip_spaces();
        if !c.eat("=") {
            return c.fail(Malformed::ExpectedEquals);
        }
        c.skip_spaces();
        let (value, value_span) = parse_value(c, &name)?;
        args.push(Arg {
            name,
            name_span,
            value,
            value_span,
        });
        c.skip_spaces();
        match c.peek() {
            Some(',') => c.pos += 1,
            Some(')') => {
                c.pos += 1;
                return Ok(args);
            }
            Some(ch)
                if ch.is_alphanumeric()
                    || ch == '_'
                    || ch == '"'
                    || ch == '\''
                    || is_typographic_quote(ch) =>
            {
                return c.fail(Malformed::ExpectedComma);
            }
            _ => return c.fail(Malformed::ExpectedCloseParen),
        }
    }
}

/// A value, the cursor on its first character.
fn parse_value(c: &mut Cursor, arg: &str) -> Result<(ArgValue, Range<usize>), ShortcodeError> {
    let start = c.pos;
    match c.peek() {
        Some(quote @ ('"' | '\'')) => {
            c.pos += 1;
            let mut text = String::new();
            loop {
                let Some(ch) = c.peek() else {
                    return Err(ShortcodeError::malformed(
                        start..start + 1,
                        Malformed::UnclosedQuote,
                    ));
                };
                c.pos += ch.len_utf8();
                if ch == quote {
                    return Ok((ArgValue::Str(text), start..c.pos));
                }
                if ch == '\\'
                    && let Some(next) = c.peek().filter(|&n| n == quote || n == '\\')
                {
                    c.pos += 1;
                    text.push(next);
                    continue;
                }
                text.push(ch);
            }
        }
        Some(ch) if is_typographic_quote(ch) => c.fail(Malformed::TypographicQuote),
        _ => {
            while let Some(ch) = c.peek() {
                let rest = c.rest();
                if ch.is_whitespace()
                    || matches!(ch, ',' | '(' | ')' | '"' | '\'')
                    || rest.starts_with("}}")
                    || rest.starts_with("%}")
                {
                    break;
                }
                c.pos += ch.len_utf8();
            }
            if c.pos == start {
                return c.fail(Malformed::ExpectedValue);
            }
            let span = start..c.pos;
            let token = &c.src[span.clone()];
            let value = bare_value(token).map_err(|why| {
                ShortcodeError::malformed(
                    span.clone(),
                    match why {
                        None => Malformed::UnquotedText {
                            arg: arg.to_string(),
                            text: token.to_string(),
                        },
                        Some(why) => why,
                    },
                )
            })?;
            Ok((value, span))
        }
    }
}

/// An unquoted value: a boolean or a number. `Err(None)` for anything else
/// (a text that needs quotes).
fn bare_value(token: &str) -> Result<ArgValue, Option<Malformed>> {
    match token {
        "true" => return Ok(ArgValue::Bool(true)),
        "false" => return Ok(ArgValue::Bool(false)),
        _ => {}
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = token.strip_prefix('-').unwrap_or(token);
    if digits(unsigned) {
        return token
            .parse()
            .map(ArgValue::Int)
            .map_err(|_| Some(Malformed::NumberOutOfRange));
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => digits(mantissa) && exponent.is_some(),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        digits(
            e.strip_prefix('-')
                .or_else(|| e.strip_prefix('+'))
                .unwrap_or(e),
        )
    });
    if !(mantissa_ok && exponent_ok) {
        return Err(None);
    }
    match token.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(ArgValue::Float(value)),
        _ => Err(Some(Malformed::NumberOutOfRange)),
    }
}

// ---------------------------------------------------------------------------
// Assembling blocks

fn assemble(tags: Vec<Tag>) -> (Vec<Shortcode>, Vec<ShortcodeError>) {
    let closes = |kind: &TagKind| {
        matches!(
            kind,
            TagKind::End(_)
                | TagKind::Malformed {
                    intent: Intent::End,
                    ..
                }
        )
    };
    // For each tag, the index of the first end tag (even malformed) after it.
    let mut next_end = vec![None; tags.len()];
    let mut following = None;
    for (k, tag) in tags.iter().enumerate().rev() {
        next_end[k] = following;
        if closes(&tag.kind) {
            following = Some(k);
        }
    }
    let mut shortcodes = Vec::new();
    let mut errors = Vec::new();
    let mut iter = tags.into_iter().enumerate();
    while let Some((k, tag)) = iter.next() {
        // The opening tag of a block, `None` when it is malformed.
        let (mut block, name) = match tag.kind {
            TagKind::Inline(shortcode) => {
                shortcodes.push(shortcode);
                continue;
            }
            TagKind::End(span) => {
                errors.push(ShortcodeError::new(span, ShortcodeErrorKind::UnexpectedEnd));
                continue;
            }
            TagKind::Malformed { intent, error } => {
                errors.push(error);
                if intent != Intent::Open {
                    continue;
                }
                (None, None)
            }
            TagKind::Open(block) => {
                let name = block.name.clone();
                (Some(block), Some(name))
            }
        };
        // No end tag anywhere after: the lines after the opening tag are
        // parsed as if it were not there.
        let Some(last) = next_end[k] else {
            if let Some(block) = block {
                errors.push(ShortcodeError::new(
                    block.span,
                    ShortcodeErrorKind::Unterminated { name: block.name },
                ));
            }
            continue;
        };
        for (_, inner) in iter.by_ref().take(last - k) {
            match inner.kind {
                TagKind::Open(nested) => {
                    if let Some(outer) = &name {
                        errors.push(ShortcodeError::new(
                            nested.span,
                            ShortcodeErrorKind::Nested {
                                name: nested.name,
                                outer: outer.clone(),
                            },
                        ));
                    }
                }
                // A malformed opening tag in a body is one more line of it.
                TagKind::Malformed {
                    intent: Intent::Open,
                    error,
                } => errors.push(error),
                // A malformed end tag still ends the block, which then stays
                // Markdown text.
                TagKind::Malformed {
                    intent: Intent::End,
                    error,
                } => {
                    errors.push(error);
                    block = None;
                }
                TagKind::End(span) => {
                    if let Some(block) = &mut block {
                        block.span.end = span.end;
                        block.body = Some(tag.line_next..inner.line_start);
                    }
                }
                // Inline shortcodes in a body are raw text.
                TagKind::Inline(_)
                | TagKind::Malformed {
                    intent: Intent::Inline,
                    ..
                } => {}
            }
        }
        shortcodes.extend(block);
    }
    (shortcodes, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_without_shortcode_skips_the_scan_with_the_same_result() {
        for body in [
            "",
            "Un paragraphe.\n",
            "Des { accolades } et un % seul, `{ code }`.\n\n```\n{ x }\n```\n",
            "Fin sur une accolade {",
        ] {
            assert!(!has_tag_opener(body), "{body:?}");
            let lines = split_lines(body);
            let scanned = Scanner {
                body,
                lines: &lines,
                tags: Vec::new(),
            }
            .run();
            assert!(scanned.is_empty(), "{body:?}");
            let (segments, errors) = parse(body);
            assert!(errors.is_empty());
            match segments.as_slice() {
                [] => assert!(body.is_empty()),
                [Segment::Markdown(r)] => assert_eq!(*r, 0..body.len()),
                other => panic!("{other:?}"),
            }
        }
        for body in ["{{ chiffre() }}\n", "a {% b", "x{{"] {
            assert!(has_tag_opener(body), "{body:?}");
        }
    }

    // -- helpers ------------------------------------------------------------

    /// Parses and checks the invariants every result must keep: segments
    /// cover the body in order without overlap or empty Markdown, every span
    /// is inside the body on character boundaries.
    fn check(body: &str) -> (Vec<Segment>, Vec<ShortcodeError>) {
        let (segments, errors) = parse(body);
        let slice_ok = |r: &Range<usize>| r.start <= r.end && body.get(r.clone()).is_some();
        let mut pos = 0;
        let mut previous_markdown = false;
        for segment in &segments {
            let range = match segment {
                Segment::Markdown(range) => {
                    assert!(
                        !previous_markdown,
                        "two Markdown segments in a row: {body:?}"
                    );
                    assert!(!range.is_empty(), "empty Markdown segment: {body:?}");
                    previous_markdown = true;
                    range.clone()
                }
                Segment::Shortcode(sc) => {
                    previous_markdown = false;
                    for r in [&sc.name_span, &sc.span] {
                        assert!(slice_ok(r));
                    }
                    assert_eq!(&body[sc.name_span.clone()], sc.name);
                    assert!(sc.span.start < sc.name_span.start && sc.name_span.end < sc.span.end);
                    for arg in &sc.args {
                        assert!(slice_ok(&arg.name_span) && slice_ok(&arg.value_span));
                        assert_eq!(&body[arg.name_span.clone()], arg.name);
                        assert!(sc.span.start < arg.name_span.start);
                        assert!(arg.value_span.end < sc.span.end);
                    }
                    if let Some(inner) = &sc.body {
                        assert!(slice_ok(inner));
                        assert!(sc.span.start < inner.start && inner.end < sc.span.end);
                        assert!(body[sc.span.start..inner.start].ends_with('\n'));
                        assert!(body[inner.end..sc.span.end].trim_start().starts_with("{%"));
                        assert!(body[sc.span.clone()].ends_with("%}"));
                    } else {
                        assert!(body[sc.span.clone()].ends_with("}}"));
                    }
                    assert!(body[sc.span.clone()].starts_with('{'));
                    sc.span.clone()
                }
            };
            assert_eq!(range.start, pos, "segments not contiguous: {body:?}");
            assert!(slice_ok(&range));
            pos = range.end;
        }
        assert_eq!(pos, body.len(), "segments do not reach the end: {body:?}");
        for error in &errors {
            assert!(
                slice_ok(&error.span),
                "bad error span {error:?} in {body:?}"
            );
            for lang in [Language::Fr, Language::En] {
                assert!(!error.message(lang).is_empty());
                assert!(!error.help(lang).is_empty());
            }
            assert!(error.code().starts_with("shortcode-"));
        }
        (segments, errors)
    }

    fn shortcodes(segments: &[Segment]) -> Vec<&Shortcode> {
        segments
            .iter()
            .filter_map(|segment| match segment {
                Segment::Shortcode(sc) => Some(sc),
                Segment::Markdown(_) => None,
            })
            .collect()
    }

    /// Parses a body that must have no error; returns its shortcodes.
    fn ok(body: &str) -> Vec<Shortcode> {
        let (segments, errors) = check(body);
        assert_eq!(errors, vec![], "unexpected errors in {body:?}");
        shortcodes(&segments).into_iter().cloned().collect()
    }

    /// The names of the shortcodes of an error-free body.
    fn names(body: &str) -> Vec<String> {
        ok(body).into_iter().map(|sc| sc.name).collect()
    }

    /// Segments as readable strings: `md:<text>` or `sc:<shortcode text>`.
    fn describe(body: &str, segments: &[Segment]) -> Vec<String> {
        segments
            .iter()
            .map(|segment| match segment {
                Segment::Markdown(r) => format!("md:{}", &body[r.clone()]),
                Segment::Shortcode(sc) => format!("sc:{}", &body[sc.span.clone()]),
            })
            .collect()
    }

    /// The only error of a body: (sliced span, code, French message).
    fn only_error(body: &str) -> (String, &'static str, String) {
        let (_, errors) = check(body);
        assert_eq!(
            errors.len(),
            1,
            "expected one error in {body:?}: {errors:?}"
        );
        let error = &errors[0];
        (
            body[error.span.clone()].to_string(),
            error.code(),
            error.message(Language::Fr),
        )
    }

    fn malformed(body: &str) -> (String, Malformed) {
        let (_, errors) = check(body);
        assert_eq!(
            errors.len(),
            1,
            "expected one error in {body:?}: {errors:?}"
        );
        match &errors[0].kind {
            ShortcodeErrorKind::Malformed(why) => {
                (body[errors[0].span.clone()].to_string(), why.clone())
            }
            other => panic!("not malformed: {other:?}"),
        }
    }

    fn text(value: &str) -> ArgValue {
        ArgValue::Str(value.to_string())
    }

    // -- forms ----------------------------------------------------------------

    #[test]
    fn empty_body_has_no_segment() {
        assert_eq!(parse(""), (vec![], vec![]));
    }

    #[test]
    fn body_without_shortcodes_is_one_markdown_segment() {
        let body = "# Titre\n\nUn paragraphe { avec } des accolades.\n";
        assert_eq!(
            parse(body),
            (vec![Segment::Markdown(0..body.len())], vec![])
        );
    }

    #[test]
    fn inline_forms() {
        let body = "Intro.\n\n{{ interview() }}\n{{ interview(questions=\"2-3\") }}\n\
                    {{ testimonials(id=\"volontaires\") }}\n{{ quote(id=\"sens\") }}\n";
        let (segments, errors) = check(body);
        assert_eq!(errors, vec![]);
        assert_eq!(
            describe(body, &segments),
            [
                "md:Intro.\n\n",
                "sc:{{ interview() }}",
                "md:\n",
                "sc:{{ interview(questions=\"2-3\") }}",
                "md:\n",
                "sc:{{ testimonials(id=\"volontaires\") }}",
                "md:\n",
                "sc:{{ quote(id=\"sens\") }}",
                "md:\n",
            ]
        );
        let all = shortcodes(&segments);
        assert_eq!(
            *all[0],
            Shortcode {
                name: "interview".to_string(),
                name_span: 11..20,
                args: vec![],
                span: 8..25,
                body: None,
            }
        );
        let questions = all[1].arg("questions").unwrap();
        assert_eq!(questions.value, text("2-3"));
        assert_eq!(&body[questions.name_span.clone()], "questions");
        assert_eq!(&body[questions.value_span.clone()], "\"2-3\"");
        assert_eq!(all[1].arg("id"), None);
        assert!(!all[1].is_block());
        assert_eq!(all[2].name, "testimonials");
        assert_eq!(all[2].arg("id").unwrap().value, text("volontaires"));
        assert_eq!(all[3].name, "quote");
        assert_eq!(all[3].arg("id").unwrap().value, text("sens"));
    }

    #[test]
    fn block_form() {
        let body = "Avant.\n{% aside(title=\"À savoir\") %}\nA boxed note with **Markdown** inside,\n\
                    over several lines.\n{% end %}\nAprès.";
        let (segments, errors) = check(body);
        assert_eq!(errors, vec![]);
        assert_eq!(
            describe(body, &segments),
            [
                "md:Avant.\n",
                "sc:{% aside(title=\"À savoir\") %}\nA boxed note with **Markdown** inside,\n\
                 over several lines.\n{% end %}",
                "md:\nAprès.",
            ]
        );
        let aside = shortcodes(&segments)[0];
        assert!(aside.is_block());
        assert_eq!(aside.name, "aside");
        assert_eq!(&body[aside.name_span.clone()], "aside");
        assert_eq!(
            &body[aside.body.clone().unwrap()],
            "A boxed note with **Markdown** inside,\nover several lines.\n"
        );
        let title = aside.arg("title").unwrap();
        assert_eq!(title.value, text("À savoir"));
        assert_eq!(&body[title.value_span.clone()], "\"À savoir\"");
    }

    #[test]
    fn block_with_empty_body_and_indented_end() {
        let body = "{% aside() %}\n  {% end %}  \n";
        let all = ok(body);
        assert_eq!(all[0].span, 0..25);
        assert_eq!(all[0].body, Some(14..14));
        let (segments, _) = check(body);
        assert_eq!(
            describe(body, &segments),
            ["sc:{% aside() %}\n  {% end %}", "md:  \n"]
        );
    }

    #[test]
    fn arguments_of_every_type() {
        let body = "{{ x( s = \"a \\\"b\\\" \\\\ c\\d\" , t='l\\'été \"ok\"', i=-42, big=9223372036854775807, \
                    f=2.5, e=1e3, neg=-0.25, yes=true, no=false, ) }}";
        let all = ok(body);
        let args: Vec<(&str, &ArgValue, &str)> = all[0]
            .args
            .iter()
            .map(|a| (a.name.as_str(), &a.value, &body[a.value_span.clone()]))
            .collect();
        assert_eq!(
            args,
            [
                ("s", &text("a \"b\" \\ c\\d"), "\"a \\\"b\\\" \\\\ c\\d\""),
                ("t", &text("l'été \"ok\""), "'l\\'été \"ok\"'"),
                ("i", &ArgValue::Int(-42), "-42"),
                ("big", &ArgValue::Int(i64::MAX), "9223372036854775807"),
                ("f", &ArgValue::Float(2.5), "2.5"),
                ("e", &ArgValue::Float(1000.0), "1e3"),
                ("neg", &ArgValue::Float(-0.25), "-0.25"),
                ("yes", &ArgValue::Bool(true), "true"),
                ("no", &ArgValue::Bool(false), "false"),
            ]
        );
    }

    #[test]
    fn names_and_spacing() {
        assert_eq!(names("{{interview()}}"), ["interview"]);
        assert_eq!(names("{{ interview( ) }}"), ["interview"]);
        assert_eq!(names("{{\tmy-block_2 (\tk_1-x = 1\t) }}"), ["my-block_2"]);
        assert_eq!(names("{{ _x() }}"), ["_x"]);
        assert_eq!(names("{%aside()%}\nx\n{%end%}"), ["aside"]);
        assert_eq!(names("{% aside ( ) %}\nx\n{%   end   %}\n"), ["aside"]);
        // `end…` is an ordinary name when it is longer than `end`.
        assert_eq!(names("{% endnote() %}\nx\n{% end %}"), ["endnote"]);
    }

    #[test]
    fn indentation_up_to_three_spaces_and_trailing_spaces() {
        let body = "   {{ quote(id=\"a\") }}   \nTexte\n {% aside() %}\t\nx\n  {% end %} \n";
        let (segments, errors) = check(body);
        assert_eq!(errors, vec![]);
        assert_eq!(
            describe(body, &segments),
            [
                "md:   ",
                "sc:{{ quote(id=\"a\") }}",
                "md:   \nTexte\n ",
                "sc:{% aside() %}\t\nx\n  {% end %}",
                "md: \n",
            ]
        );
    }

    #[test]
    fn four_spaces_or_a_tab_is_not_a_shortcode() {
        // Indented code at the start and after a blank line.
        assert_eq!(names("    {{ quote() }}\n"), Vec::<String>::new());
        assert_eq!(names("Texte\n\n    {{ quote() }}\n\n{{ a() }}\n"), ["a"]);
        assert_eq!(names("\t{{ quote() }}\n"), Vec::<String>::new());
        assert_eq!(names("  \t{{ quote() }}\n"), Vec::<String>::new());
        // A paragraph continuation indented by 4 is text as well.
        assert_eq!(names("Texte\n    {{ quote() }}\n"), Vec::<String>::new());
        // Indented code goes on over blank lines and stops at a line
        // indented less.
        assert_eq!(
            names("{{ a() }}\n\n    {{ b() }}\n\n\tc\n{{ c() }}\n"),
            ["a", "c"]
        );
    }

    #[test]
    fn crlf_line_ends() {
        let body = "Intro\r\n{{ quote(id=\"sens\") }}\r\n{% aside(title=\"À savoir\") %}\r\n\
                    Corps\r\n\r\n{% end %}\r\nFin\r\n";
        let (segments, errors) = check(body);
        assert_eq!(errors, vec![]);
        assert_eq!(
            describe(body, &segments),
            [
                "md:Intro\r\n",
                "sc:{{ quote(id=\"sens\") }}",
                "md:\r\n",
                "sc:{% aside(title=\"À savoir\") %}\r\nCorps\r\n\r\n{% end %}",
                "md:\r\nFin\r\n",
            ]
        );
        let aside = shortcodes(&segments)[1];
        assert_eq!(&body[aside.body.clone().unwrap()], "Corps\r\n\r\n");
    }

    #[test]
    fn crlf_in_code_and_errors() {
        let body = "```\r\n{{ a() }}\r\n```\r\n{{ b(x=1) }}\r\n{{ c(id=y) }}\r\n{% d() %}\r\n";
        let (segments, errors) = check(body);
        assert_eq!(
            shortcodes(&segments)
                .iter()
                .map(|sc| sc.name.as_str())
                .collect::<Vec<_>>(),
            ["b"]
        );
        let spans: Vec<&str> = errors.iter().map(|e| &body[e.span.clone()]).collect();
        assert_eq!(spans, ["y", "{% d() %}"]);
    }

    #[test]
    fn multibyte_text_and_arguments() {
        let body = "Été 2024 : « Œuvres » 🎉\n\
                    {{ quote(titre=\"Ça va ? 🎉 « oui »\", id='çà') }}\n\
                    Fin — 😀\n";
        let all = ok(body);
        let quote = &all[0];
        assert_eq!(
            &body[quote.span.clone()],
            "{{ quote(titre=\"Ça va ? 🎉 « oui »\", id='çà') }}"
        );
        assert_eq!(&body[quote.name_span.clone()], "quote");
        let titre = quote.arg("titre").unwrap();
        assert_eq!(titre.value, text("Ça va ? 🎉 « oui »"));
        assert_eq!(&body[titre.value_span.clone()], "\"Ça va ? 🎉 « oui »\"");
        let id = quote.arg("id").unwrap();
        assert_eq!(&body[id.name_span.clone()], "id");
        assert_eq!(&body[id.value_span.clone()], "'çà'");
        assert_eq!(id.value, text("çà"));
    }

    // -- code is text ------------------------------------------------------------

    #[test]
    fn fenced_code_blocks_are_text() {
        let body = "Avant\n```md\n{{ quote(id=\"sens\") }}\n{% aside() %}\n```\n\
                    ~~~~\n{{ quote() }}\n~~~\n```\nstill code\n~~~~~\n\
                    {{ quote(id=\"après\") }}\n";
        let all = ok(body);
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].arg("id").unwrap().value, text("après"));
    }

    #[test]
    fn fence_rules() {
        // Up to 3 spaces of indentation, closing fence at least as long.
        assert_eq!(names("   ```\n{{ a() }}\n  ````  \n{{ b() }}\n"), ["b"]);
        assert_eq!(
            names("````\n{{ a() }}\n```\n{{ b() }}\n````\n{{ c() }}"),
            ["c"]
        );
        // A closing fence with text after it does not close.
        assert_eq!(
            names("```\n{{ a() }}\n``` x\n{{ b() }}\n```\n{{ c() }}"),
            ["c"]
        );
        // Four spaces: indented code, not a fence.
        assert_eq!(names("\n    ```\n{{ y() }}\n"), ["y"]);
        // Two characters are not a fence.
        assert_eq!(names("``\n{{ y() }}\n"), ["y"]);
        // A backtick fence cannot have a backtick in its info string.
        assert_eq!(names("``` a`b\n{{ y() }}\n"), ["y"]);
        // A tilde fence can.
        assert_eq!(names("~~~ a`b\n{{ y() }}\n"), Vec::<String>::new());
        // A fence interrupts a paragraph.
        assert_eq!(names("Texte\n```\n{{ y() }}\n```\n"), Vec::<String>::new());
    }

    #[test]
    fn unclosed_fence_runs_to_the_end() {
        let body = "{{ a() }}\n```\n{{ quote() }}\n{% end %}\n{{ cassé\n";
        assert_eq!(names(body), ["a"]);
    }

    #[test]
    fn fence_in_a_list_item() {
        assert_eq!(names("- ```\n  {{ x() }}\n  ```\n{{ y() }}\n"), ["y"]);
        assert_eq!(names("1. ~~~\n   {{ x() }}\n   ~~~\n{{ y() }}\n"), ["y"]);
        // A line indented less than the item's content ends the item, and so
        // the fence.
        assert_eq!(names("- ```\n  {{ x() }}\n{{ y() }}\n"), ["y"]);
        // Blank lines do not.
        assert_eq!(names("- ```\n\n  {{ x() }}\n  ```\n"), Vec::<String>::new());
    }

    #[test]
    fn end_tag_inside_a_fence_of_a_block_body_is_text() {
        let body = "{% aside() %}\n```\n{% end %}\n```\n{% end %}\n";
        let all = ok(body);
        assert_eq!(&body[all[0].body.clone().unwrap()], "```\n{% end %}\n```\n");
    }

    #[test]
    fn multi_line_code_spans_are_text() {
        // Opened on an earlier line of the paragraph, closed after.
        assert_eq!(
            names("Le code `début\n{{ quote() }}\nfin` continue.\n"),
            Vec::<String>::new()
        );
        // A run of 2 closes only with a run of exactly 2.
        assert_eq!(
            names("Deux ``a ` b\n{{ quote() }}\nc```d``\n"),
            Vec::<String>::new()
        );
        // On a single line.
        assert_eq!(
            names("Écrivez `{{ quote() }}` pour citer.\n"),
            Vec::<String>::new()
        );
        // A `{% end %}` inside a code span does not close the block.
        let body = "{% aside() %}\nvoir `a\n{% end %}\nb`\n{% end %}\n";
        assert_eq!(
            &body[ok(body)[0].body.clone().unwrap()],
            "voir `a\n{% end %}\nb`\n"
        );
    }

    #[test]
    fn unmatched_backticks_do_not_hide_shortcodes() {
        // A backtick with no closer is literal.
        assert_eq!(names("Un accent grave ` seul\n{{ quote() }}\n"), ["quote"]);
        // A span closed on its own line.
        assert_eq!(names("a `b` c\n{{ quote() }}\n"), ["quote"]);
        // A run of 2 with only single backticks after it.
        assert_eq!(names("Deux ``a\n{{ quote() }}\nc`\n"), ["quote"]);
        // A span cannot cross a blank line.
        assert_eq!(names("a `b\n\n{{ quote() }}\nc`\n"), ["quote"]);
        // A span cannot cross a heading.
        assert_eq!(names("# Titre `\n{{ quote() }}\nsuite `\n"), ["quote"]);
        // An escaped backtick opens nothing.
        assert_eq!(names("a \\`b\n{{ quote() }}\nc`\n"), ["quote"]);
        // But an escaped backslash does not escape the backtick.
        assert_eq!(names("a \\\\`b\n{{ quote() }}\nc`\n"), Vec::<String>::new());
        // Backticks on a shortcode line open nothing.
        assert_eq!(
            names("{{ quote(id=\"`\") }}\n{{ quote(id=\"x\") }}\nfin `\n"),
            ["quote", "quote"]
        );
    }

    #[test]
    fn html_comments_and_raw_html_are_text() {
        assert_eq!(
            names("<!--\n{{ quote() }}\n-->\n{{ quote(id=\"x\") }}\n"),
            ["quote"]
        );
        assert_eq!(names("<!-- une ligne -->\n{{ a() }}\n"), ["a"]);
        assert_eq!(
            names("<PRE class=\"x\">\n{{ a() }}\n</pre>\n{{ b() }}\n"),
            ["b"]
        );
        assert_eq!(names("Texte\n<!--\n{{ a() }}\n-->\n{{ b() }}\n"), ["b"]);
    }

    #[test]
    fn other_blocks_are_not_shortcodes() {
        assert_eq!(
            names("> {{ quote() }}\n- {{ quote() }}\nTexte {{ quote() }}\n# {{ quote() }}\n"),
            Vec::<String>::new()
        );
        // A setext underline belongs to its heading.
        assert_eq!(names("Titre\n===\n{{ a() }}\n---\n{{ b() }}"), ["a", "b"]);
    }

    // -- blocks ---------------------------------------------------------------

    #[test]
    fn shortcodes_inside_a_block_body_are_not_parsed() {
        let body = "{% aside() %}\n{{ quote(id=\"sens\") }}\n{{ cassé\n{% end %}\n";
        let all = ok(body);
        assert_eq!(all.len(), 1);
        assert_eq!(
            &body[all[0].body.clone().unwrap()],
            "{{ quote(id=\"sens\") }}\n{{ cassé\n"
        );
    }

    #[test]
    fn consecutive_blocks() {
        let body = "{% a() %}\nx\n{% end %}\n{% b(n=1) %}\ny\n{% end %}";
        let (segments, errors) = check(body);
        assert_eq!(errors, vec![]);
        assert_eq!(
            describe(body, &segments),
            [
                "sc:{% a() %}\nx\n{% end %}",
                "md:\n",
                "sc:{% b(n=1) %}\ny\n{% end %}"
            ]
        );
    }

    // -- errors ---------------------------------------------------------------

    #[test]
    fn malformed_names() {
        assert_eq!(
            malformed("{{ }}"),
            ("}".to_string(), Malformed::ExpectedName)
        );
        assert_eq!(
            malformed("{% -x() %}"),
            ("-".to_string(), Malformed::ExpectedName)
        );
        assert_eq!(
            malformed("{{ Quote() }}"),
            ("Q".to_string(), Malformed::InvalidName)
        );
        assert_eq!(
            malformed("{{ 2x() }}"),
            ("2".to_string(), Malformed::InvalidName)
        );
        assert_eq!(
            malformed("{{ citation_é() }}"),
            ("é".to_string(), Malformed::InvalidName)
        );
        assert_eq!(
            malformed("{{ Bonjour }}"),
            ("B".to_string(), Malformed::InvalidName)
        );
        assert_eq!(
            malformed("{{ interview }}"),
            ("}".to_string(), Malformed::ExpectedOpenParen)
        );
        assert_eq!(
            malformed("{% aside %}\nx\n{% end %}"),
            ("%".to_string(), Malformed::ExpectedOpenParen)
        );
        assert_eq!(malformed("{{ quote.x() }}").1, Malformed::ExpectedOpenParen);
    }

    #[test]
    fn missing_things_at_the_end_of_the_line() {
        // An empty span just after the last non-blank character.
        let body = "Texte\n{{   \nSuite";
        let (_, errors) = check(body);
        assert_eq!(
            errors,
            [ShortcodeError {
                span: 8..8,
                kind: ShortcodeErrorKind::Malformed(Malformed::ExpectedName),
            }]
        );
        let body = "{{ quote(id=\"sens\"  \r\n";
        let (_, errors) = check(body);
        assert_eq!(errors[0].span, 18..18);
        assert_eq!(
            errors[0].kind,
            ShortcodeErrorKind::Malformed(Malformed::ExpectedCloseParen)
        );
        let (_, errors) = check("{{ quote()");
        assert_eq!(errors[0].span, 10..10);
        assert_eq!(
            errors[0].kind,
            ShortcodeErrorKind::Malformed(Malformed::ExpectedClose { delimiter: "}}" })
        );
    }

    #[test]
    fn malformed_arguments() {
        let cases: Vec<(&str, &str, Malformed)> = vec![
            ("{{ quote(,) }}", ",", Malformed::ExpectedArgumentName),
            (
                "{{ quote(id=\"x\",,) }}",
                ",",
                Malformed::ExpectedArgumentName,
            ),
            ("{{ quote(Id=\"x\") }}", "I", Malformed::InvalidArgumentName),
            (
                "{{ quote(légende=\"x\") }}",
                "é",
                Malformed::InvalidArgumentName,
            ),
            ("{{ quote(\"sens\") }}", "\"", Malformed::PositionalArgument),
            ("{{ quote(3) }}", "3", Malformed::PositionalArgument),
            ("{{ quote(id: \"sens\") }}", ":", Malformed::ExpectedEquals),
            ("{{ quote(id) }}", ")", Malformed::ExpectedEquals),
            ("{{ quote(id=) }}", ")", Malformed::ExpectedValue),
            ("{{ quote(id= , x=1) }}", ",", Malformed::ExpectedValue),
            ("{{ quote(id=}}", "}", Malformed::ExpectedValue),
            ("{{ quote(id=“sens”) }}", "“", Malformed::TypographicQuote),
            ("{{ quote(id=« sens ») }}", "«", Malformed::TypographicQuote),
            (
                "{{ x(n=99999999999999999999) }}",
                "99999999999999999999",
                Malformed::NumberOutOfRange,
            ),
            ("{{ x(n=1e999) }}", "1e999", Malformed::NumberOutOfRange),
            ("{{ x(a=1 b=2) }}", "b", Malformed::ExpectedComma),
            ("{{ x(a=\"1\"\"2\") }}", "\"", Malformed::ExpectedComma),
            (
                "{{ quote(id=\"sens\" }}",
                "}",
                Malformed::ExpectedCloseParen,
            ),
            (
                "{% aside(title=\"x\" %}\nx\n{% end %}",
                "%",
                Malformed::ExpectedCloseParen,
            ),
            ("{{ quote( }}", "}", Malformed::ExpectedCloseParen),
            (
                "{{ quote(id=\"x\"; y=1) }}",
                ";",
                Malformed::ExpectedCloseParen,
            ),
        ];
        for (body, span, why) in cases {
            assert_eq!(malformed(body), (span.to_string(), why), "{body}");
        }
    }

    #[test]
    fn unquoted_text_value() {
        let body = "{{ testimonials(id=volontaires) }}";
        let (_, errors) = check(body);
        assert_eq!(&body[errors[0].span.clone()], "volontaires");
        assert_eq!(
            errors[0].kind,
            ShortcodeErrorKind::Malformed(Malformed::UnquotedText {
                arg: "id".to_string(),
                text: "volontaires".to_string(),
            })
        );
        assert_eq!(
            errors[0].message(Language::Fr),
            "shortcode mal formé : le texte « volontaires » doit être entre guillemets"
        );
        assert_eq!(
            errors[0].help(Language::Fr),
            "mettez-le entre guillemets : id=\"volontaires\""
        );
        assert_eq!(
            errors[0].help(Language::En),
            "put it in quotes: id=\"volontaires\""
        );
        // Anything that is not a number or a boolean is text.
        for (body, token) in [
            ("{{ x(v=1.5.3) }}", "1.5.3"),
            ("{{ x(v=True) }}", "True"),
            ("{{ x(v=.5) }}", ".5"),
            ("{{ x(v=5.) }}", "5."),
            ("{{ x(v=+1) }}", "+1"),
            ("{{ x(v=inf) }}", "inf"),
            ("{{ x(v=50%) }}", "50%"),
            ("{{ x(v=àé) }}", "àé"),
        ] {
            let (span, why) = malformed(body);
            assert_eq!(span, token, "{body}");
            assert!(matches!(why, Malformed::UnquotedText { .. }), "{body}");
        }
    }

    #[test]
    fn unclosed_quote_points_at_the_quote() {
        let body = "Déjà\n{{ quote(id=\"sens) }}\n";
        let (_, errors) = check(body);
        assert_eq!(errors[0].span, 19..20);
        assert_eq!(&body[errors[0].span.clone()], "\"");
        assert_eq!(
            errors[0].message(Language::Fr),
            "shortcode mal formé : guillemet jamais refermé"
        );
        // An escaped quote does not close.
        assert_eq!(
            malformed("{{ q(a='l\\') }}"),
            ("'".to_string(), Malformed::UnclosedQuote)
        );
        assert_eq!(
            malformed("{{ q(a=\"x\\\\\" b) }}").1,
            Malformed::ExpectedComma
        );
    }

    #[test]
    fn malformed_closing() {
        assert_eq!(
            malformed("{{ quote() %}"),
            (
                "%}".to_string(),
                Malformed::ExpectedClose { delimiter: "}}" }
            )
        );
        assert_eq!(
            malformed("{% aside() }}\nx\n{% end %}"),
            (
                "}}".to_string(),
                Malformed::ExpectedClose { delimiter: "%}" }
            )
        );
        assert_eq!(
            malformed("{{ quote() } }"),
            (
                "}".to_string(),
                Malformed::ExpectedClose { delimiter: "}}" }
            )
        );
        assert_eq!(
            malformed("{{ quote() }} et la suite  "),
            ("et la suite".to_string(), Malformed::TrailingText)
        );
        assert_eq!(
            malformed("{{ quote() }}}"),
            ("}".to_string(), Malformed::TrailingText)
        );
    }

    #[test]
    fn malformed_end_tag_still_ends_the_block() {
        // The whole block stays Markdown, with one error.
        let body = "{% aside() %}\nx\n{% end() %}\n{{ quote() }}\n";
        let (segments, errors) = check(body);
        assert_eq!(
            errors,
            [ShortcodeError {
                span: 22..23,
                kind: ShortcodeErrorKind::Malformed(Malformed::EndWithArguments),
            }]
        );
        assert_eq!(&body[22..23], "(");
        assert_eq!(
            errors[0].message(Language::Fr),
            "shortcode mal formé : « {% end %} » ne prend pas de parenthèses"
        );
        assert_eq!(
            describe(body, &segments),
            [
                "md:{% aside() %}\nx\n{% end() %}\n",
                "sc:{{ quote() }}",
                "md:\n"
            ]
        );
        let body = "{% aside() %}\nx\n{% end\n";
        let (_, errors) = check(body);
        assert_eq!(
            errors,
            [ShortcodeError {
                span: 22..22,
                kind: ShortcodeErrorKind::Malformed(Malformed::ExpectedClose { delimiter: "%}" }),
            }]
        );
        assert_eq!(
            malformed("{% end x %}"),
            (
                "x".to_string(),
                Malformed::ExpectedClose { delimiter: "%}" }
            )
        );
        // Alone, a malformed end tag is one error, not two.
        assert_eq!(
            malformed("Texte\n{%end(x)%}"),
            ("(".to_string(), Malformed::EndWithArguments)
        );
    }

    #[test]
    fn malformed_opening_tag_still_takes_its_end() {
        let body = "{% aside(title=x) %}\nCorps\n{% end %}\n{{ quote() }}\n";
        let (segments, errors) = check(body);
        let spans: Vec<&str> = errors.iter().map(|e| &body[e.span.clone()]).collect();
        assert_eq!(spans, ["x"]);
        assert_eq!(
            describe(body, &segments),
            [
                "md:{% aside(title=x) %}\nCorps\n{% end %}\n",
                "sc:{{ quote() }}",
                "md:\n"
            ]
        );
        // Without an end, it is one error too, and what follows is parsed.
        let body = "{% aside( %}\n{{ q() }}";
        let (segments, errors) = check(body);
        assert_eq!(errors.len(), 1);
        assert_eq!(
            describe(body, &segments),
            ["md:{% aside( %}\n", "sc:{{ q() }}"]
        );
        // A malformed opening tag inside a body is a line of that body.
        let body = "{% a() %}\n{% B() %}\n{% end %}";
        let (segments, errors) = check(body);
        let spans: Vec<&str> = errors.iter().map(|e| &body[e.span.clone()]).collect();
        assert_eq!(spans, ["B"]);
        let a = shortcodes(&segments)[0];
        assert_eq!(&body[a.body.clone().unwrap()], "{% B() %}\n");
    }

    #[test]
    fn duplicate_argument() {
        let body = "{{ interview(questions=\"1\", questions=\"2\") }}";
        let (segments, errors) = check(body);
        assert_eq!(shortcodes(&segments).len(), 0);
        assert_eq!(
            errors,
            [ShortcodeError {
                span: 28..37,
                kind: ShortcodeErrorKind::DuplicateArgument {
                    name: "questions".to_string()
                },
            }]
        );
        assert_eq!(&body[28..37], "questions");
        assert_eq!(errors[0].code(), "shortcode-duplicate-argument");
        assert_eq!(
            errors[0].message(Language::Fr),
            "l’argument « questions » est donné deux fois"
        );
        assert_eq!(
            errors[0].message(Language::En),
            "the argument `questions` is given twice"
        );
    }

    #[test]
    fn unterminated_block() {
        let body =
            "{% aside(title=\"À savoir\") %}\nTexte\n{{ quote(id=\"sens\") }}\n{{ cassé }}\n";
        let (segments, errors) = check(body);
        let found: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (&body[e.span.clone()], e.code()))
            .collect();
        assert_eq!(
            found,
            [
                ("{% aside(title=\"À savoir\") %}", "shortcode-unterminated"),
                ("é", "shortcode-malformed"),
            ]
        );
        assert_eq!(
            errors[0].message(Language::Fr),
            "le bloc « aside » n’est jamais fermé"
        );
        // The lines after the opening tag are parsed as if it were not there.
        assert_eq!(
            describe(body, &segments),
            [
                "md:{% aside(title=\"À savoir\") %}\nTexte\n",
                "sc:{{ quote(id=\"sens\") }}",
                "md:\n{{ cassé }}\n",
            ]
        );
    }

    #[test]
    fn every_unterminated_block_is_reported_once() {
        let body = "{% a() %}\n{% b() %}\n{% c() %}\n";
        let (_, errors) = check(body);
        let found: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (&body[e.span.clone()], e.code()))
            .collect();
        assert_eq!(
            found,
            [
                ("{% a() %}", "shortcode-unterminated"),
                ("{% b() %}", "shortcode-unterminated"),
                ("{% c() %}", "shortcode-unterminated"),
            ]
        );
    }

    #[test]
    fn unexpected_end() {
        assert_eq!(
            only_error("Texte\n{% end %}\n"),
            (
                "{% end %}".to_string(),
                "shortcode-unexpected-end",
                "« {% end %} » sans bloc ouvert".to_string()
            )
        );
    }

    #[test]
    fn nested_block() {
        let body = "{% aside() %}\n{% aside(title=\"b\") %}\nx\n{% end %}\n{% end %}\n";
        let (segments, errors) = check(body);
        let found: Vec<(&str, &str, String)> = errors
            .iter()
            .map(|e| (&body[e.span.clone()], e.code(), e.message(Language::Fr)))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "{% aside(title=\"b\") %}",
                    "shortcode-nested",
                    "bloc « aside » ouvert à l’intérieur du bloc « aside »".to_string()
                ),
                (
                    "{% end %}",
                    "shortcode-unexpected-end",
                    "« {% end %} » sans bloc ouvert".to_string()
                ),
            ]
        );
        assert_eq!(errors[1].span, 49..58);
        let outer = shortcodes(&segments)[0];
        assert_eq!(
            &body[outer.body.clone().unwrap()],
            "{% aside(title=\"b\") %}\nx\n"
        );
    }

    #[test]
    fn french_messages() {
        let cases = [
            (
                "{{ }}",
                "shortcode mal formé : un nom de shortcode est attendu",
            ),
            (
                "{{ Quote() }}",
                "shortcode mal formé : caractère interdit dans un nom de shortcode",
            ),
            (
                "{{ quote }}",
                "shortcode mal formé : une parenthèse ouvrante est attendue",
            ),
            (
                "{{ quote(,) }}",
                "shortcode mal formé : un nom d’argument est attendu",
            ),
            (
                "{{ quote(Id=1) }}",
                "shortcode mal formé : caractère interdit dans un nom d’argument",
            ),
            (
                "{{ quote(\"x\") }}",
                "shortcode mal formé : argument sans nom",
            ),
            (
                "{{ quote(id \"x\") }}",
                "shortcode mal formé : un signe « = » est attendu après le nom de l’argument",
            ),
            (
                "{{ quote(id=) }}",
                "shortcode mal formé : une valeur est attendue après « = »",
            ),
            (
                "{{ quote(id=“x”) }}",
                "shortcode mal formé : guillemet typographique au lieu d’un guillemet droit",
            ),
            (
                "{{ quote(n=1e400) }}",
                "shortcode mal formé : nombre trop grand",
            ),
            (
                "{{ quote(a=1 b=2) }}",
                "shortcode mal formé : une virgule est attendue entre deux arguments",
            ),
            (
                "{{ quote(id=\"sens\" }}",
                "shortcode mal formé : une parenthèse fermante est attendue",
            ),
            (
                "{{ quote() %}",
                "shortcode mal formé : « }} » est attendu pour fermer le shortcode",
            ),
            (
                "{{ quote() }} x",
                "shortcode mal formé : texte après la fin du shortcode",
            ),
        ];
        for (body, message) in cases {
            assert_eq!(only_error(body).2, message, "{body}");
        }
    }

    #[test]
    fn english_messages_and_helps() {
        let (_, errors) = check("{{ quote(id=\"sens\" }}");
        assert_eq!(
            errors[0].message(Language::En),
            "malformed shortcode: a closing parenthesis is expected"
        );
        assert_eq!(
            errors[0].help(Language::Fr),
            "fermez la liste des arguments par « ) », par exemple {{ quote(id=\"sens\") }}"
        );
        // A line that is not meant as a shortcode at all: the help says how
        // to write literal braces.
        let (_, errors) = check("{{ Bonjour }}");
        assert!(errors[0].help(Language::Fr).ends_with(
            "pour écrire des accolades telles quelles, mettez-les dans du code : `{{ … }}`"
        ));
        assert!(
            errors[0]
                .help(Language::En)
                .ends_with("to write literal braces, put them in a code span: `{{ … }}`")
        );
        let (_, errors) = check("{% a() %}\n{% b() %}\n{% end %}");
        assert_eq!(
            errors[0].help(Language::Fr),
            "les blocs ne s’imbriquent pas : fermez « a » par « {% end %} » avant d’ouvrir « b »"
        );
        assert_eq!(
            errors[0].help(Language::En),
            "blocks do not nest: close `a` with `{% end %}` before opening `b`"
        );
    }

    #[test]
    fn errors_leave_lines_as_markdown_and_parsing_goes_on() {
        let body = "{{ a( }}\n{{ b() }}\n{{ c(x=y) }}\n";
        let (segments, errors) = check(body);
        assert_eq!(
            describe(body, &segments),
            ["md:{{ a( }}\n", "sc:{{ b() }}", "md:\n{{ c(x=y) }}\n"]
        );
        let spans: Vec<&str> = errors.iter().map(|e| &body[e.span.clone()]).collect();
        assert_eq!(spans, ["}", "y"]);
    }

    #[test]
    fn errors_come_in_source_order() {
        let body = "{% end %}\n{% a() %}\n{% b() %}\n{% end() %}\n{% end %}\n{{ x }}\n";
        let (_, errors) = check(body);
        let found: Vec<(usize, &str)> = errors.iter().map(|e| (e.span.start, e.code())).collect();
        assert_eq!(
            found,
            [
                (0, "shortcode-unexpected-end"),
                (20, "shortcode-nested"),
                (36, "shortcode-malformed"),
                (42, "shortcode-unexpected-end"),
                (57, "shortcode-malformed"),
            ]
        );
    }

    #[test]
    fn every_kind_has_a_code_message_and_help() {
        let kinds = [
            (
                ShortcodeErrorKind::Malformed(Malformed::ExpectedName),
                "shortcode-malformed",
            ),
            (
                ShortcodeErrorKind::DuplicateArgument {
                    name: "a".to_string(),
                },
                "shortcode-duplicate-argument",
            ),
            (
                ShortcodeErrorKind::Unterminated {
                    name: "a".to_string(),
                },
                "shortcode-unterminated",
            ),
            (
                ShortcodeErrorKind::UnexpectedEnd,
                "shortcode-unexpected-end",
            ),
            (
                ShortcodeErrorKind::Nested {
                    name: "a".to_string(),
                    outer: "b".to_string(),
                },
                "shortcode-nested",
            ),
        ];
        for (kind, code) in kinds {
            let error = ShortcodeError { span: 0..0, kind };
            assert_eq!(error.code(), code);
            for lang in [Language::Fr, Language::En] {
                assert!(!error.message(lang).is_empty());
                assert!(!error.help(lang).is_empty());
            }
            assert_ne!(error.message(Language::Fr), error.message(Language::En));
        }
    }

    // -- robustness ---------------------------------------------------------

    /// Every prefix (on a character boundary) of tricky bodies, and many
    /// random mixes of odd fragments: nothing panics, invariants hold.
    #[test]
    fn odd_inputs_never_panic() {
        let samples = [
            "{% aside(title=\"À savoir\") %}\r\nCorps `x\r\n{{ q(a='l\\'é', b=-1.5e3) }}\r\n{% end %}\r\n",
            "- ```\n  {{ x() }}\n<!--\n{{ y(a=“b”) }}\n-->\n    {{ z() }}\n\t~~~~ `\n",
            "{{\u{0}}}\u{feff}{%\u{2028}end%}🎉{{ é(é=é) }}\r{{ a(b=\"\\",
        ];
        for sample in samples {
            for (end, _) in sample.char_indices().chain([(sample.len(), ' ')]) {
                check(&sample[..end]);
                check(&sample[end..]);
            }
        }
        let fragments = [
            "{{",
            "}}",
            "{%",
            "%}",
            "{% end %}",
            "{{ quote(id=\"sens\") }}",
            "{% aside() %}",
            "(",
            ")",
            "=",
            ",",
            "\"",
            "'",
            "\\",
            "`",
            "``",
            "```",
            "~~~",
            "    ",
            "\t",
            " ",
            "\n",
            "\r\n",
            "\r",
            "é",
            "🎉",
            "« »",
            "“",
            "a",
            "Z",
            "_",
            "-",
            "1",
            "-7",
            "2.5",
            "true",
            "#",
            "> ",
            "- ",
            "1. ",
            "<!--",
            "-->",
            "<pre>",
            "</pre>",
            "===",
            "---",
            "\u{a0}",
            "\u{0}",
            "end",
            "{",
            "}",
            "%",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let count = (next() % 24) as usize;
            let mut body = String::new();
            for _ in 0..count {
                body.push_str(fragments[(next() % fragments.len() as u64) as usize]);
            }
            check(&body);
        }
        // Long inputs stay fast (no quadratic behaviour).
        let many_opens = "{% a() %}\n".repeat(20_000);
        assert_eq!(check(&many_opens).1.len(), 20_000);
        let many_runs: String = (1..400)
            .map(|n| format!("{}x\n{{{{ q() }}}}\n", "`".repeat(n)))
            .collect();
        check(&many_runs);
        let one_paragraph = "{{ q() }}\n".repeat(20_000);
        assert_eq!(ok(&one_paragraph).len(), 20_000);
    }

    // -- question ranges ----------------------------------------------------

    #[test]
    fn question_ranges() {
        assert_eq!(parse_question_range("1"), Some((1, Some(1))));
        assert_eq!(parse_question_range("2-3"), Some((2, Some(3))));
        assert_eq!(parse_question_range(" 2 - 3 "), Some((2, Some(3))));
        assert_eq!(parse_question_range("4-"), Some((4, None)));
        assert_eq!(parse_question_range("4 -  "), Some((4, None)));
        assert_eq!(parse_question_range("3-3"), Some((3, Some(3))));
        assert_eq!(parse_question_range("2–5"), Some((2, Some(5))));
        assert_eq!(parse_question_range("12-40"), Some((12, Some(40))));
        for bad in [
            "",
            " ",
            "0",
            "0-2",
            "3-2",
            "-3",
            "-",
            "a",
            "1-b",
            "1-2-3",
            "+1",
            "1.5",
            "２",
            "99999999999999999999999",
        ] {
            assert_eq!(parse_question_range(bad), None, "{bad:?}");
        }
    }
}
