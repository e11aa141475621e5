//! Pairing block openers with their `{% end %}`: from the scanner's tags, in
//! order, to the body's shortcodes and the errors of the pairing itself.
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
//! The index of the next end tag after each tag is computed once, backwards,
//! so an opener without an end is known at once and a body of many unclosed
//! openers stays linear.

use super::Shortcode;
use super::errors::{ShortcodeError, ShortcodeErrorKind};
use super::grammar::{Intent, TagKind};
use super::scanner::Tag;

/// The shortcodes of a body's tags, blocks paired with their end, and the
/// errors met on the way, in source order.
pub(super) fn pair_blocks(tags: Vec<Tag>) -> (Vec<Shortcode>, Vec<ShortcodeError>) {
    let next_end = next_ends(&tags);
    let mut shortcodes = Vec::new();
    let mut errors = Vec::new();
    let mut iter = tags.into_iter().enumerate();
    while let Some((k, tag)) = iter.next() {
        // The opening tag of a block, `None` when it is malformed.
        let (block, name) = match tag.kind {
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
        let inner = iter.by_ref().take(last - k).map(|(_, inner)| inner);
        let opened = Opened {
            block,
            name,
            body_start: tag.line_next,
        };
        shortcodes.extend(opened.close(inner, &mut errors));
    }
    (shortcodes, errors)
}

/// For each tag, the index of the first end tag (even malformed) after it.
fn next_ends(tags: &[Tag]) -> Vec<Option<usize>> {
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
    let mut next_end = vec![None; tags.len()];
    let mut following = None;
    for (k, tag) in tags.iter().enumerate().rev() {
        next_end[k] = following;
        if closes(&tag.kind) {
            following = Some(k);
        }
    }
    next_end
}

/// A block opener whose end tag is known to follow.
struct Opened {
    /// The opening tag, `None` when it is malformed.
    block: Option<Shortcode>,
    /// The block's name, `None` when the opener is malformed.
    name: Option<String>,
    /// Where its body starts: the line after the opener.
    body_start: usize,
}

impl Opened {
    /// Takes the tags up to and including the end tag: the block with its
    /// body, or `None` when it stays Markdown text.
    fn close(
        self,
        inner: impl Iterator<Item = Tag>,
        errors: &mut Vec<ShortcodeError>,
    ) -> Option<Shortcode> {
        let Opened {
            mut block,
            name,
            body_start,
        } = self;
        for inner in inner {
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
                        block.body = Some(body_start..inner.line_start);
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
        block
    }
}
