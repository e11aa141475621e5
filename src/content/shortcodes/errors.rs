//! The syntax errors of a body: what can be wrong with a shortcode line,
//! where, and how to say it to a writer, in French or English.
//!
//! An error is data first ([`ShortcodeError`]: a span and a kind, with the
//! reason a line does not parse as a [`Malformed`] value), so the parser
//! decides *what* is wrong and this module alone decides how it reads: the
//! stable code `check` and the docs use, a one-line message, and a help
//! written for a writer rather than a developer (their wording is in the
//! catalogs, `locales/<lang>/content.ftl`). A line that breaks off before
//! its name or parenthesis may not be meant as a shortcode at all, so its
//! help also says how to write literal braces.
//!
//! Spans are byte ranges into the body, always on character boundaries; a
//! span is empty only when something is missing at the end of a line (it
//! then sits just after the last non-blank character). The caller shifts
//! them to the file.

use crate::diagnostics::Code;
use std::ops::Range;

use crate::language::Language;
use crate::messages::t;

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
    /// An error of this kind at `span`.
    pub(super) fn new(span: Range<usize>, kind: ShortcodeErrorKind) -> Self {
        ShortcodeError { span, kind }
    }

    /// A line that does not parse, for this reason, at `span`.
    pub(super) fn malformed(span: Range<usize>, why: Malformed) -> Self {
        ShortcodeError::new(span, ShortcodeErrorKind::Malformed(why))
    }

    /// A stable identifier for the kind of error.
    pub fn code(&self) -> Code {
        match self.kind {
            ShortcodeErrorKind::Malformed(_) => Code::ShortcodeMalformed,
            ShortcodeErrorKind::DuplicateArgument { .. } => Code::ShortcodeDuplicateArgument,
            ShortcodeErrorKind::Unterminated { .. } => Code::ShortcodeUnterminated,
            ShortcodeErrorKind::UnexpectedEnd => Code::ShortcodeUnexpectedEnd,
            ShortcodeErrorKind::Nested { .. } => Code::ShortcodeNested,
        }
    }

    /// What is wrong, in one line.
    pub fn message(&self, lang: Language) -> String {
        match &self.kind {
            ShortcodeErrorKind::Malformed(why) => malformed_message(why, lang),
            ShortcodeErrorKind::DuplicateArgument { name } => {
                t!(lang, "content-shortcode-duplicate-argument", name = name)
            }
            ShortcodeErrorKind::Unterminated { name } => {
                t!(lang, "content-shortcode-unterminated", name = name)
            }
            ShortcodeErrorKind::UnexpectedEnd => t!(lang, "content-shortcode-unexpected-end"),
            ShortcodeErrorKind::Nested { name, outer } => {
                t!(lang, "content-shortcode-nested", name = name, outer = outer)
            }
        }
    }

    /// How to fix it, for a writer rather than a developer.
    pub fn help(&self, lang: Language) -> String {
        match &self.kind {
            ShortcodeErrorKind::Malformed(why) => malformed_help(why, lang),
            ShortcodeErrorKind::DuplicateArgument { name } => {
                t!(
                    lang,
                    "content-shortcode-duplicate-argument-help",
                    name = name
                )
            }
            ShortcodeErrorKind::Unterminated { name } => {
                t!(lang, "content-shortcode-unterminated-help", name = name)
            }
            ShortcodeErrorKind::UnexpectedEnd => t!(lang, "content-shortcode-unexpected-end-help"),
            ShortcodeErrorKind::Nested { name, outer } => t!(
                lang,
                "content-shortcode-nested-help",
                name = name,
                outer = outer
            ),
        }
    }
}

/// What is wrong with a line that does not parse.
fn malformed_message(why: &Malformed, lang: Language) -> String {
    match why {
        Malformed::ExpectedName => t!(lang, "content-shortcode-expected-name"),
        Malformed::InvalidName => t!(lang, "content-shortcode-invalid-name"),
        Malformed::ExpectedOpenParen => t!(lang, "content-shortcode-expected-open-paren"),
        Malformed::ExpectedArgumentName => t!(lang, "content-shortcode-expected-argument-name"),
        Malformed::InvalidArgumentName => t!(lang, "content-shortcode-invalid-argument-name"),
        Malformed::PositionalArgument => t!(lang, "content-shortcode-positional-argument"),
        Malformed::ExpectedEquals => t!(lang, "content-shortcode-expected-equals"),
        Malformed::ExpectedValue => t!(lang, "content-shortcode-expected-value"),
        Malformed::UnquotedText { text, .. } => {
            t!(lang, "content-shortcode-unquoted-text", text = text)
        }
        Malformed::UnclosedQuote => t!(lang, "content-shortcode-unclosed-quote"),
        Malformed::TypographicQuote => t!(lang, "content-shortcode-typographic-quote"),
        Malformed::NumberOutOfRange => t!(lang, "content-shortcode-number-out-of-range"),
        Malformed::ExpectedComma => t!(lang, "content-shortcode-expected-comma"),
        Malformed::ExpectedCloseParen => t!(lang, "content-shortcode-expected-close-paren"),
        Malformed::ExpectedClose { delimiter } => t!(
            lang,
            "content-shortcode-expected-close",
            delimiter = *delimiter
        ),
        Malformed::EndWithArguments => t!(lang, "content-shortcode-end-with-arguments"),
        Malformed::TrailingText => t!(lang, "content-shortcode-trailing-text"),
    }
}

/// How to fix a line that does not parse, for a writer.
fn malformed_help(why: &Malformed, lang: Language) -> String {
    match why {
        // A line that breaks off this early may not be meant as a
        // shortcode at all: the help also says how to write literal braces.
        Malformed::ExpectedName | Malformed::InvalidName | Malformed::ExpectedOpenParen => {
            name_help(why, lang)
        }
        Malformed::UnquotedText { arg, text } => {
            let quoted = text.replace('\\', "\\\\").replace('"', "\\\"");
            t!(
                lang,
                "content-shortcode-unquoted-text-help",
                arg = arg,
                quoted = quoted
            )
        }
        Malformed::ExpectedArgumentName | Malformed::ExpectedEquals | Malformed::ExpectedComma => {
            t!(lang, "content-shortcode-arguments-help")
        }
        Malformed::InvalidArgumentName
        | Malformed::PositionalArgument
        | Malformed::ExpectedValue
        | Malformed::UnclosedQuote
        | Malformed::TypographicQuote
        | Malformed::NumberOutOfRange => argument_help(why, lang),
        Malformed::ExpectedCloseParen
        | Malformed::ExpectedClose { .. }
        | Malformed::EndWithArguments
        | Malformed::TrailingText => closing_help(why, lang),
    }
}

/// The help for a missing or faulty shortcode name or opening parenthesis
/// (it also says how to write literal braces); [`malformed_help`] sends no
/// other mistake here.
fn name_help(why: &Malformed, lang: Language) -> String {
    match why {
        Malformed::ExpectedName => t!(lang, "content-shortcode-expected-name-help"),
        Malformed::InvalidName => t!(lang, "content-shortcode-invalid-name-help"),
        Malformed::ExpectedOpenParen => t!(lang, "content-shortcode-expected-open-paren-help"),
        other => unreachable!("{other:?} is not a name mistake"),
    }
}

/// The help for a faulty argument; [`malformed_help`] sends no other
/// mistake here.
fn argument_help(why: &Malformed, lang: Language) -> String {
    match why {
        Malformed::InvalidArgumentName => {
            t!(lang, "content-shortcode-invalid-argument-name-help")
        }
        Malformed::PositionalArgument => t!(lang, "content-shortcode-positional-argument-help"),
        Malformed::ExpectedValue => t!(lang, "content-shortcode-expected-value-help"),
        Malformed::UnclosedQuote => t!(lang, "content-shortcode-unclosed-quote-help"),
        Malformed::TypographicQuote => t!(lang, "content-shortcode-typographic-quote-help"),
        Malformed::NumberOutOfRange => t!(lang, "content-shortcode-number-out-of-range-help"),
        other => unreachable!("{other:?} is not an argument mistake"),
    }
}

/// The help for a tag not closed as it should be; [`malformed_help`] sends
/// no other mistake here.
fn closing_help(why: &Malformed, lang: Language) -> String {
    match why {
        Malformed::ExpectedCloseParen => t!(lang, "content-shortcode-expected-close-paren-help"),
        Malformed::ExpectedClose { delimiter: "%}" } => {
            t!(lang, "content-shortcode-expected-block-close-help")
        }
        Malformed::ExpectedClose { .. } => t!(lang, "content-shortcode-expected-close-help"),
        Malformed::EndWithArguments => t!(lang, "content-shortcode-end-with-arguments-help"),
        Malformed::TrailingText => t!(lang, "content-shortcode-trailing-text-help"),
        other => unreachable!("{other:?} is not a closing mistake"),
    }
}
