//! An article's front matter read for the studio's form, and written back
//! from it.
//!
//! The form edits the header as JSON (the values YAML would parse to), so
//! two directions meet here: [`read`] turns a file into those values and
//! its body, and [`write`] turns values and a body into a file. Writers
//! keep editing files by hand beside the studio, and their comments,
//! quoting and flow maps are theirs: so `write` never re-serialises a
//! whole header when it has the file as it is on disk. It cuts the
//! original header into top-level segments (a key's lines, with the
//! comment and blank lines before it), keeps every segment whose value did
//! not change byte for byte, and writes only changed or new keys in the
//! canonical layout (below). Saving an unchanged article leaves its bytes
//! unchanged; a changed key whose segment held comments is named in
//! [`Written::lost_comments`], so the studio can warn before saving.
//!
//! The canonical layout is the one of the example site and of `gazette
//! new`'s archetypes: keys in [`ORDER`] (unknown keys after, as given),
//! two-space indentation, block maps, short lists of ids and names in flow
//! style (`tags: [a, b]`), strings plain whenever YAML reads them back as
//! the same string and double-quoted otherwise, Markdown on several lines
//! as literal blocks (`|`), and dates plain so that they stay dates. The
//! body follows the closing `---` line as given: a blank line there is the
//! body's own first line.
//!
//! Everything is checked rather than trusted: the text `write` returns is
//! read back and compared with the values it was asked to write; a kept
//! segment that no longer reads the same once its neighbours changed (a
//! hand-written oddity) makes the whole header canonical instead, and a
//! value that still does not come back is an error, never a silent loss.
//! Pure functions over strings: the studio's `files` part does the I/O.

use std::fmt;

use serde_json::{Map, Number, Value};

use crate::content::front_matter;
use crate::dates;
use crate::diagnostics::{Code, SourceText};
use crate::language::Language;
use std::sync::LazyLock;

/// The canonical order of an article's top-level keys: the order of the
/// form's description (`super::model`, kept equal to the content model's
/// table in `docs/writing.md` by its tests), read once.
static ORDER: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| super::model::article().iter().map(|f| f.key).collect());

/// The lists written in flow style (`[a, b]`) when short and plain: ids,
/// names and paths. `with` is an interview's list of speakers.
const FLOW_LISTS: &[&str] = &[
    "tags",
    "organisations",
    "authors",
    "related",
    "aliases",
    "with",
];

/// The top-level keys whose values are dates, written plain.
const DATE_KEYS: &[&str] = &["date", "updated", "expires"];

/// The widest line a flow list may make; longer lists are written one item
/// a line.
const FLOW_WIDTH: usize = 80;

/// Nesting deeper than this is refused: Gazette's YAML reader stops there
/// (`yaml::depth`), so such a header could not be read back.
const MAX_DEPTH: usize = 128;

/// YAML's limit on the length of a key written on one line (a "simple
/// key"), in characters.
const MAX_KEY_CHARS: usize = 1024;

/// The front matter and body of an article file, for the form.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    /// Front-matter key → value, in the order written, as YAML parses
    /// them (dates are strings).
    pub values: Map<String, Value>,
    /// Everything after the closing `---` line, byte for byte.
    pub body: String,
}

/// An article file written by [`write`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The whole file.
    pub text: String,
    /// The top-level keys whose hand-written comments the rewrite drops,
    /// in the order of the original file.
    pub lost_comments: Vec<String>,
}

/// Why a file cannot be read, or values cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderError {
    /// The file does not start with a `---` line.
    NoFrontMatter,
    /// The front matter has no closing `---` line.
    Unclosed,
    /// The front matter is not YAML, or not a map of keys: where and why,
    /// at a 1-based line and column (in characters) of the file.
    Yaml {
        /// 1-based line in the file.
        line: usize,
        /// 1-based column in the file, in characters.
        column: usize,
        /// What the YAML reader said, in English.
        message: String,
    },
    /// A value that cannot be written as YAML that reads back the same, or
    /// YAML that has no JSON equivalent for the form.
    Unrepresentable {
        /// The top-level key holding the value.
        key: String,
        /// What is wrong with it.
        reason: String,
    },
}

impl fmt::Display for HeaderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeaderError::NoFrontMatter => {
                f.write_str("the file does not start with a `---` front-matter line")
            }
            HeaderError::Unclosed => f.write_str("the front matter has no closing `---` line"),
            HeaderError::Yaml {
                line,
                column,
                message,
            } => write!(
                f,
                "the front matter cannot be read at line {line}, column {column}: {message}"
            ),
            HeaderError::Unrepresentable { key, reason } => {
                write!(f, "the value of `{key}` cannot be written: {reason}")
            }
        }
    }
}

impl std::error::Error for HeaderError {}

/// The front matter and body of an article file, for the form.
pub fn read(text: &str) -> Result<Read, HeaderError> {
    let parts = Parts::of(text)?;
    let yaml = parse_yaml(text, &parts)?;
    Ok(Read {
        values: to_json_map(&yaml)?,
        body: parts.body(text).to_string(),
    })
}

/// The article file for `values` and `body`: when `original` (the file as
/// it is on disk) is given, only what changed is rewritten.
///
/// Empty strings, nulls, empty lists and empty maps are left out (an
/// `alt: ""` stays: it states a decorative image). `original` must be
/// readable ([`read`]'s errors otherwise).
pub fn write(
    original: Option<&str>,
    values: &Map<String, Value>,
    body: &str,
) -> Result<Written, HeaderError> {
    let wanted = normalised_map(values)?;
    for (key, value) in &wanted {
        check_writable(key, value, 0)?;
    }
    match original {
        None => {
            let text = format!("---\n{}---\n{body}", canonical_header(&wanted, "\n"));
            verified(text, &wanted, body, Vec::new())
        }
        Some(original) => write_over(original, &wanted, body),
    }
}

/// The parts of an article file around its YAML, as byte ranges.
struct Parts {
    /// The YAML text between the fences.
    yaml: std::ops::Range<usize>,
    /// The body after the closing fence's line.
    body: std::ops::Range<usize>,
    /// The file's line end, taken from its opening fence line.
    eol: &'static str,
}

impl Parts {
    /// Splits `text` with the same fences as the site's loader.
    fn of(text: &str) -> Result<Parts, HeaderError> {
        let source = SourceText::new("article.md", text);
        let split = front_matter::split(&source, Language::En).map_err(|d| match d.code {
            Code::FrontMatterMissing => HeaderError::NoFrontMatter,
            _ => HeaderError::Unclosed,
        })?;
        let eol = if text[..split.yaml.start].ends_with("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        Ok(Parts {
            yaml: split.yaml,
            body: split.body,
            eol,
        })
    }

    fn yaml<'a>(&self, text: &'a str) -> &'a str {
        &text[self.yaml.clone()]
    }

    fn body<'a>(&self, text: &'a str) -> &'a str {
        &text[self.body.clone()]
    }
}

/// The YAML of `text`'s front matter, read as the site's loader reads it
/// (with its depth limit), errors placed in the file.
fn parse_yaml(text: &str, parts: &Parts) -> Result<serde_yaml::Value, HeaderError> {
    let source = SourceText::new("article.md", text);
    let yaml = parts.yaml(text);
    crate::yaml::parse::<serde_yaml::Value>(yaml, &source, parts.yaml.start, Language::En).map_err(
        |d| {
            let (line, column) = d.position.map(|p| (p.line, p.column)).unwrap_or((1, 1));
            HeaderError::Yaml {
                line,
                column,
                message: d.message,
            }
        },
    )
}

/// The top-level map of a front matter as JSON; an empty header is an
/// empty map.
fn to_json_map(yaml: &serde_yaml::Value) -> Result<Map<String, Value>, HeaderError> {
    match yaml {
        serde_yaml::Value::Null => Ok(Map::new()),
        serde_yaml::Value::Mapping(mapping) => {
            let mut map = Map::new();
            for (key, value) in mapping {
                let key = key_text(key, "(a top-level key)")?;
                let value = to_json(value, &key)?;
                map.insert(key, value);
            }
            Ok(map)
        }
        _ => Err(HeaderError::Yaml {
            line: 2,
            column: 1,
            message: "the front matter is not a map of keys (`key: value` lines)".into(),
        }),
    }
}

/// One YAML value as JSON; `top` names the top-level key for errors.
fn to_json(yaml: &serde_yaml::Value, top: &str) -> Result<Value, HeaderError> {
    let unrepresentable = |reason: &str| HeaderError::Unrepresentable {
        key: top.to_string(),
        reason: reason.to_string(),
    };
    Ok(match yaml {
        serde_yaml::Value::Null => Value::Null,
        serde_yaml::Value::Bool(b) => Value::Bool(*b),
        serde_yaml::Value::Number(n) => yaml_number(n).ok_or_else(|| {
            unrepresentable("a number that is not finite (.nan, .inf) has no JSON form")
        })?,
        serde_yaml::Value::String(s) => Value::String(s.clone()),
        serde_yaml::Value::Sequence(items) => Value::Array(
            items
                .iter()
                .map(|item| to_json(item, top))
                .collect::<Result<_, _>>()?,
        ),
        serde_yaml::Value::Mapping(mapping) => {
            let mut map = Map::new();
            for (key, value) in mapping {
                map.insert(key_text(key, top)?, to_json(value, top)?);
            }
            Value::Object(map)
        }
        serde_yaml::Value::Tagged(_) => {
            return Err(unrepresentable("a tagged value (`!tag`) has no JSON form"));
        }
    })
}

/// A YAML number as a JSON one, if finite.
fn yaml_number(n: &serde_yaml::Number) -> Option<Value> {
    if let Some(i) = n.as_i64() {
        Some(Value::from(i))
    } else if let Some(u) = n.as_u64() {
        Some(Value::from(u))
    } else {
        n.as_f64().and_then(Number::from_f64).map(Value::Number)
    }
}

/// A YAML map key as the form's text: strings as they are, numbers and
/// booleans as written.
fn key_text(key: &serde_yaml::Value, top: &str) -> Result<String, HeaderError> {
    match key {
        serde_yaml::Value::String(s) => Ok(s.clone()),
        serde_yaml::Value::Number(n) => Ok(n.to_string()),
        serde_yaml::Value::Bool(b) => Ok(b.to_string()),
        _ => Err(HeaderError::Unrepresentable {
            key: top.to_string(),
            reason: "a map key that is not a text, a number or a boolean".into(),
        }),
    }
}

// ---------------------------------------------------------------------------
// Values: what is left out, what is equal, what can be written.

/// `values` without what is left out of a file: nulls, empty strings
/// (except an `alt`), empty lists and maps, at every level.
fn normalised_map(values: &Map<String, Value>) -> Result<Map<String, Value>, HeaderError> {
    let mut out = Map::new();
    for (key, value) in values {
        if depth(value, 0) > MAX_DEPTH {
            return Err(HeaderError::Unrepresentable {
                key: key.clone(),
                reason: format!("it nests more than {MAX_DEPTH} levels deep"),
            });
        }
        if let Some(value) = normalised(key, value) {
            out.insert(key.clone(), value);
        }
    }
    Ok(out)
}

/// How deeply `value` nests, counted up to just past the limit.
fn depth(value: &Value, at: usize) -> usize {
    if at > MAX_DEPTH {
        return at;
    }
    match value {
        Value::Array(items) => items.iter().map(|v| depth(v, at + 1)).max().unwrap_or(at),
        Value::Object(map) => map.values().map(|v| depth(v, at + 1)).max().unwrap_or(at),
        _ => at,
    }
}

/// `value` under `key` as a file holds it, or `None` when it is left out.
fn normalised(key: &str, value: &Value) -> Option<Value> {
    match value {
        Value::Null => None,
        Value::String(s) if s.is_empty() && key != "alt" => None,
        Value::Array(items) => {
            let kept: Vec<Value> = items.iter().filter_map(|v| normalised(key, v)).collect();
            (!kept.is_empty()).then_some(Value::Array(kept))
        }
        Value::Object(map) => {
            let kept: Map<String, Value> = map
                .iter()
                .filter_map(|(k, v)| normalised(k, v).map(|v| (k.clone(), v)))
                .collect();
            (!kept.is_empty()).then_some(Value::Object(kept))
        }
        other => Some(other.clone()),
    }
}

/// Equality that minds the order of map keys (the order of groups,
/// people and fields is the order the page shows).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((ka, va), (kb, vb))| ka == kb && same(va, vb))
        }
        _ => a == b,
    }
}

/// Whether a map's keys can be written: YAML's one-line keys have a
/// length limit.
fn check_writable(top: &str, value: &Value, at: usize) -> Result<(), HeaderError> {
    let too_long = |key: &str| key.chars().count() > MAX_KEY_CHARS;
    if at == 0 && too_long(top) {
        return Err(HeaderError::Unrepresentable {
            key: top.chars().take(40).collect(),
            reason: format!("a key longer than {MAX_KEY_CHARS} characters"),
        });
    }
    match value {
        Value::Array(items) => items
            .iter()
            .try_for_each(|v| check_writable(top, v, at + 1)),
        Value::Object(map) => map.iter().try_for_each(|(k, v)| {
            if too_long(k) {
                return Err(HeaderError::Unrepresentable {
                    key: top.to_string(),
                    reason: format!("a key longer than {MAX_KEY_CHARS} characters"),
                });
            }
            check_writable(top, v, at + 1)
        }),
        _ => Ok(()),
    }
}

// ---------------------------------------------------------------------------
// Writing over an original file.

/// `wanted` and `body` written over `original`, changing only what changed.
fn write_over(
    original: &str,
    wanted: &Map<String, Value>,
    body: &str,
) -> Result<Written, HeaderError> {
    let parts = Parts::of(original)?;
    let written = to_json_map(&parse_yaml(original, &parts)?)?;
    let had = normalised_map(&written)?;
    let yaml = parts.yaml(original);
    let head = &original[..parts.yaml.start];
    let tail = &original[parts.yaml.end..parts.body.start];
    let old_body = parts.body(original);
    // A body from the browser has `\n` line ends: the file's are kept.
    let body_text = if body == old_body || parts.eol == "\n" {
        body.to_string()
    } else {
        with_eol(body, parts.eol)
    };
    let minimal = segments(yaml).map(|segments| merged(yaml, &segments, &had, wanted, parts.eol));
    if let Some((new_yaml, lost)) = minimal {
        let text = format!("{head}{new_yaml}{tail}{body_text}");
        if let Ok(done) = verified(text, wanted, &body_text, lost) {
            return Ok(done);
        }
    }
    // The header cannot be cut into keys, or a kept part reads otherwise
    // among its new neighbours: the whole header is written canonically.
    let unchanged = had.len() == wanted.len()
        && wanted
            .iter()
            .all(|(k, v)| had.get(k).is_some_and(|h| same(h, v)));
    let new_yaml = if unchanged {
        yaml.to_string()
    } else {
        canonical_header(wanted, parts.eol)
    };
    let lost = if unchanged || !has_comments(yaml) {
        Vec::new()
    } else {
        written.keys().cloned().collect()
    };
    verified(
        format!("{head}{new_yaml}{tail}{body_text}"),
        wanted,
        &body_text,
        lost,
    )
}

/// `text` as written to disk if it reads back as `wanted` and `body`;
/// else the first key that does not come back.
fn verified(
    text: String,
    wanted: &Map<String, Value>,
    body: &str,
    lost_comments: Vec<String>,
) -> Result<Written, HeaderError> {
    let back = read(&text).map_err(|e| HeaderError::Unrepresentable {
        key: "(front matter)".into(),
        reason: format!("the written header does not read back ({e})"),
    })?;
    let got = normalised_map(&back.values)?;
    let differs = wanted
        .iter()
        .find(|(k, v)| got.get(*k).is_none_or(|g| !same(g, v)))
        .map(|(k, _)| k.clone())
        .or_else(|| got.keys().find(|k| !wanted.contains_key(*k)).cloned());
    if let Some(key) = differs {
        return Err(HeaderError::Unrepresentable {
            key,
            reason: "written as YAML, it does not read back as the same value".into(),
        });
    }
    if back.body != body {
        return Err(HeaderError::Unrepresentable {
            key: "(body)".into(),
            reason: "the body does not read back as given".into(),
        });
    }
    Ok(Written {
        text,
        lost_comments,
    })
}

/// One top-level key of the original header and the bytes it owns.
struct Segment {
    key: String,
    range: std::ops::Range<usize>,
}

/// The top-level segments of `yaml`: each key's lines up to the next key,
/// with the comment and blank lines written before it. `None` when the
/// header is not a block map with its keys at the start of lines (a flow
/// map, an indented map): it can then only be rewritten whole.
fn segments(yaml: &str) -> Option<Vec<Segment>> {
    let starts = top_level_key_starts(yaml)?;
    let mut bounds: Vec<usize> = Vec::with_capacity(starts.len());
    for (i, (_, at)) in starts.iter().enumerate() {
        if i == 0 {
            bounds.push(0);
            continue;
        }
        let floor = line_end(yaml, starts[i - 1].1);
        bounds.push(leading_comments_start(yaml, *at, floor));
    }
    let mut segments = Vec::with_capacity(starts.len());
    for (i, (key, _)) in starts.into_iter().enumerate() {
        let end = bounds.get(i + 1).copied().unwrap_or(yaml.len());
        segments.push(Segment {
            key,
            range: bounds[i]..end,
        });
    }
    Some(segments)
}

/// The top-level keys of `yaml` and their byte offsets, from the YAML
/// parser's events; `None` unless every key starts a line of a block map.
fn top_level_key_starts(yaml: &str) -> Option<Vec<(String, usize)>> {
    use saphyr_parser::{Event, Parser};
    let chars: Vec<usize> = yaml.char_indices().map(|(i, _)| i).collect();
    let byte = |index: usize| chars.get(index).copied().unwrap_or(yaml.len());
    let mut depth = 0usize;
    let mut expecting_key = true;
    let mut keys = Vec::new();
    for event in Parser::new_from_str(yaml) {
        let (event, span) = event.ok()?;
        let at_top = depth == 1;
        match event {
            Event::Scalar(ref text, ..) if at_top && expecting_key => {
                keys.push((text.to_string(), byte(span.start.index())));
            }
            Event::MappingStart(..) | Event::SequenceStart(..) if at_top && expecting_key => {
                return None;
            }
            _ => {}
        }
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if depth == 0 && !matches!(event, Event::MappingStart(..)) {
                    return None;
                }
                if at_top {
                    expecting_key = !expecting_key;
                }
                depth += 1;
            }
            Event::MappingEnd | Event::SequenceEnd => depth = depth.saturating_sub(1),
            Event::Scalar(..) | Event::Alias(..) if at_top => expecting_key = !expecting_key,
            _ => {}
        }
    }
    let at_line_starts = keys
        .iter()
        .all(|(_, at)| *at == 0 || yaml[..*at].ends_with('\n'));
    at_line_starts.then_some(keys)
}

/// The offset just past the line holding byte `at`.
fn line_end(yaml: &str, at: usize) -> usize {
    yaml[at..]
        .find('\n')
        .map(|i| at + i + 1)
        .unwrap_or(yaml.len())
}

/// Where the comment (`#` in the first column) and blank lines written
/// just before the key at `at` begin, no earlier than `floor`.
fn leading_comments_start(yaml: &str, at: usize, floor: usize) -> usize {
    let mut start = at;
    while start > floor {
        let previous = yaml[..start - 1].rfind('\n').map(|i| i + 1).unwrap_or(0);
        if previous < floor {
            break;
        }
        let line = yaml[previous..start].trim_end_matches(['\n', '\r']);
        if !(line.trim().is_empty() || line.starts_with('#')) {
            break;
        }
        start = previous;
    }
    start
}

/// The new header: kept segments as they are, changed keys in the
/// canonical layout in their place, new keys after the closest key that
/// precedes them in [`ORDER`]. Also the keys whose comments go.
fn merged(
    yaml: &str,
    segments: &[Segment],
    had: &Map<String, Value>,
    wanted: &Map<String, Value>,
    eol: &str,
) -> (String, Vec<String>) {
    let kept: Vec<&str> = segments
        .iter()
        .map(|s| s.key.as_str())
        .filter(|k| wanted.contains_key(*k) || !had.contains_key(*k))
        .collect();
    let added: Vec<&String> = wanted
        .keys()
        .filter(|k| !segments.iter().any(|s| &s.key == *k))
        .collect();
    let anchor_of = |key: &str| anchor(key, &kept);
    let mut out = String::new();
    let mut lost = Vec::new();
    let insert = |out: &mut String, at: Option<&str>| {
        let mut here: Vec<&String> = added
            .iter()
            .copied()
            .filter(|k| anchor_of(k) == at)
            .collect();
        here.sort_by_key(|k| rank(k).unwrap_or(ORDER.len()));
        for key in here {
            out.push_str(&canonical_entry(key, &wanted[key.as_str()], eol));
        }
    };
    if segments.is_empty() {
        // Only comments and blank lines: they stay, new keys follow.
        out.push_str(yaml);
    }
    insert(&mut out, None);
    for segment in segments {
        let text = &yaml[segment.range.clone()];
        let (before, after) = (had.get(&segment.key), wanted.get(&segment.key));
        if unchanged(before, after) {
            out.push_str(text);
        } else {
            if let Some(value) = after {
                out.push_str(&canonical_entry(&segment.key, value, eol));
            }
            if has_comments(text) {
                lost.push(segment.key.clone());
            }
        }
        if after.is_some() || before.is_none() {
            insert(&mut out, Some(segment.key.as_str()));
        }
    }
    (out, lost)
}

/// Whether a key's value is the same before and after (absent in both
/// counts: `series:` with nothing after it stays as written).
fn unchanged(before: Option<&Value>, after: Option<&Value>) -> bool {
    match (before, after) {
        (None, None) => true,
        (Some(b), Some(a)) => same(b, a),
        _ => false,
    }
}

/// The key of `kept` a new `key` goes after: the one closest before it in
/// [`ORDER`]; the last key for a key outside [`ORDER`]; `None` for the top.
fn anchor<'a>(key: &str, kept: &[&'a str]) -> Option<&'a str> {
    let Some(own) = rank(key) else {
        return kept.last().copied();
    };
    kept.iter()
        .filter_map(|k| rank(k).filter(|r| *r < own).map(|r| (r, *k)))
        .max_by_key(|(r, _)| *r)
        .map(|(_, k)| k)
}

/// The place of `key` in [`ORDER`].
fn rank(key: &str) -> Option<usize> {
    ORDER.iter().position(|k| *k == key)
}

/// `text` with every line end made `eol`.
fn with_eol(text: &str, eol: &str) -> String {
    let lf = text.replace("\r\n", "\n");
    if eol == "\n" {
        lf
    } else {
        lf.replace('\n', eol)
    }
}

/// Whether a part of a header holds a comment: a line starting with `#`,
/// or a `#` after a space outside quotes, but not inside a block text
/// (`|`, `>`), where `#` is Markdown. Errs towards yes: a studio warning
/// too many is better than a comment lost silently.
fn has_comments(text: &str) -> bool {
    let mut block_text: Option<usize> = None;
    for line in text.lines() {
        let content = line.trim_end_matches('\r');
        let trimmed = content.trim_start_matches(' ');
        let indent = content.len() - trimmed.len();
        if let Some(opener) = block_text {
            if trimmed.is_empty() || indent > opener {
                continue;
            }
            block_text = None;
        }
        if trimmed.starts_with('#') || inline_comment(trimmed) {
            return true;
        }
        if opens_block_text(trimmed) {
            block_text = Some(indent);
        }
    }
    false
}

/// Whether a line has a `#` comment after its content: a `#` after a
/// space or tab, outside a quoted scalar.
fn inline_comment(line: &str) -> bool {
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match quote {
            Some('"') if c == '\\' => {
                chars.next();
            }
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if (c == '"' || c == '\'') && " [{,:".contains(previous) => quote = Some(c),
            None if c == '#' && (previous == ' ' || previous == '\t') => return true,
            None => {}
        }
        previous = c;
    }
    false
}

/// Whether a line ends with a block text's header (`|`, `>-`, `|2`…).
fn opens_block_text(line: &str) -> bool {
    let content = line.split(" #").next().unwrap_or(line).trim_end();
    let last = content.rsplit([' ', '\t']).next().unwrap_or(content);
    let mut chars = last.chars();
    matches!(chars.next(), Some('|' | '>'))
        && chars.all(|c| c == '+' || c == '-' || c.is_ascii_digit())
}

// ---------------------------------------------------------------------------
// The canonical layout.

/// A whole header's YAML in the canonical layout: keys in [`ORDER`],
/// then the others in the order given.
fn canonical_header(values: &Map<String, Value>, eol: &str) -> String {
    let mut keys: Vec<&String> = values.keys().collect();
    keys.sort_by_key(|k| rank(k).unwrap_or(ORDER.len()));
    keys.iter()
        .map(|k| canonical_entry(k, &values[k.as_str()], eol))
        .collect()
}

/// One top-level key and its value, in the canonical layout, each line
/// ended by `eol`.
fn canonical_entry(key: &str, value: &Value, eol: &str) -> String {
    let mut lines = Vec::new();
    entry(key, value, 0, true, &mut lines);
    lines.iter().map(|l| format!("{l}{eol}")).collect()
}

/// A value as the writer reads it after a key or a dash: the part on that
/// line (`head`) and the lines after it, already indented.
struct Node {
    head: Option<String>,
    lines: Vec<String>,
}

/// `key: value` at `indent`, into `out`.
fn entry(key: &str, value: &Value, indent: usize, top: bool, out: &mut Vec<String>) {
    let pad = " ".repeat(indent);
    let name = scalar_text(key, false);
    let node = node(key, value, indent + 2, top);
    match node.head {
        Some(head) => out.push(format!("{pad}{name}: {head}")),
        None => out.push(format!("{pad}{name}:")),
    }
    out.extend(node.lines);
}

/// `- item` at `indent`, into `out`: a map's first key on the dash's line.
fn item(value: &Value, indent: usize, out: &mut Vec<String>) {
    let pad = " ".repeat(indent);
    let node = node("", value, indent + 2, false);
    match node.head {
        Some(head) => {
            out.push(format!("{pad}- {head}"));
            out.extend(node.lines);
        }
        None => {
            let mut lines = node.lines.into_iter();
            if let Some(first) = lines.next() {
                out.push(format!("{pad}- {}", &first[indent + 2..]));
            }
            out.extend(lines);
        }
    }
}

/// `value` (the value of `key`) with its inner lines at `indent`.
fn node(key: &str, value: &Value, indent: usize, top: bool) -> Node {
    let inline = |head: String| Node {
        head: Some(head),
        lines: Vec::new(),
    };
    match value {
        Value::Null => inline("null".into()),
        Value::Bool(b) => inline(b.to_string()),
        Value::Number(n) => inline(n.to_string()),
        Value::String(s) if top && DATE_KEYS.contains(&key) && is_plain_date(s) => {
            inline(s.clone())
        }
        Value::String(s) => match literal_block(s, indent) {
            Some((head, lines)) => Node {
                head: Some(head),
                lines,
            },
            None => inline(scalar_text(s, false)),
        },
        Value::Array(items) => {
            if let Some(flow) = flow_list(key, items, indent) {
                return inline(flow);
            }
            let mut lines = Vec::new();
            for value in items {
                item(value, indent, &mut lines);
            }
            Node { head: None, lines }
        }
        Value::Object(map) => {
            let mut lines = Vec::new();
            for (k, v) in map {
                entry(k, v, indent, false, &mut lines);
            }
            Node { head: None, lines }
        }
    }
}

/// `[a, b]` for a short list of plain items under a key that takes it.
fn flow_list(key: &str, items: &[Value], indent: usize) -> Option<String> {
    if !FLOW_LISTS.contains(&key) {
        return None;
    }
    let texts: Option<Vec<String>> = items
        .iter()
        .map(|v| match v {
            Value::String(s) if is_plain(s, true) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        })
        .collect();
    let flow = format!("[{}]", texts?.join(", "));
    // The key's own line: its indentation, the key, `: `.
    let width = indent.saturating_sub(2) + key.chars().count() + 2 + flow.chars().count();
    (width <= FLOW_WIDTH).then_some(flow)
}

/// A date written plain: what Gazette reads as a date, and what YAML reads
/// back as the same text.
fn is_plain_date(s: &str) -> bool {
    s.trim() == s && dates::parse(s).is_ok() && plain_characters(s, false) && reads_as_itself(s)
}

/// A one-line string, plain or double-quoted; `flow` for a flow list's
/// item.
fn scalar_text(s: &str, flow: bool) -> String {
    if is_plain(s, flow) {
        s.to_string()
    } else {
        double_quoted(s)
    }
}

/// Whether YAML reads `s`, written plain, back as the same string (in a
/// flow list when `flow`). Errs towards quoting.
fn is_plain(s: &str, flow: bool) -> bool {
    plain_characters(s, flow) && !looks_typed(s) && reads_as_itself(s)
}

/// The characters a plain scalar may hold and start with, and the
/// sequences it must not contain.
fn plain_characters(s: &str, flow: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let forbidden_start = "-?:,[]{}#&*!|>'\"%@`";
    let printable = s
        .chars()
        .all(|c| !c.is_control() && !matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}'));
    printable
        && !forbidden_start.contains(first)
        && s.trim() == s
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !(flow && s.contains([',', '[', ']', '{', '}']))
}

/// Whether `s` could be read as something else than text by some YAML
/// reader: `yes`, `no`, `null`, `~`, numbers, dates, times.
fn looks_typed(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n",
    ];
    let lower = s.to_lowercase();
    if WORDS.contains(&lower.as_str()) {
        return true;
    }
    let starts_like_number = s
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || "+-.".contains(c));
    let number_chars = s
        .chars()
        .all(|c| c.is_ascii_hexdigit() || "xXoO_:.+-".contains(c));
    starts_like_number && number_chars
}

/// Whether serde_yaml, Gazette's reader, reads `s` alone as the string `s`.
fn reads_as_itself(s: &str) -> bool {
    matches!(
        serde_yaml::from_str::<serde_yaml::Value>(s),
        Ok(serde_yaml::Value::String(back)) if back == s
    )
}

/// `s` between double quotes, with YAML's escapes.
fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            '\u{feff}' => out.push_str("\\uFEFF"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A text on several lines as a literal block: its header (`|`, `|-`,
/// `|+`, with `2` when it starts with a space) and its lines at `indent`.
/// `None` for one line, or a text a literal block cannot hold as it is
/// (a carriage return, a line of spaces, no text at all).
fn literal_block(s: &str, indent: usize) -> Option<(String, Vec<String>)> {
    if !s.contains('\n') || s.trim().is_empty() {
        return None;
    }
    let holdable = s.chars().all(|c| {
        c == '\n'
            || c == '\t'
            || (!c.is_control() && !matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}'))
    });
    let blank_with_spaces = s.split('\n').any(|l| !l.is_empty() && l.trim().is_empty());
    if !holdable || blank_with_spaces {
        return None;
    }
    let trailing = s.len() - s.trim_end_matches('\n').len();
    let (chomp, content) = match trailing {
        0 => ("-", s),
        1 => ("", &s[..s.len() - 1]),
        _ => ("+", &s[..s.len() - 1]),
    };
    let first_text = s.split('\n').find(|l| !l.is_empty()).unwrap_or("");
    let indicator = if first_text.starts_with([' ', '\t']) {
        "2"
    } else {
        ""
    };
    let pad = " ".repeat(indent);
    let lines = content
        .split('\n')
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("{pad}{l}")
            }
        })
        .collect();
    Some((format!("|{indicator}{chomp}"), lines))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::path::{Path, PathBuf};

    /// The example site's articles and sections (read, never written).
    fn examples() -> Vec<(PathBuf, String)> {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut found = Vec::new();
        for entry in walkdir::WalkDir::new(&content).sort_by_file_name() {
            let entry = entry.expect("walk content");
            if entry.path().extension().is_some_and(|e| e == "md") {
                let text = std::fs::read_to_string(entry.path()).expect("read an example");
                found.push((entry.path().to_path_buf(), text));
            }
        }
        found
    }

    /// The example articles (not the sections' `_index.md`).
    fn example_articles() -> Vec<(PathBuf, String)> {
        let articles: Vec<_> = examples()
            .into_iter()
            .filter(|(p, _)| p.file_name().is_some_and(|n| n != "_index.md"))
            .collect();
        assert!(articles.len() >= 15, "{} example articles", articles.len());
        articles
    }

    fn map(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            other => panic!("not a map: {other}"),
        }
    }

    fn unchanged(text: &str) -> Written {
        let read = read(text).expect("readable");
        write(Some(text), &read.values, &read.body).expect("writable")
    }

    /// Asserts that two headers hold the same values once what a file
    /// leaves out is left out (top-level order aside).
    fn assert_same_values(got: &Map<String, Value>, wanted: &Map<String, Value>, text: &str) {
        let got = normalised_map(got).expect("normalised");
        let wanted = normalised_map(wanted).expect("normalised");
        assert_eq!(got.len(), wanted.len(), "{wanted:?}\n{text}");
        for (key, value) in &wanted {
            assert!(
                got.get(key).is_some_and(|g| same(g, value)),
                "{key}: {wanted:?}\n{text}"
            );
        }
    }

    /// Loads `text` as the site's loader does; panics with its diagnostics.
    fn loads_in_gazette(text: &str, what: &Path) {
        let source = SourceText::new("article.md", text);
        let split = front_matter::split(&source, Language::En).expect("fences");
        if let Err(errors) = front_matter::parse_article(&source, &split, Language::En) {
            panic!("{} does not load: {errors:#?}\n{text}", what.display());
        }
    }

    #[test]
    fn every_example_is_written_back_byte_for_byte() {
        let mut articles = 0;
        for (path, text) in examples() {
            let Ok(_) = read(&text) else {
                assert!(path.ends_with("_index.md"), "{} unreadable", path.display());
                continue;
            };
            let written = unchanged(&text);
            assert_eq!(written.text, text, "{}", path.display());
            assert!(written.lost_comments.is_empty());
            articles += 1;
        }
        assert!(articles >= 15);
    }

    #[test]
    fn changing_the_title_of_an_example_changes_only_its_title_line() {
        for (path, text) in example_articles() {
            let mut read = read(&text).expect("readable");
            read.values
                .insert("title".into(), json!("Un titre : tout neuf"));
            let written = write(Some(&text), &read.values, &read.body).expect("writable");
            let (before, after): (Vec<_>, Vec<_>) =
                (text.lines().collect(), written.text.lines().collect());
            assert_eq!(before.len(), after.len(), "{}", path.display());
            let changed: Vec<_> = before.iter().zip(&after).filter(|(b, a)| b != a).collect();
            assert_eq!(changed.len(), 1, "{}: {changed:?}", path.display());
            assert!(changed[0].0.starts_with("title:"), "{}", path.display());
            assert_eq!(*changed[0].1, "title: \"Un titre : tout neuf\"");
        }
    }

    #[test]
    fn every_example_round_trips_through_the_canonical_layout_and_loads() {
        for (path, text) in example_articles() {
            let original = read(&text).expect("readable");
            let written = write(None, &original.values, &original.body).expect("writable");
            let back = read(&written.text).expect("canonical text readable");
            assert_eq!(back.body, original.body, "{}", path.display());
            assert_eq!(back.values.len(), original.values.len());
            for (key, value) in &original.values {
                assert!(same(&back.values[key], value), "{}: {key}", path.display());
            }
            loads_in_gazette(&written.text, &path);
            assert!(written.text.starts_with("---\ntitle: "), "{}", written.text);
        }
    }

    #[test]
    fn the_canonical_layout_is_the_documented_one() {
        let values = map(json!({
            "extra": {"couleur": "vert"},
            "tags": ["accueil", "santé au travail"],
            "title": "Mentorat : regards croisés",
            "date": "2026-01-21",
            "draft": true,
            "summary": "",
            "series": null,
            "authors": [],
            "organisations": ["carsat-normandie", "a, b"],
            "image": {"src": "cover.png", "alt": "", "credit": null},
            "interview": {
                "with": ["cb", "tn"],
                "questions": [
                    {"q": "Pourquoi ?", "by": "cb", "a": "Parce que.\n\nEt voilà.\n"},
                    {"q": "yes", "a": "  Indenté\nensuite"}
                ]
            },
            "principles": {"p": {"ordered": false, "items": ["Un", {"title": "Deux", "text": "Texte"}]}},
            "source": {"title": "Rapport", "page": 61}
        }));
        let written = write(None, &values, "Le texte.\n").expect("writable");
        let expected = "\
---
title: \"Mentorat : regards croisés\"
date: 2026-01-21
tags: [accueil, santé au travail]
organisations:
  - carsat-normandie
  - a, b
image:
  src: cover.png
  alt: \"\"
interview:
  with: [cb, tn]
  questions:
    - q: Pourquoi ?
      by: cb
      a: |
        Parce que.

        Et voilà.
    - q: \"yes\"
      a: |2-
          Indenté
        ensuite
principles:
  p:
    ordered: false
    items:
      - Un
      - title: Deux
        text: Texte
source:
  title: Rapport
  page: 61
draft: true
extra:
  couleur: vert
---
Le texte.
";
        assert_eq!(written.text, expected);
    }

    #[test]
    fn the_example_of_the_writers_guides_is_what_the_studio_writes() {
        let values = map(json!({
            "title": "Mentorat : regards croisés d'un binôme",
            "draft": true,
            "date": "2026-01-21",
            "tags": ["mentorat", "formation"],
            "authors": ["Claire Vasseur"],
            "interview": {"with": "cb", "questions": [{
                "q": "Qu'attendiez-vous du mentorat ?",
                "a": "Honnêtement, je ne savais pas trop.\n\nJ'ai compris assez vite.\n"
            }]}
        }));
        let body = "Lancé début 2025, le programme de mentorat associe deux collègues.\n";
        let written = write(None, &values, body).expect("writable");
        let block = format!("```yaml\n{}```\n", written.text);
        let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
        for guide in ["writing.md", "fr/rediger.md"] {
            let text = std::fs::read_to_string(docs.join(guide)).expect("a guide");
            assert!(text.contains(&block), "{guide} lacks:\n{block}");
        }
    }

    #[test]
    fn strings_are_plain_only_when_they_read_back_the_same() {
        let plain = [
            "l'accueil",
            "Qualité de vie au travail",
            "12 h 30",
            "1er mars",
            "C'est ça !",
        ];
        let quoted = [
            "yes",
            "No",
            "~",
            "null",
            "true",
            "12",
            "1.5",
            "0x1F",
            "1:30",
            ".inf",
            "+1",
            "2026-12-05",
            "- tiret",
            "a: b",
            "a #b",
            "#x",
            "'x'",
            "\"x\"",
            "fin :",
            " espace",
            "espace ",
            "tab\tici",
            "[x]",
            "{x}",
            "@x",
            "%x",
            "`x`",
            "!x",
            "&x",
            "*x",
            "|x",
            ">x",
            "?x",
            ":x",
            "ligne\u{2028}séparée",
            "a\r\nb",
            "   ",
        ];
        for s in plain {
            assert_eq!(scalar_text(s, false), s);
        }
        for s in quoted.iter().chain(&["\n\nblanc", "fin\n\n\n", "a\n  \nb"]) {
            let values = map(json!({"title": "T", "date": "2026-01-01", "summary": s}));
            let written = write(None, &values, "").expect(s);
            let back = read(&written.text).expect("readable");
            assert_eq!(back.values["summary"], json!(s), "{}", written.text);
            if !s.contains('\n') {
                assert!(
                    written.text.contains("summary: \""),
                    "{s:?} not quoted: {}",
                    written.text
                );
            }
        }
    }

    #[test]
    fn any_text_in_any_place_is_written_and_read_back() {
        const ALPHABET: &[char] = &[
            'a', 'é', ' ', ':', '#', '-', '\n', '\t', '"', '\'', '\\', '[', ']', ',', '|', '>',
            '\r', '0', '1', '.', '\u{85}', '\u{2028}', '~', '!', '&', '*', '?', '{', '%', '@', '`',
            '\u{feff}', '\u{7}',
        ];
        let mut rng = fastrand::Rng::with_seed(22);
        let mut text = || -> String {
            let len = rng.usize(0..10);
            (0..len)
                .map(|_| ALPHABET[rng.usize(..ALPHABET.len())])
                .collect()
        };
        for _ in 0..800 {
            let (a, b, c, d) = (text(), text(), text(), text());
            let values = map(json!({
                "title": a,
                "tags": [b, c],
                "extra": {d.clone(): [{"x": b, d.clone(): a}]},
            }));
            let written = write(None, &values, &c).unwrap_or_else(|e| panic!("{values:?}: {e}"));
            let back = read(&written.text).expect("readable");
            assert_same_values(&back.values, &values, &written.text);
            assert_eq!(back.body, c);
            // Over a hand-written file (LF or CRLF), beside kept keys.
            let crlf = HAND_WRITTEN.replace('\n', "\r\n");
            let original = if a.len() % 2 == 0 {
                HAND_WRITTEN
            } else {
                &crlf
            };
            let mut merged = read(original).expect("readable").values;
            merged.extend(values);
            if b.len() % 3 == 0 {
                merged.remove("quotes");
            }
            let over =
                write(Some(original), &merged, &c).unwrap_or_else(|e| panic!("{merged:?}: {e}"));
            let back = read(&over.text).expect("readable");
            assert_same_values(&back.values, &merged, &over.text);
        }
    }

    #[test]
    fn dates_are_written_plain_and_stay_dates() {
        for date in ["2026-12-05", "2026-12-05T09:30:00+01:00"] {
            let values = map(json!({"title": "T", "date": date, "updated": date}));
            let written = write(None, &values, "").expect("writable");
            assert!(
                written.text.contains(&format!("\ndate: {date}\n")),
                "{}",
                written.text
            );
            assert!(written.text.contains(&format!("\nupdated: {date}\n")));
            loads_in_gazette(&written.text, Path::new(date));
        }
    }

    const HAND_WRITTEN: &str = "\
---
# A comment before everything
title: 'Un titre « simple »'   # the headline
date: 2026-03-12

# The tags, in a flow list
tags: [a, b]
testimonials:
  - text: \"Je me suis sentie utile.\"
    by: {name: Karim B., role: Gestionnaire}
quotes:
  sens:
    text: >-
      Le sens du travail
      se construit ensemble.
draft: false
---

Le texte, après une ligne vide.
";

    #[test]
    fn hand_written_fixtures_are_written_back_byte_for_byte() {
        let crlf = HAND_WRITTEN.replace('\n', "\r\n");
        let bom = format!("\u{feff}{HAND_WRITTEN}");
        let flow_header = "---\n{title: Flow, date: 2026-01-01}\n---\nBody";
        let empty_values = "---\ntitle: T\ndate: 2026-01-01\nseries:\ntags: []\n---\n";
        let spaced_fences = "---  \ntitle: T\ndate: 2026-01-01\n---\t\nBody\n";
        let comments_only = "---\n# nothing yet\n---\n";
        for text in [
            HAND_WRITTEN,
            &crlf,
            &bom,
            flow_header,
            empty_values,
            spaced_fences,
            comments_only,
        ] {
            assert_eq!(unchanged(text).text, text);
        }
    }

    #[test]
    fn a_changed_key_is_rewritten_in_place_and_its_comments_are_reported() {
        let mut read = read(HAND_WRITTEN).expect("readable");
        read.values.insert("title".into(), json!("Un autre titre"));
        read.values.insert("tags".into(), json!(["a", "b", "c"]));
        let written = write(Some(HAND_WRITTEN), &read.values, &read.body).expect("writable");
        let expected = HAND_WRITTEN
            .replace(
                "# A comment before everything\ntitle: 'Un titre « simple »'   # the headline\n",
                "title: Un autre titre\n",
            )
            .replace(
                "\n# The tags, in a flow list\ntags: [a, b]\n",
                "tags: [a, b, c]\n",
            );
        assert_eq!(written.text, expected);
        assert_eq!(written.lost_comments, vec!["title", "tags"]);
    }

    #[test]
    fn a_removed_key_takes_its_comments_and_a_hash_in_a_text_is_no_comment() {
        let mut read = read(HAND_WRITTEN).expect("readable");
        read.values.remove("tags");
        let written = write(Some(HAND_WRITTEN), &read.values, &read.body).expect("writable");
        let expected = HAND_WRITTEN.replace("\n# The tags, in a flow list\ntags: [a, b]\n", "");
        assert_eq!(written.text, expected);
        assert_eq!(written.lost_comments, vec!["tags"]);

        let text = "---\ntitle: T\ninterview:\n  questions:\n    - q: \"Q #1\"\n      a: |\n        # Un intertitre\n        Un #mot-dièse\n---\n";
        let mut read = super::read(text).expect("readable");
        read.values
            .insert("interview".into(), json!({"questions": []}));
        let written = write(Some(text), &read.values, &read.body).expect("writable");
        assert_eq!(written.text, "---\ntitle: T\n---\n");
        assert!(
            written.lost_comments.is_empty(),
            "{:?}",
            written.lost_comments
        );
    }

    #[test]
    fn new_keys_go_after_their_predecessor_in_the_order_and_removed_keys_go() {
        let mut read = read(HAND_WRITTEN).expect("readable");
        read.values.insert("zz-theme".into(), json!("x"));
        read.values.insert("summary".into(), json!("Le chapô."));
        read.values.insert("pinned".into(), json!(true));
        read.values
            .insert("category".into(), json!("Dialogue social"));
        read.values.remove("quotes");
        read.values.insert("draft".into(), json!(null));
        let written = write(Some(HAND_WRITTEN), &read.values, &read.body).expect("writable");
        let expected = HAND_WRITTEN
            .replace(
                "date: 2026-03-12\n",
                "date: 2026-03-12\nsummary: Le chapô.\ncategory: Dialogue social\n",
            )
            .replace(
                "quotes:\n  sens:\n    text: >-\n      Le sens du travail\n      se construit ensemble.\ndraft: false\n",
                "pinned: true\nzz-theme: x\n",
            );
        assert_eq!(written.text, expected);
        assert!(written.lost_comments.is_empty());
    }

    #[test]
    fn a_crlf_file_keeps_its_line_ends_when_keys_and_body_change() {
        let crlf = HAND_WRITTEN.replace('\n', "\r\n");
        let mut read = read(&crlf).expect("readable");
        read.values.insert("title".into(), json!("Nouveau"));
        read.values.insert(
            "interview".into(),
            json!({"questions": [{"q": "Q ?", "a": "Un.\n\nDeux.\n"}]}),
        );
        let written =
            write(Some(&crlf), &read.values, "Un texte\nsur deux lignes.\n").expect("writable");
        assert!(
            !written.text.replace("\r\n", "").contains('\n'),
            "{:?}",
            written.text
        );
        assert!(written.text.contains("title: Nouveau\r\n"));
        assert!(
            written
                .text
                .ends_with("---\r\nUn texte\r\nsur deux lignes.\r\n")
        );
        let back = super::read(&written.text).expect("readable");
        assert_eq!(
            back.values["interview"]["questions"][0]["a"],
            json!("Un.\n\nDeux.\n")
        );
    }

    #[test]
    fn a_flow_header_that_changes_is_rewritten_whole() {
        let text = "---\n{title: Flow, date: 2026-01-01} # comment\n---\nBody";
        let mut read = read(text).expect("readable");
        read.values.insert("draft".into(), json!(true));
        let written = write(Some(text), &read.values, &read.body).expect("writable");
        assert_eq!(
            written.text,
            "---\ntitle: Flow\ndate: 2026-01-01\ndraft: true\n---\nBody"
        );
        assert_eq!(written.lost_comments, vec!["title", "date"]);
    }

    #[test]
    fn a_kept_part_that_would_read_otherwise_makes_the_header_canonical() {
        // The blank line belongs to `summary` (`|+` keeps it), not to `date`.
        let text = "---\ntitle: T\nsummary: |+\n  Texte\n\ndate: 2026-01-01\n---\n";
        let mut read = read(text).expect("readable");
        assert_eq!(read.values["summary"], json!("Texte\n\n"));
        read.values.remove("date");
        let written = write(Some(text), &read.values, &read.body).expect("writable");
        assert_eq!(written.text, "---\ntitle: T\nsummary: |+\n  Texte\n\n---\n");
    }

    #[test]
    fn a_new_body_is_written_as_given_and_the_old_one_kept_byte_for_byte() {
        let text = "---\ntitle: T\n---\n\nMixed\r\nends\n";
        let read = read(text).expect("readable");
        assert_eq!(read.body, "\nMixed\r\nends\n");
        assert_eq!(
            write(Some(text), &read.values, &read.body).expect("w").text,
            text
        );
        let written = write(Some(text), &read.values, "Autre\n").expect("writable");
        assert_eq!(written.text, "---\ntitle: T\n---\nAutre\n");
    }

    #[test]
    fn unreadable_files_say_where() {
        assert_eq!(read("title: x\n"), Err(HeaderError::NoFrontMatter));
        assert_eq!(read("---\ntitle: x\n"), Err(HeaderError::Unclosed));
        let err = read("---\ntitle: x\ndate: [2026\n---\nBody\n").unwrap_err();
        let HeaderError::Yaml { line, column, .. } = &err else {
            panic!("{err:?}");
        };
        assert!((*line, *column) >= (3, 1) && *line <= 4, "{err}");
        assert!(
            err.to_string()
                .starts_with("the front matter cannot be read at line")
        );
        let not_a_map = read("---\n- a\n- b\n---\n").unwrap_err();
        assert!(matches!(
            not_a_map,
            HeaderError::Yaml {
                line: 2,
                column: 1,
                ..
            }
        ));
        let nan = read("---\ntitle: x\nextra: {n: .nan}\n---\n").unwrap_err();
        assert!(matches!(&nan, HeaderError::Unrepresentable { key, .. } if key == "extra"));
        let bad = write(Some("---\ntitle: [\n---\n"), &Map::new(), "");
        assert!(matches!(bad, Err(HeaderError::Yaml { .. })), "{bad:?}");
    }

    #[test]
    fn values_that_cannot_be_written_are_refused() {
        let long_key = "k".repeat(MAX_KEY_CHARS + 1);
        let values = map(json!({"extra": {long_key: 1}}));
        let err = write(None, &values, "").unwrap_err();
        assert!(matches!(&err, HeaderError::Unrepresentable { key, .. } if key == "extra"));
        let mut deep = json!(1);
        for _ in 0..=MAX_DEPTH {
            deep = json!([deep]);
        }
        let values = map(json!({"extra": {"deep": deep}}));
        assert!(matches!(
            write(None, &values, ""),
            Err(HeaderError::Unrepresentable { .. })
        ));
    }
}
