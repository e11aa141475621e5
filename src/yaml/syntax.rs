//! YAML that cannot be read at all, explained in the writer's words.
//!
//! libyaml, under serde_yaml, reports a syntax error as a *problem* at a
//! position (`mapping values are not allowed in this context at line 2
//! column 16`), sometimes with the *context* it was in and where that
//! started (`, while scanning a quoted scalar at line 2 column 8`). Those
//! sentences name the parser's states, not the writer's mistake. The
//! mistakes that produce them are few and well known: a text with `: ` or a
//! leading `*`, `@` or backquote left unquoted, a quote or a bracket never
//! closed, a tab or a misaligned line in the indentation, a list item on
//! its key's line, a key without its colon. Each is recognised here from
//! the problem, the context and the line they point at, and described with
//! the fix, often the line rewritten. The position moves to where the
//! mistake is when libyaml notices it later: an unclosed quote is shown at
//! its opening mark, not at the end of the front matter, nor lines below
//! where the next quote of its kind closed it by accident (the quoted
//! texts are found again here, as libyaml reads them, to tell).
//!
//! Each mistake is one function that recognises it in libyaml's report and
//! explains it. `MISTAKES` tries them in a fixed order and the first to
//! recognise the report wins: a list, rather than one long `if … else`,
//! so that a mistake is added, read or reworded alone, while the order
//! still says which one is told first when two share libyaml's words.
//!
//! Anything else keeps libyaml's own sentence (see `unreadable` in the
//! sibling module `wording`).

use crate::diagnostics::{Code, Diagnostic, SourceText};
use crate::language::Language;
use crate::messages::t;

/// A syntax error described for a writer.
pub(super) struct Explained {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// Where to point, when not at libyaml's problem position: a byte
    /// offset in the YAML text and a width.
    pub at: Option<(usize, usize)>,
}

/// Explains the serde_yaml message `raw` (positions included) of a syntax
/// error in `yaml` whose problem is at byte `problem_at`, when its cause is
/// a known one.
pub(super) fn explain(
    raw: &str,
    yaml: &str,
    problem_at: usize,
    lang: Language,
) -> Option<Explained> {
    let report = Report::read(raw, yaml, problem_at);
    MISTAKES
        .iter()
        .find_map(|recognise| recognise(&report, lang))
}

/// What libyaml said about a syntax error, read apart.
struct Report<'a> {
    /// The problem, positions included.
    problem: &'a str,
    /// The context, positions included; empty when there is none.
    context: &'a str,
    /// Where the context started, as a byte offset in `yaml`.
    context_at: Option<usize>,
    /// The YAML text.
    yaml: &'a str,
    /// Where the problem is, as a byte offset in `yaml`.
    problem_at: usize,
    /// The line of the problem.
    line: Line<'a>,
}

impl<'a> Report<'a> {
    /// Splits serde_yaml's message `raw` into its problem and its context.
    fn read(raw: &'a str, yaml: &'a str, problem_at: usize) -> Self {
        let (problem, context) = match raw.split_once(", while ") {
            Some((p, c)) => (p, Some(c)),
            None => (raw, None),
        };
        Report {
            problem,
            context: context.unwrap_or(""),
            context_at: context.and_then(|c| position(c, yaml)),
            yaml,
            problem_at,
            line: Line::at(yaml, problem_at),
        }
    }
}

/// Recognises one known mistake in a report, and explains it.
type Recogniser = fn(&Report, Language) -> Option<Explained>;

/// The known mistakes, in the order they are tried: the first to recognise
/// a report explains it. The order matters where two share libyaml's
/// words: a quote that swallowed the lines below it before anything those
/// lines seem to say, a text with `: ` before a line indented under a
/// value, text after a closing quote before a misaligned line.
const MISTAKES: [Recogniser; 16] = [
    quote_closed_lines_later,
    colon_in_text,
    indented_under_value,
    list_item_on_key_line,
    unclosed_quote,
    unclosed_bracket,
    unclosed_brace,
    tab_indent,
    leading_sign_unquoted,
    malformed_flow_item,
    text_after_block_indicator,
    text_after_closing_quote,
    misaligned_line,
    missing_colon,
    unknown_escape,
    control_character,
];

/// `title: Télétravail : l’accord`: a `: ` inside an unquoted text.
fn colon_in_text(r: &Report, lang: Language) -> Option<Explained> {
    if !r.problem.starts_with("mapping values are not allowed") {
        return None;
    }
    let (key, value) = r.line.key_and_value()?;
    if r.line.start + r.line.indent() + key.len() >= r.problem_at {
        return None;
    }
    let value = value.trim();
    Some(Explained {
        message: t!(lang, "yaml-colon-in-text"),
        help: t!(
            lang,
            "yaml-write-key-value",
            key = key,
            value = quoted(value)
        ),
        at: None,
    })
}

/// A key indented under a key that already has a value.
fn indented_under_value(r: &Report, lang: Language) -> Option<Explained> {
    r.problem
        .starts_with("mapping values are not allowed")
        .then(|| Explained {
            message: t!(lang, "yaml-indented-under-value"),
            help: t!(lang, "yaml-indented-under-value-help"),
            at: None,
        })
}

/// `tags: - rh`: a list item on its key's line.
fn list_item_on_key_line(r: &Report, lang: Language) -> Option<Explained> {
    if !r
        .problem
        .starts_with("block sequence entries are not allowed")
    {
        return None;
    }
    let key = r.line.key_and_value().map(|(k, _)| k).unwrap_or("…");
    Some(Explained {
        message: t!(lang, "yaml-list-item-on-key-line"),
        help: t!(lang, "yaml-list-item-on-key-line-help", key = key),
        at: None,
    })
}

/// A quote never closed, shown at its opening mark.
fn unclosed_quote(r: &Report, lang: Language) -> Option<Explained> {
    let recognised = r.context.starts_with("scanning a quoted scalar")
        && (r.problem.starts_with("found unexpected end of stream")
            || r.problem.starts_with("found unexpected document indicator"));
    recognised.then(|| Explained {
        message: t!(lang, "yaml-unclosed-quote"),
        help: t!(lang, "yaml-unclosed-quote-help"),
        at: r.context_at.map(|at| (at, 1)),
    })
}

/// A quote left open on its line and closed, by accident, by the next quote
/// of its kind a few lines below (`title: "Formation` then `summary:
/// "Trois jours"`): libyaml reads the lines between as the text and
/// reports whatever follows the accidental closing mark. The quote is shown
/// at its opening mark when a line it swallowed starts like a key or a list
/// item at its own level or less: a text folded on purpose over several
/// lines goes on indented, and is no mistake.
fn quote_closed_lines_later(r: &Report, lang: Language) -> Option<Explained> {
    let opening = quoted_texts(r.yaml)
        .into_iter()
        .take_while(|q| q.open < r.problem_at)
        .find(|q| q.close.is_some() && swallows_entries(r.yaml, q))?
        .open;
    Some(Explained {
        message: t!(lang, "yaml-unclosed-quote"),
        help: t!(lang, "yaml-unclosed-quote-help"),
        at: Some((opening, 1)),
    })
}

/// The opening mark of a quoted text that swallowed entries of its own
/// level, in a text libyaml reads without error: `title: "Formation` then
/// `summary: "Trois jours"` makes the title run to the next `"` and the
/// lines between disappear (a `date:` among them would then be reported
/// missing, far from the mistake). A text folded over indented lines stays
/// valid; one whose lines start like a key or list item at the quote's own
/// level or above is never what a writer meant.
pub(super) fn quote_swallowing_entries(yaml: &str) -> Option<usize> {
    quoted_texts(yaml)
        .into_iter()
        .find(|q| q.close.is_some() && swallows_entries(yaml, q))
        .map(|q| q.open)
}

/// The diagnostic of a quote never closed (or closed by accident lines
/// below), at its opening mark `at` (an offset in the file).
pub(super) fn unclosed_quote_at(at: usize, source: &SourceText, lang: Language) -> Diagnostic {
    Diagnostic::error(Code::YamlSyntax, t!(lang, "yaml-unclosed-quote"))
        .at(source, at..at + 1)
        .with_help(t!(lang, "yaml-unclosed-quote-help"))
}

/// A quoted text: where its opening mark is, and its closing mark when it
/// has one (byte offsets).
#[derive(Debug, PartialEq, Eq)]
struct Quoted {
    open: usize,
    close: Option<usize>,
}

/// Every quoted text of `yaml`, in order, as libyaml reads them: a quote
/// opens one where a value may start (a line's start, after `: ` or `- `,
/// in brackets after `[`, `{` or `,`), not inside a text (`l'accueil`,
/// `Oui, 'non'`); a comment and a block text (`|`, `>`) hold none; `''`
/// inside single quotes and `\"` inside double quotes do not close.
fn quoted_texts(yaml: &str) -> Vec<Quoted> {
    let bytes = yaml.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    let mut value_may_start = true;
    let mut brackets = 0usize;
    while i < bytes.len() {
        let spaced = matches!(bytes.get(i + 1), None | Some(b' ' | b'\n' | b'\r'));
        match bytes[i] {
            quote @ (b'"' | b'\'') if value_may_start => {
                let close = closing_quote(bytes, i, quote);
                found.push(Quoted { open: i, close });
                let Some(close) = close else { break };
                i = close;
                value_may_start = false;
            }
            b'#' if i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'\n') => {
                i = line_end(bytes, i);
                continue;
            }
            b'|' | b'>' if value_may_start && brackets == 0 => {
                i = block_text_end(yaml, i);
                continue;
            }
            b'\n' => value_may_start = true,
            b'[' | b'{' if value_may_start || brackets > 0 => brackets += 1,
            b']' | b'}' => brackets = brackets.saturating_sub(1),
            b',' if brackets > 0 => value_may_start = true,
            b':' => value_may_start = spaced || brackets > 0,
            b'-' | b'?' => value_may_start &= spaced,
            b' ' | b'\t' | b'\r' => {}
            _ => value_may_start = false,
        }
        i += 1;
    }
    found
}

/// The offset of the mark that closes the quoted text opening at `open`.
fn closing_quote(bytes: &[u8], open: usize, quote: u8) -> Option<usize> {
    let mut j = open + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' if quote == b'"' => j += 1,
            b'\'' if quote == b'\'' && bytes.get(j + 1) == Some(&b'\'') => j += 1,
            b if b == quote => return Some(j),
            _ => {}
        }
        j += 1;
    }
    None
}

/// The offset of the line break that ends the line holding `at`.
fn line_end(bytes: &[u8], at: usize) -> usize {
    memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n)
}

/// Where the block text whose `|` or `>` is at `at` ends: at the line
/// break before the first line, past its own, indented no more than the
/// line of the mark (blank lines belong to the text).
fn block_text_end(yaml: &str, at: usize) -> usize {
    let bytes = yaml.as_bytes();
    let level = |line: &str| line.len() - line.trim_start_matches(' ').len();
    let own = level(Line::at(yaml, at).text);
    let mut end = line_end(bytes, at);
    while end < yaml.len() {
        let next = Line::at(yaml, end + 1).text;
        if !next.trim().is_empty() && level(next) <= own {
            break;
        }
        end = line_end(bytes, end + 1);
    }
    end
}

/// Whether a line after the first of `quoted`, up to its closing mark,
/// starts like an entry of the quote's own level or of a level above it: a
/// key (`date: …`) or a list item, indented no more than the quote's line.
fn swallows_entries(yaml: &str, quoted: &Quoted) -> bool {
    let bytes = yaml.as_bytes();
    let level = Line::at(yaml, quoted.open).indent();
    let end = quoted.close.unwrap_or(yaml.len());
    let mut at = line_end(bytes, quoted.open) + 1;
    while at <= end && at < yaml.len() {
        let line = Line::at(yaml, at);
        let entry = line.key_and_value().is_some() || line.text.trim_start().starts_with("- ");
        if entry && line.indent() <= level {
            return true;
        }
        at = line_end(bytes, at) + 1;
    }
    false
}

/// A `[` never closed, shown where it is.
fn unclosed_bracket(r: &Report, lang: Language) -> Option<Explained> {
    r.problem
        .starts_with("did not find expected ',' or ']'")
        .then(|| Explained {
            message: t!(lang, "yaml-unclosed-bracket"),
            help: t!(lang, "yaml-unclosed-bracket-help"),
            at: r.context_at.map(|at| (at, 1)),
        })
}

/// A `{` never closed, shown where it is.
fn unclosed_brace(r: &Report, lang: Language) -> Option<Explained> {
    r.problem
        .starts_with("did not find expected ',' or '}'")
        .then(|| Explained {
            message: t!(lang, "yaml-unclosed-brace"),
            help: t!(lang, "yaml-unclosed-brace-help"),
            at: r.context_at.map(|at| (at, 1)),
        })
}

/// A tab in the indentation.
fn tab_indent(r: &Report, lang: Language) -> Option<Explained> {
    let recognised = r.problem.starts_with("found a tab character")
        || (r
            .problem
            .starts_with("found character that cannot start any token")
            && r.yaml
                .get(r.problem_at..)
                .is_some_and(|rest| rest.starts_with('\t')));
    recognised.then(|| Explained {
        message: t!(lang, "yaml-tab-indent"),
        help: t!(lang, "yaml-tab-indent-help"),
        at: Some((r.problem_at, 1)),
    })
}

/// `title: *Urgent*`, `title: @Caf`: a text starting with a sign YAML
/// reads as syntax.
fn leading_sign_unquoted(r: &Report, lang: Language) -> Option<Explained> {
    let (sign, at) = leading_sign(r)?;
    let line = Line::at(r.yaml, at);
    let help = match line.key_and_value() {
        Some((key, value)) => t!(
            lang,
            "yaml-write-key-value",
            key = key,
            value = quoted(value.trim())
        ),
        None => t!(lang, "yaml-leading-sign-help"),
    };
    Some(Explained {
        message: t!(lang, "yaml-leading-sign", sign = sign.to_string()),
        help,
        at: Some((at, sign.len_utf8())),
    })
}

/// `tags: [rh, , paie]`: an empty or malformed item in brackets.
fn malformed_flow_item(r: &Report, lang: Language) -> Option<Explained> {
    let recognised = r.problem.starts_with("did not find expected node content")
        && r.context.starts_with("parsing a flow");
    recognised.then(|| Explained {
        message: t!(lang, "yaml-malformed-flow-item"),
        help: t!(lang, "yaml-malformed-flow-item-help"),
        at: None,
    })
}

/// `summary: |Le texte`: text on the line of `|` or `>`.
fn text_after_block_indicator(r: &Report, lang: Language) -> Option<Explained> {
    r.context
        .starts_with("scanning a block scalar")
        .then(|| Explained {
            message: t!(lang, "yaml-text-after-block-indicator"),
            help: t!(lang, "yaml-text-after-block-indicator-help"),
            at: None,
        })
}

/// `title: 'L'été'`: text after the quote that closes the value.
fn text_after_closing_quote(r: &Report, lang: Language) -> Option<Explained> {
    let recognised = r.problem.starts_with("did not find expected key")
        && r.line.follows_closing_quote(r.problem_at);
    recognised.then(|| Explained {
        message: t!(lang, "yaml-text-after-closing-quote"),
        help: t!(lang, "yaml-text-after-closing-quote-help"),
        at: None,
    })
}

/// A line aligned with no line above.
fn misaligned_line(r: &Report, lang: Language) -> Option<Explained> {
    let recognised = r.problem.starts_with("did not find expected key")
        || r.problem.starts_with("did not find expected '-' indicator");
    recognised.then(|| Explained {
        message: t!(lang, "yaml-misaligned-line"),
        help: t!(lang, "yaml-misaligned-line-help"),
        at: None,
    })
}

/// `date 2026-01-01`: a key without its colon, the line rewritten.
fn missing_colon(r: &Report, lang: Language) -> Option<Explained> {
    if !r.problem.starts_with("could not find expected ':'") {
        return None;
    }
    let at = r.context_at.unwrap_or(r.problem_at);
    let line = Line::at(r.yaml, at);
    let text = line.text.trim();
    let word = text.split_whitespace().next().unwrap_or(text);
    let rest = text.get(word.len()..).unwrap_or("").trim();
    Some(Explained {
        message: t!(lang, "yaml-missing-colon"),
        help: t!(lang, "yaml-write-key-value", key = word, value = rest),
        at: Some((at, word.len().max(1))),
    })
}

/// `"C:\Dossier"`: a backslash in double quotes starting no known code.
fn unknown_escape(r: &Report, lang: Language) -> Option<Explained> {
    r.problem
        .starts_with("found unknown escape character")
        .then(|| Explained {
            message: t!(lang, "yaml-unknown-escape"),
            help: t!(lang, "yaml-unknown-escape-help"),
            // The backslash and the letter after it.
            at: r
                .yaml
                .get(r.problem_at..)
                .filter(|rest| rest.starts_with('\\'))
                .map(|rest| {
                    (
                        r.problem_at,
                        1 + rest[1..].chars().next().map_or(0, char::len_utf8),
                    )
                }),
        })
}

/// An invisible control character, usually pasted.
fn control_character(r: &Report, lang: Language) -> Option<Explained> {
    r.problem
        .starts_with("control characters are not allowed")
        .then(|| Explained {
            message: t!(lang, "yaml-control-character"),
            help: t!(lang, "yaml-control-character-help"),
            // libyaml gives no line for it: the first one is found here.
            at: r
                .yaml
                .char_indices()
                .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
                .map(|(i, c)| (i, c.len_utf8())),
        })
}

/// The sign a text may not start with unquoted, and its offset, when the
/// error is one of those it causes: a `*` read as an alias (`*Important*`),
/// a `&` read as an anchor, or a character no token starts with (`@`, a
/// backquote, `%`).
fn leading_sign(r: &Report) -> Option<(char, usize)> {
    let at = if r
        .problem
        .starts_with("found character that cannot start any token")
    {
        r.problem_at
    } else if r.problem.starts_with("unknown anchor")
        || r.context.starts_with("scanning an alias")
        || r.context.starts_with("scanning an anchor")
    {
        // serde_yaml's `unknown anchor` points at the alias itself.
        r.context_at.unwrap_or(r.problem_at)
    } else {
        return None;
    };
    let sign = r.yaml.get(at..)?.chars().next()?;
    (!sign.is_whitespace()).then_some((sign, at))
}

/// A text between quotes, in the kind of quotes its content allows.
fn quoted(value: &str) -> String {
    if value.contains('"') {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        format!("\"{value}\"")
    }
}

/// The byte offset in `yaml` of the first `at line L column C` of `text`
/// (libyaml counts both from 1, columns in characters).
fn position(text: &str, yaml: &str) -> Option<usize> {
    let rest = &text[text.find(" at line ")? + " at line ".len()..];
    let (line, rest) = rest.split_once(" column ")?;
    let line: usize = line.parse().ok()?;
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let column: usize = rest[..digits].parse().ok()?;
    let start = if line <= 1 {
        0
    } else {
        yaml.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let text = &yaml[start..];
    let within = text
        .char_indices()
        .nth(column.checked_sub(1)?)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    Some(start + within)
}

/// The line of the YAML text that holds an offset.
struct Line<'a> {
    /// Byte offset of its first character.
    start: usize,
    /// Its text, without the line break.
    text: &'a str,
}

impl<'a> Line<'a> {
    fn at(yaml: &'a str, offset: usize) -> Self {
        let offset = offset.min(yaml.len());
        let start = yaml[..offset].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let end = yaml[start..]
            .find(['\n', '\r'])
            .map(|i| start + i)
            .unwrap_or(yaml.len());
        Line {
            start,
            text: &yaml[start..end],
        }
    }

    /// Bytes of spaces and list dashes before its first key or value.
    fn indent(&self) -> usize {
        self.text.len() - self.text.trim_start_matches([' ', '-']).len()
    }

    /// Its key and what follows the key's `:`, when it starts with a key.
    fn key_and_value(&self) -> Option<(&'a str, &'a str)> {
        let body = &self.text[self.indent()..];
        let colon = body
            .find(": ")
            .or_else(|| body.strip_suffix(':').map(str::len))?;
        let key = &body[..colon];
        let simple = !key.is_empty()
            && !key.starts_with(['"', '\''])
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
        simple.then(|| (key, body.get(colon + 1..).unwrap_or("")))
    }

    /// Whether `offset` comes after a quoted value of this line's key,
    /// closed before it (`title: 'L'été'`, `title: "Titre" suite`).
    fn follows_closing_quote(&self, offset: usize) -> bool {
        let Some((_, value)) = self.key_and_value() else {
            return false;
        };
        // The value is the end of the line: its offset follows from its length.
        let value = value.trim_start();
        let value_start = self.start + self.text.len() - value.len();
        let Some(quote) = value.chars().next().filter(|c| matches!(c, '"' | '\'')) else {
            return false;
        };
        value[1..]
            .find(quote)
            .is_some_and(|close| value_start + 1 + close < offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;

    #[test]
    fn a_quote_that_swallows_keys_is_found_even_when_the_yaml_is_valid() {
        let swallowing = "title: \"Formation\ndate: 2026-03-12\nsummary: \"\n";
        assert_eq!(quote_swallowing_entries(swallowing), Some(7));
        let folded = "title: \"Un titre\n  sur deux lignes\"\ndate: 2026-03-12\n";
        assert_eq!(quote_swallowing_entries(folded), None);
        let nested = "interview:\n  with: 'Karim\n  questions: []\nx: '\n";
        assert_eq!(quote_swallowing_entries(nested), Some(19));
    }

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let yaml = "title: Été\nsummary: \"à\n";
        assert_eq!(position("x at line 2 column 10", yaml), Some(22));
        assert_eq!(&yaml[22..23], "\"");
        assert_eq!(position("x at line 1 column 8", yaml), Some(7));
        assert_eq!(position("no position", yaml), None);
    }

    /// Line, column and width of a caret.
    type Caret = (usize, usize, usize);

    /// What a writer sees for `yaml`: the message, the help, and the line,
    /// column and width of the caret.
    fn seen(yaml: &str, lang: Language) -> (String, String, Caret) {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Doc {
            title: Option<crate::yaml::Text>,
            date: Option<crate::yaml::Text>,
            tags: Option<Vec<crate::yaml::Text>>,
            image: Option<std::collections::BTreeMap<String, crate::yaml::Text>>,
        }
        let source = crate::diagnostics::SourceText::new("a.md", yaml);
        let err = crate::yaml::parse::<Doc>(yaml, &source, 0, lang).unwrap_err();
        assert_eq!(
            err.code,
            Code::YamlSyntax,
            "{}",
            err.render(crate::language::Language::Fr)
        );
        let p = err.position.clone().expect("a position");
        (
            err.message.clone(),
            err.help.clone().unwrap_or_default(),
            (p.line, p.column, p.width),
        )
    }

    #[test]
    #[allow(
        clippy::too_many_lines,
        reason = "a table of mistakes and their messages, read top to bottom"
    )]
    fn every_known_mistake_is_explained_where_it_is() {
        let fr = Language::Fr;
        let cases: &[(&str, &str, &str, Caret)] = &[
            (
                "title: Télétravail : l’accord\n",
                "ce texte contient « : » : il doit être écrit entre guillemets",
                "écrivez : title: \"Télétravail : l’accord\"",
                (1, 20, 1),
            ),
            (
                "title: Le \"oui\" : résultats\n",
                "ce texte contient « : » : il doit être écrit entre guillemets",
                "écrivez : title: 'Le \"oui\" : résultats'",
                (1, 17, 1),
            ),
            (
                "title: Titre\n  date: 2026-01-01\n",
                "cette ligne est plus indentée que la clé au-dessus, qui a déjà une valeur",
                "alignez-la sur la clé au-dessus ; pour en faire une sous-clé, ne laissez rien après « : » sur la ligne de la clé au-dessus",
                (2, 7, 1),
            ),
            (
                "title: Titre\ntags: - rh\n",
                "un élément de liste (« - ») ne peut pas suivre sa clé sur la même ligne",
                "passez à la ligne après « tags: » et écrivez chaque élément sur sa propre ligne, en retrait : « - … »",
                (2, 7, 4),
            ),
            (
                "title: \"Été à Caen\ndate: 2026-01-01\n",
                "ce guillemet n’est jamais fermé",
                "fermez-le à la fin du texte ; entre apostrophes, une apostrophe du texte se double ('L''été'), ou mettez le texte entre guillemets droits (\"L'été\")",
                (1, 8, 1),
            ),
            (
                "title: Titre\ntags: [rh, été\ndate: 2026-01-01\n",
                "ce crochet « [ » n’est jamais fermé",
                "fermez la liste par « ] » sur la même ligne ; un élément qui contient une virgule ou « : » s’écrit entre guillemets",
                (2, 7, 1),
            ),
            (
                "title: Titre\n\tdate: 2026-01-01\n",
                "une tabulation sert de retrait à cette ligne",
                "remplacez-la par des espaces : YAML n’accepte que des espaces en début de ligne",
                (2, 1, 1),
            ),
            (
                "title: @Caf\n",
                "un texte qui commence par « @ » doit être écrit entre guillemets",
                "écrivez : title: \"@Caf\"",
                (1, 8, 1),
            ),
            (
                "title: *Urgent* : lisez\n",
                "un texte qui commence par « * » doit être écrit entre guillemets",
                "écrivez : title: \"*Urgent* : lisez\"",
                (1, 8, 1),
            ),
            (
                "title: *Urgent*\n",
                "un texte qui commence par « * » doit être écrit entre guillemets",
                "écrivez : title: \"*Urgent*\"",
                (1, 8, 1),
            ),
            (
                "title: `code`\n",
                "un texte qui commence par « ` » doit être écrit entre guillemets",
                "écrivez : title: \"`code`\"",
                (1, 8, 1),
            ),
            (
                "title: 'L'été'\n",
                "du texte suit le guillemet fermant",
                "mettez tout le texte entre les guillemets ; entre apostrophes, une apostrophe du texte se double ('L''été'), ou mettez le texte entre guillemets droits (\"L'été\")",
                (1, 11, 4),
            ),
            (
                "tags:\n  - rh\n - paie\n",
                "cette ligne n’est alignée sur aucune ligne au-dessus",
                "donnez-lui exactement le même retrait (le même nombre d’espaces) que les lignes de même niveau",
                (3, 2, 6),
            ),
            (
                "title: Titre\ndate 2026-01-01\n",
                "il manque « : » après la clé",
                "écrivez : date: 2026-01-01",
                (2, 1, 4),
            ),
            (
                "title: \"C:\\Dossier\"\n",
                "une barre oblique inversée « \\ » dans un texte entre guillemets droits commence un code inconnu",
                "mettez le texte entre apostrophes ('C:\\Dossier') ou doublez la barre (\\\\)",
                (1, 11, 2),
            ),
            (
                "title: Titre\ntags: [rh, , paie]\n",
                "un élément de cette liste entre crochets est vide ou mal écrit",
                "séparez les éléments par une seule virgule ; un élément qui contient « : », « [ » ou « { » s’écrit entre guillemets",
                (2, 12, 1),
            ),
            (
                "title: Titre\nsummary: |Le texte\n  suite\n",
                "après « | » ou « > », le texte commence à la ligne suivante",
                "passez à la ligne après « | » et écrivez le texte dessous, en retrait",
                (2, 11, 8),
            ),
            (
                "title: Ti\u{1}tre\n",
                "un caractère de contrôle invisible s’est glissé dans le texte",
                "effacez et retapez les caractères autour de la position indiquée (ce caractère vient souvent d’un copier-coller)",
                (1, 10, 1),
            ),
        ];
        for (yaml, message, help, at) in cases {
            let (m, h, p) = seen(yaml, fr);
            assert_eq!(
                (m.as_str(), h.as_str(), p),
                (*message, *help, *at),
                "{yaml:?}"
            );
        }
    }

    #[test]
    fn a_quote_closed_by_the_next_one_lines_below_is_shown_at_its_opening_mark() {
        let unclosed = "ce guillemet n’est jamais fermé";
        let cases: &[(&str, Caret)] = &[
            // The next double quote, on another key, closes it.
            (
                "title: \"Formation\ndate: 2026-03-12\ntags: [\"rh\", paie]\n",
                (1, 8, 1),
            ),
            // The apostrophe of a later text closes it.
            (
                "title: 'Formation\ndate: 2026-03-12\ntags: [l'accueil]\n",
                (1, 8, 1),
            ),
            // On a nested key, closed by a key of its level.
            (
                "title: Titre\nimage:\n  alt: \"Une photo\n  src: \"a.jpg\"\n",
                (3, 8, 1),
            ),
            // In a list, closed by the next item.
            ("title: Titre\ntags:\n  - 'rh\n  - 'paie'\n", (3, 5, 1)),
            // After a comment and a block text that hold quotes of their own.
            (
                "# l'été\ntitle: |\n  L'été \"chaud\"\ndate: \"2026\ntags: [\"rh\"]\n",
                (4, 7, 1),
            ),
        ];
        for (yaml, at) in cases {
            let (m, _, p) = seen(yaml, Language::Fr);
            assert_eq!((m.as_str(), p), (unclosed, *at), "{yaml:?}");
        }
    }

    #[test]
    fn a_text_folded_over_lines_between_quotes_is_no_mistake() {
        #[derive(serde::Deserialize, Debug)]
        struct Doc {
            title: String,
            summary: String,
        }
        let source = |yaml: &str| crate::diagnostics::SourceText::new("a.md", yaml);
        for (yaml, title, summary) in [
            (
                "title: \"Formation des\n  nouveaux agents\"\nsummary: \"Trois jours\"\n",
                "Formation des nouveaux agents",
                "Trois jours",
            ),
            (
                "title: 'L''accueil\n  des agents'\nsummary: 'Trois: jours'\n",
                "L'accueil des agents",
                "Trois: jours",
            ),
        ] {
            let doc: Doc =
                crate::yaml::parse(yaml, &source(yaml), 0, Language::Fr).unwrap_or_else(|d| {
                    panic!("{yaml:?}: {}", d.render(crate::language::Language::Fr))
                });
            assert_eq!((doc.title.as_str(), doc.summary.as_str()), (title, summary));
        }
        // Such a text followed by a real mistake: the mistake is reported.
        let (m, _, p) = seen(
            "title: \"Formation des\n  nouveaux agents\"\ndate: 2026 : mars\n",
            Language::Fr,
        );
        assert_eq!(
            (m.as_str(), p.0),
            (
                "ce texte contient « : » : il doit être écrit entre guillemets",
                3
            )
        );
    }

    #[test]
    fn quoted_texts_are_found_where_values_start_only() {
        let opens = |yaml: &str| -> Vec<(usize, Option<usize>)> {
            quoted_texts(yaml)
                .into_iter()
                .map(|q| (q.open, q.close))
                .collect()
        };
        assert_eq!(opens("title: l'été\n"), []);
        assert_eq!(opens("title: Oui, 'non'\n"), []);
        assert_eq!(opens("title: 'L''ete'\n"), [(7, Some(14))]);
        assert_eq!(opens("title: \"a\\\"b\"\n"), [(7, Some(12))]);
        assert_eq!(opens("tags: [a, 'b']\n"), [(10, Some(12))]);
        assert_eq!(opens("a: |\n  'x\nb: 'y'\n"), [(13, Some(15))]);
        assert_eq!(opens("a: x # 'y\nb: \"z"), [(13, None)]);
    }

    #[test]
    fn an_english_site_reads_them_in_english() {
        let (m, h, p) = seen("title: \"It's here\ndate: 2026-01-01\n", Language::En);
        assert_eq!(m, "this quote is never closed");
        assert!(h.starts_with("close it at the end of the text"), "{h}");
        assert_eq!(p, (1, 8, 1));
        let (m, h, _) = seen("title: Remote work: the deal\n", Language::En);
        assert_eq!(
            m,
            "this text contains `: `: it must be written between quotes"
        );
        assert_eq!(h, "write: title: \"Remote work: the deal\"");
    }

    #[test]
    fn an_unknown_syntax_error_keeps_libyaml_words() {
        let (m, _, _) = seen("title: !x!y z\n", Language::Fr);
        assert!(m.starts_with("YAML illisible : "), "{m}");
    }

    #[test]
    fn no_edit_of_a_front_matter_makes_the_explanation_panic_or_point_outside() {
        let base = "title: \"Été à Caen\"\r\ntags: [rh, paie]\nimage:\n  src: a.jpg\n  alt: 'L''été'\ninterview:\n  with: [a, b]\n  questions:\n    - q: Pourquoi ?\n      a: |\n        Parce que.\n";
        let inserted = [
            '"', '\'', ':', '\t', '[', '{', '*', '-', '\n', 'é', '\u{1}', '\\', '#', '&',
        ];
        let (mut explained, mut syntax) = (0, 0);
        for (at, _) in base.char_indices() {
            for c in inserted {
                let mut yaml = base.to_string();
                yaml.insert(at, c);
                let source = crate::diagnostics::SourceText::new("a.md", yaml.as_str());
                let parsed =
                    crate::yaml::parse::<serde_yaml::Value>(&yaml, &source, 0, Language::Fr);
                if let Err(d) = parsed
                    && d.code == Code::YamlSyntax
                {
                    syntax += 1;
                    let p = d.position.clone().expect("a position");
                    let lines = yaml.split('\n').count();
                    assert!(
                        p.line >= 1 && p.line <= lines,
                        "{yaml:?}: {}",
                        d.render(crate::language::Language::Fr)
                    );
                    if !d.message.starts_with("YAML illisible") {
                        explained += 1;
                    }
                }
            }
        }
        // The usual mistakes are named: nine syntax errors in ten at least.
        assert!(
            syntax > 500 && explained * 10 >= syntax * 9,
            "{explained} of {syntax} explained"
        );
    }

    #[test]
    fn quoting_keeps_the_text_readable() {
        assert_eq!(
            quoted("Télétravail : l’accord"),
            "\"Télétravail : l’accord\""
        );
        assert_eq!(quoted("Le \"oui\" l'emporte"), "'Le \"oui\" l''emporte'");
    }
}
