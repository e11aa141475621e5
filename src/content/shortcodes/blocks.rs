//! What a body's shortcodes show: each shortcode the parser found, checked
//! against the article's front matter, becomes a [`BlockUse`] (an interview
//! range, a testimony group, a principle list, a pull quote, a boxed note, a
//! site or theme shortcode), or a diagnostic at its place.
//!
//! The syntax is settled before this module runs ([`super::parse`]); what is
//! checked here is meaning: that the shortcode exists (built in, or a
//! template the site or theme adds), that the id it names is in the front
//! matter (or that there is only one to choose from), that a question range
//! is inside the interview, that a built-in shortcode gets no argument it
//! does not take. Each kind of block has its own step, so adding a built-in
//! shortcode is adding a name to [`BUILT_IN_SHORTCODES`], a [`BlockUse`]
//! variant, an arm in [`Placing::block`] and the arguments it takes in
//! `check_arguments`.
//!
//! [`Placed`] remembers what the body placed, so the blocks it leaves out
//! come after it in the documented order ([`Placed::unplaced`]) and the
//! asides get distinct id prefixes. A shortcode's body (an aside's, a custom
//! block's) is rendered here, with the offsets of the file, so its links
//! and headings point at the right line.

use crate::diagnostics::Code;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::{Arg, ArgValue, Shortcode};
use crate::content::front_matter::ArticleMeta;
use crate::content::markdown::{self, MarkdownOptions, OffsetMap, Rendered};
use crate::diagnostics::{Diagnostic, SourceText};
use crate::messages::t;
use crate::yaml;

/// Names of the built-in shortcodes.
pub const BUILT_IN_SHORTCODES: [&str; 5] =
    ["interview", "testimonials", "principles", "quote", "aside"];

/// A block the body shows, by marker index.
#[derive(Debug, Clone, PartialEq)]
pub enum BlockUse {
    /// Interview questions `from..=to` (1-based).
    Interview {
        /// First question.
        from: usize,
        /// Last question.
        to: usize,
    },
    /// A testimony group.
    Testimonials(String),
    /// A principle list.
    Principles(String),
    /// A pull quote.
    Quote(String),
    /// A boxed note.
    Aside {
        /// Its heading.
        title: Option<String>,
        /// Its rendered Markdown.
        body: Rendered,
    },
    /// A site or theme shortcode template.
    Custom {
        /// Template name (`shortcodes/{name}.html`).
        name: String,
        /// Named arguments.
        args: BTreeMap<String, serde_json::Value>,
        /// Rendered Markdown body of a block shortcode.
        body: Option<Rendered>,
    },
}

/// What the body placed so far.
#[derive(Default)]
pub(crate) struct Placed {
    interview: bool,
    /// Asides so far: the n-th one's heading and note ids take the prefix
    /// `encadre-n-` (`encadre-` for the first), so two asides with the same
    /// heading do not give two elements one id.
    asides: usize,
    testimonials: BTreeSet<String>,
    principles: BTreeSet<String>,
    quotes: BTreeSet<String>,
}

impl Placed {
    /// The front matter's blocks the body did not place, in the documented
    /// order: interview, testimonials, principles, quotes.
    pub(crate) fn unplaced(&self, meta: &ArticleMeta) -> Vec<BlockUse> {
        let mut unplaced = Vec::new();
        if meta.interview.is_some() && !self.interview {
            let count = meta
                .interview
                .as_ref()
                .map(|i| i.questions.len())
                .unwrap_or(0);
            if count > 0 {
                unplaced.push(BlockUse::Interview { from: 1, to: count });
            }
        }
        for id in meta.testimonials.keys() {
            if !self.testimonials.contains(id) {
                unplaced.push(BlockUse::Testimonials(id.clone()));
            }
        }
        for id in meta.principles.keys() {
            if !self.principles.contains(id) {
                unplaced.push(BlockUse::Principles(id.clone()));
            }
        }
        for id in meta.quotes.keys() {
            if !self.quotes.contains(id) {
                unplaced.push(BlockUse::Quote(id.clone()));
            }
        }
        unplaced
    }
}

/// What checking a body's shortcodes needs: the body, where it starts in
/// the file, the front matter and the site's settings.
pub(crate) struct Placing<'a, 'o> {
    /// The article's body.
    pub(crate) body: &'a str,
    /// Where the body starts in the file, to shift spans to it.
    pub(crate) body_start: usize,
    /// The file, for the diagnostics' positions.
    pub(crate) source: &'a SourceText,
    /// The article's front matter.
    pub(crate) meta: &'a ArticleMeta,
    /// Markdown settings, for the bodies of block shortcodes.
    pub(crate) markdown: &'a MarkdownOptions<'o>,
    /// Shortcodes the theme or site adds.
    pub(crate) custom_shortcodes: &'a BTreeSet<String>,
}

impl Placing<'_, '_> {
    /// Checks a shortcode against the front matter and says what it shows.
    pub(crate) fn block(
        &self,
        sc: &Shortcode,
        placed: &mut Placed,
    ) -> Result<BlockUse, Diagnostic> {
        let meta = self.meta;
        let block = match sc.name.as_str() {
            "interview" => self.interview(sc, placed)?,
            "testimonials" => {
                let id = self.id_arg(sc, "testimonials", meta.testimonials.keys().collect())?;
                placed.testimonials.insert(id.clone());
                BlockUse::Testimonials(id)
            }
            "principles" => {
                let id = self.id_arg(sc, "principles", meta.principles.keys().collect())?;
                placed.principles.insert(id.clone());
                BlockUse::Principles(id)
            }
            "quote" => {
                let id = self.id_arg(sc, "quotes", meta.quotes.keys().collect())?;
                placed.quotes.insert(id.clone());
                BlockUse::Quote(id)
            }
            "aside" => self.aside(sc, placed),
            other if self.custom_shortcodes.contains(other) => return Ok(self.custom(sc)),
            _ => return Err(self.unknown(sc)),
        };
        self.check_arguments(sc)?;
        Ok(block)
    }

    /// A span of the body, as a span of the file.
    fn span(&self, r: &Range<usize>) -> Range<usize> {
        self.body_start + r.start..self.body_start + r.end
    }

    /// `{{ interview() }}`: all questions, or those of `questions="…"`.
    fn interview(&self, sc: &Shortcode, placed: &mut Placed) -> Result<BlockUse, Diagnostic> {
        let lang = self.markdown.lang;
        let Some(interview) = &self.meta.interview else {
            return Err(Diagnostic::error(
                Code::ShortcodeNoInterview,
                t!(lang, "content-shortcode-no-interview"),
            )
            .at(self.source, self.span(&sc.name_span))
            .with_help(t!(lang, "content-shortcode-no-interview-help")));
        };
        let count = interview.questions.len();
        placed.interview = true;
        match sc.arg("questions") {
            None => Ok(BlockUse::Interview {
                from: 1,
                to: count.max(1),
            }),
            Some(arg) => self.question_range(arg, count),
        }
    }

    /// The questions `arg` names, inside an interview of `count` questions.
    fn question_range(&self, arg: &Arg, count: usize) -> Result<BlockUse, Diagnostic> {
        let lang = self.markdown.lang;
        let text = id_text(&arg.value);
        let range = parse_question_range(&text);
        match range {
            Some((from, to)) => {
                let to = to.unwrap_or(count);
                if from == 0 || from > count || to > count || to < from {
                    return Err(Diagnostic::error(
                        Code::ShortcodeQuestionRange,
                        t!(
                            lang,
                            "content-shortcode-questions-out-of-range",
                            text = &text,
                            count = count
                        ),
                    )
                    .at(self.source, self.span(&arg.value_span))
                    .with_help(t!(
                        lang,
                        "content-shortcode-questions-out-of-range-help",
                        count = count
                    )));
                }
                Ok(BlockUse::Interview { from, to })
            }
            None => Err(Diagnostic::error(
                Code::ShortcodeQuestionRange,
                t!(lang, "content-shortcode-not-a-question-range", text = &text),
            )
            .at(self.source, self.span(&arg.value_span))
            .with_help(t!(lang, "content-shortcode-not-a-question-range-help"))),
        }
    }

    /// The id a testimonials, principles or quote shortcode places: its
    /// `id="…"`, or the only one of the front matter. `key` is the
    /// front-matter key that holds them (`quotes`), which also names the
    /// kind of block in messages.
    fn id_arg(&self, sc: &Shortcode, key: &str, ids: Vec<&String>) -> Result<String, Diagnostic> {
        match sc.arg("id") {
            Some(arg) => {
                let id = id_text(&arg.value);
                if ids.iter().any(|k| **k == id) {
                    Ok(id)
                } else {
                    Err(self.unknown_id(arg, &id, key, &ids))
                }
            }
            None if ids.len() == 1 => Ok(ids[0].clone()),
            None => Err(self.missing_id(sc, key, &ids)),
        }
    }

    /// An `id="…"` the front matter does not have.
    fn unknown_id(&self, arg: &Arg, id: &str, key: &str, ids: &[&String]) -> Diagnostic {
        let lang = self.markdown.lang;
        let suggestion = yaml::closest(id, ids.iter().map(|s| s.as_str()));
        let help = match (suggestion, ids.is_empty()) {
            (Some(best), _) => t!(lang, "content-shortcode-did-you-mean", best = best),
            (None, true) => t!(lang, "content-shortcode-unknown-id-no-key-help", key = key),
            (None, false) => t!(lang, "content-shortcode-possible-ids", ids = join_ids(ids)),
        };
        Diagnostic::error(
            Code::ShortcodeUnknownId,
            t!(lang, "content-shortcode-unknown-id", key = key, id = id),
        )
        .at(self.source, self.span(&arg.value_span))
        .with_help(help)
    }

    /// No `id="…"`, and not exactly one id to choose from.
    fn missing_id(&self, sc: &Shortcode, key: &str, ids: &[&String]) -> Diagnostic {
        let lang = self.markdown.lang;
        let name = sc.name.as_str();
        let (message, help) = match ids.first() {
            None => (
                t!(lang, "content-shortcode-missing-id-no-key", key = key),
                t!(lang, "content-shortcode-missing-id-no-key-help", key = key),
            ),
            Some(first) => (
                t!(lang, "content-shortcode-missing-id", key = key),
                t!(
                    lang,
                    "content-shortcode-missing-id-help",
                    name = name,
                    id = *first
                ),
            ),
        };
        Diagnostic::error(Code::ShortcodeMissingId, message)
            .at(self.source, self.span(&sc.name_span))
            .with_help(help)
    }

    /// `{% aside(title="…") %}` … `{% end %}`: a boxed note, its body
    /// rendered with the aside's own id prefix.
    fn aside(&self, sc: &Shortcode, placed: &mut Placed) -> BlockUse {
        let lang = self.markdown.lang;
        let title = sc.arg("title").map(|a| match &a.value {
            ArgValue::Str(s) => s.clone(),
            other => value_text(other),
        });
        placed.asides += 1;
        let prefix = nth_prefix("encadre-", placed.asides);
        let rendered = match &sc.body {
            Some(range) => markdown::render(
                &self.body[range.clone()],
                &OffsetMap::contiguous(self.body_start + range.start),
                &with_prefix(self.markdown, &prefix),
            ),
            None => Rendered::default(),
        };
        BlockUse::Aside {
            title: title.map(|t: String| crate::typography::typeset(lang, &t)),
            body: rendered,
        }
    }

    /// A shortcode the site or theme adds: its arguments as template values,
    /// its body (for a block) rendered.
    fn custom(&self, sc: &Shortcode) -> BlockUse {
        let args = sc
            .args
            .iter()
            .map(|a| {
                let v = match &a.value {
                    ArgValue::Str(s) => serde_json::Value::String(s.clone()),
                    ArgValue::Int(i) => serde_json::Value::from(*i),
                    ArgValue::Float(f) => serde_json::Value::from(*f),
                    ArgValue::Bool(b) => serde_json::Value::Bool(*b),
                };
                (a.name.clone(), v)
            })
            .collect();
        let body_html = sc.body.as_ref().map(|range| {
            markdown::render(
                &self.body[range.clone()],
                &OffsetMap::contiguous(self.body_start + range.start),
                &copy_options(self.markdown),
            )
        });
        BlockUse::Custom {
            name: sc.name.clone(),
            args,
            body: body_html,
        }
    }

    /// A shortcode that is neither built in nor added by the site or theme.
    fn unknown(&self, sc: &Shortcode) -> Diagnostic {
        let lang = self.markdown.lang;
        let unknown = sc.name.as_str();
        let known: Vec<&str> = BUILT_IN_SHORTCODES
            .iter()
            .copied()
            .chain(self.custom_shortcodes.iter().map(String::as_str))
            .collect();
        let help = match yaml::closest(unknown, known.iter().copied()) {
            Some(best) => t!(lang, "content-shortcode-did-you-mean", best = best),
            None => t!(
                lang,
                "content-shortcode-possible-shortcodes",
                names = known.join(", ")
            ),
        };
        Diagnostic::error(
            Code::ShortcodeUnknown,
            t!(lang, "content-shortcode-unknown", name = unknown),
        )
        .at(self.source, self.span(&sc.name_span))
        .with_help(help)
    }

    /// Arguments a built-in shortcode does not take are mistakes too.
    fn check_arguments(&self, sc: &Shortcode) -> Result<(), Diagnostic> {
        let lang = self.markdown.lang;
        let name = sc.name.as_str();
        let allowed: &[&str] = match name {
            "interview" => &["questions"],
            "testimonials" | "principles" | "quote" => &["id"],
            "aside" => &["title"],
            _ => return Ok(()),
        };
        if let Some(arg) = sc.args.iter().find(|a| !allowed.contains(&a.name.as_str())) {
            let help = match yaml::closest(&arg.name, allowed.iter().copied()) {
                Some(best) => t!(lang, "content-shortcode-did-you-mean", best = best),
                None => t!(
                    lang,
                    "content-shortcode-accepted-arguments",
                    arguments = allowed.join(", ")
                ),
            };
            return Err(Diagnostic::error(
                Code::ShortcodeUnknownArgument,
                t!(
                    lang,
                    "content-shortcode-unknown-argument",
                    argument = &arg.name,
                    name = name
                ),
            )
            .at(self.source, self.span(&arg.name_span))
            .with_help(help));
        }
        Ok(())
    }
}

/// An id or a question range as written: a text, or an integer written
/// without quotes (`id=2`); anything else matches no id.
fn id_text(value: &ArgValue) -> String {
    match value {
        ArgValue::Str(s) => s.clone(),
        ArgValue::Int(i) => i.to_string(),
        _ => String::new(),
    }
}

fn join_ids(ids: &[&String]) -> String {
    ids.iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn value_text(value: &ArgValue) -> String {
    match value {
        ArgValue::Str(s) => s.clone(),
        ArgValue::Int(i) => i.to_string(),
        ArgValue::Float(f) => f.to_string(),
        ArgValue::Bool(b) => b.to_string(),
    }
}

/// `opts` with the id prefix `prefix`.
pub(crate) fn with_prefix<'a>(opts: &MarkdownOptions<'a>, prefix: &'a str) -> MarkdownOptions<'a> {
    MarkdownOptions {
        id_prefix: prefix,
        ..copy_options(opts)
    }
}

/// The id prefix of the `n`-th text (from 1) of a kind of block: `base`
/// for the first, `base` and `n` for the others (`temoignage-2-`), so the
/// headings and notes of two texts rendered apart never share an id.
pub(crate) fn nth_prefix(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}{n}-")
    }
}

fn copy_options<'a>(o: &MarkdownOptions<'a>) -> MarkdownOptions<'a> {
    MarkdownOptions {
        lang: o.lang,
        raw_html: o.raw_html,
        highlighter: o.highlighter,
        id_prefix: o.id_prefix,
        urls: o.urls,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
