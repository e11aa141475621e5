//! The grammar of one tag: a `{{`/`{%` line's name and arguments, parsed
//! with a cursor over the line, or the leftmost mistake on it.
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
//! A line that does not parse still says what it was meant as ([`Intent`]):
//! a broken `{% end(…) %}` still closes a block and a broken opener still
//! takes its end, so pairing (`pairing`) reports one error per mistake.
//! Spans are byte ranges into the body, always on character boundaries; a
//! span is empty only when something is missing at the end of a line (it
//! then sits just after the last non-blank character).

use std::ops::Range;

use super::errors::{Malformed, ShortcodeError, ShortcodeErrorKind};
use super::{Arg, ArgValue, Shortcode};

/// What a tag line parses to.
pub(super) enum TagKind {
    /// An inline shortcode.
    Inline(Shortcode),
    /// An opening block tag; its span is the tag alone, its body `None`.
    Open(Shortcode),
    /// A `{% end %}` tag, with its span.
    End(Range<usize>),
    /// A line that does not parse, with what it was meant as.
    Malformed {
        /// What the line was meant as.
        intent: Intent,
        /// Its leftmost mistake.
        error: ShortcodeError,
    },
}

/// What a malformed line was meant as: it still opens or closes a block, so
/// one mistake gives one error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Intent {
    /// `{{ …`
    Inline,
    /// `{% …`, not an end tag.
    Open,
    /// `{% end…`
    End,
}

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
pub(super) fn parse_tag(src: &str, start: usize, end: usize) -> TagKind {
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
