//! YAML as writers meet it: typed parsing whose errors point into the file
//! they have open, in their language, with the closest key suggested.
//!
//! serde_yaml reports the first problem of a document with a line and column
//! counted from the start of the YAML text; front matter starts a line or more
//! into the file, so every position is shifted by the offset of the YAML text
//! in the file before it becomes a `Diagnostic`. serde's messages are English
//! and technical (`unknown field `titel`, expected one of …`): the known shapes
//! are reworded (`wording`, and `syntax` for YAML that cannot be read at
//! all), the rest passes through. This module places them: the position,
//! the width of the caret, the path of the nested key.

use crate::diagnostics::Code;
use std::fmt;
use std::ops::Range;

use serde::de::{self, Deserialize, DeserializeOwned, Deserializer, Visitor};

use crate::diagnostics::{Diagnostic, SourceText};
use crate::language::Language;
use crate::messages::t;
use read::Found;
pub use read::{Read, read};
pub use shapes::{Hints, WrongShape, no_hints};
use wording::{Described, describe, named_and_expected, unknown_key};

mod depth;
mod entries;
mod flow;
mod read;
mod shapes;
mod syntax;
mod wording;

/// A text value that also accepts numbers and booleans, so that
/// `title: 2024` or `page: 61` are read as the text the writer sees.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Text(pub String);

impl Text {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl Visitor<'_> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

/// Reads a value that may be written in several shapes (a text, a map, a
/// list), each shape by its own type. Unlike `#[serde(untagged)]`, which
/// buffers the value and can only say that no shape matched, the shape is
/// chosen from what the YAML holds and read in place: a typo inside it is
/// reported where it is, as `unknown field` with the keys allowed there.
pub struct Shapes<T, M, S> {
    expecting: &'static str,
    text: Option<fn(Text) -> T>,
    map: Option<fn(M) -> T>,
    seq: Option<fn(S) -> T>,
}

impl<T, M, S> Shapes<T, M, S> {
    /// The shapes allowed, and what each becomes; `expecting` names them
    /// the way serde does (`a text or a map`).
    pub fn new(
        expecting: &'static str,
        text: Option<fn(Text) -> T>,
        map: Option<fn(M) -> T>,
        seq: Option<fn(S) -> T>,
    ) -> Self {
        Shapes {
            expecting,
            text,
            map,
            seq,
        }
    }

    fn scalar<E: de::Error>(self, text: String, unexpected: de::Unexpected) -> Result<T, E> {
        match self.text {
            Some(f) => Ok(f(Text(text))),
            None => Err(E::invalid_type(unexpected, &self.expecting)),
        }
    }
}

impl<'de, T, M: Deserialize<'de>, S: Deserialize<'de>> Visitor<'de> for Shapes<T, M, S> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        self.scalar(v.to_string(), de::Unexpected::Str(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        self.scalar(v.to_string(), de::Unexpected::Signed(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        self.scalar(v.to_string(), de::Unexpected::Unsigned(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        self.scalar(v.to_string(), de::Unexpected::Float(v))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<T, E> {
        self.scalar(v.to_string(), de::Unexpected::Bool(v))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        match self.map {
            Some(f) => M::deserialize(de::value::MapAccessDeserializer::new(map)).map(f),
            None => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
        match self.seq {
            Some(f) => S::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(f),
            None => Err(de::Error::invalid_type(de::Unexpected::Seq, &self)),
        }
    }
}

/// Parses `yaml`, which starts at byte `offset` of `source`, into `T`.
pub fn parse<T: DeserializeOwned>(
    yaml: &str,
    source: &SourceText,
    offset: usize,
    lang: Language,
) -> Result<T, Diagnostic> {
    parse_all(yaml, source, offset, lang).map_err(|mut all| all.swap_remove(0))
}

/// [`parse`], reporting every mistake of the document, not only the first:
/// every unknown key of a map, and every faulty entry of the top-level map
/// (see [`read`]). A writer with two misspelt keys and a wrong value fixes
/// them all after one build.
pub fn parse_all<T: DeserializeOwned>(
    yaml: &str,
    source: &SourceText,
    offset: usize,
    lang: Language,
) -> Result<T, Vec<Diagnostic>> {
    let read = read::<T>(yaml, source, offset, lang, no_hints)?;
    if read.errors.is_empty() {
        Ok(read.value)
    } else {
        Err(read.errors)
    }
}

/// What serde_yaml's error `err` makes the writer see: the error itself,
/// and every other unknown key of the map where serde met the first one
/// (serde stops at the first error; the map's other keys are read from the
/// text, at the first key's indentation).
fn every_problem(
    err: &serde_yaml::Error,
    yaml: &str,
    source: &SourceText,
    offset: usize,
    lang: Language,
    hints: Hints,
    renumber: Renumber,
) -> Vec<Found> {
    let first = locate_error(err, yaml, source, offset, lang, hints, renumber);
    let mut all = vec![first];
    let raw = strip_positions(&err.to_string());
    let (path, detail) = split_path(&raw);
    let path = path.map(renumber);
    let path = path.as_deref();
    let Some(rest) = detail.strip_prefix("unknown field `") else {
        return all;
    };
    let (key, expected) = named_and_expected(rest);
    let Some(at) = err
        .location()
        .map(|l| l.index())
        .filter(|&i| i <= yaml.len())
    else {
        return all;
    };
    for (other, start) in sibling_keys(yaml, at) {
        if start == at || other == key || expected.contains(&other) {
            continue;
        }
        let described = unknown_key(&other, &expected, lang);
        let suggested = described.suggested.clone();
        all.push(Found {
            diagnostic: placed(described, path, offset + start, other.len(), source, lang),
            at: start,
            suggested,
            stops: false,
        });
    }
    all
}

/// A collection nested deeper than [`depth::LIMIT`], at byte `at` of
/// `source`.
fn too_deep(at: usize, source: &SourceText, lang: Language) -> Diagnostic {
    let limit = depth::LIMIT;
    Diagnostic::error(Code::YamlTooDeep, t!(lang, "yaml-too-deep", limit = limit))
        .at(source, at..at + 1)
        .with_help(t!(lang, "yaml-too-deep-help"))
}

/// The keys (name, offset) of the block map that has a key at `at`: the
/// lines at that key's indentation, up to a line indented less.
fn sibling_keys(yaml: &str, at: usize) -> Vec<(String, usize)> {
    let line_start = yaml[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = at - line_start;
    if !yaml[line_start..at].chars().all(|c| c == ' ' || c == '-') {
        return Vec::new();
    }
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for line in yaml.split_inclusive('\n') {
        lines.push((pos, line.trim_end_matches(['\n', '\r'])));
        pos += line.len();
    }
    let Some(here) = lines.iter().position(|(p, _)| *p == line_start) else {
        return Vec::new();
    };
    let indent_of = |line: &str| line.len() - line.trim_start_matches([' ', '-']).len();
    let ends_map = |line: &str| {
        let content = line.trim();
        !content.is_empty() && !content.starts_with('#') && indent_of(line) < column
    };
    // A `- ` item starts its map: the lines before it belong to another.
    let starts_item =
        |line: &str| indent_of(line) == column && line.trim_start_matches(' ').starts_with('-');
    let mut first = here;
    while first > 0 && !starts_item(lines[first].1) && !ends_map(lines[first - 1].1) {
        first -= 1;
    }
    let mut keys = Vec::new();
    for (i, (pos, line)) in lines.iter().enumerate().skip(first) {
        if i > here && (ends_map(line) || starts_item(line)) {
            break;
        }
        if indent_of(line) != column {
            continue;
        }
        let rest = &line[column..];
        let Some(colon) = rest.find(':') else {
            continue;
        };
        let name = &rest[..colon];
        let is_key = !name.is_empty()
            && !name.starts_with(['#', '"', '\'', '[', '{', '&', '*', '!', '|', '>'])
            && rest[colon + 1..].chars().next().is_none_or(|c| c == ' ');
        if is_key {
            keys.push((name.trim_end().to_string(), pos + column));
        }
    }
    keys
}

/// Turns a serde_yaml error into a diagnostic placed in the writer's file.
pub fn to_diagnostic(
    err: &serde_yaml::Error,
    yaml: &str,
    source: &SourceText,
    offset: usize,
    lang: Language,
) -> Diagnostic {
    locate_error(err, yaml, source, offset, lang, no_hints, &as_written).diagnostic
}

/// Rewrites the path serde gives an error (`interview.questions[1].by`):
/// [`read`] counts the items of a list it left out, which serde did not
/// see.
type Renumber<'a> = &'a dyn Fn(&str) -> String;

/// The path as serde gives it.
fn as_written(path: &str) -> String {
    path.to_string()
}

/// A serde_yaml error placed in the writer's file, with where it is in the
/// YAML text (for [`read`] to leave its entry out).
fn locate_error(
    err: &serde_yaml::Error,
    yaml: &str,
    source: &SourceText,
    offset: usize,
    lang: Language,
    hints: Hints,
    renumber: Renumber,
) -> Found {
    let with_positions = err.to_string();
    // serde_yaml writes " at line L column C" (counted from the start of
    // the YAML, not the file) after each part: the position is shown apart.
    let raw = strip_positions(&with_positions);
    let (path, detail) = split_path(&raw);
    let path = path.map(renumber);
    let path = path.as_deref();
    let mut index = err
        .location()
        .map(|l| l.index())
        .unwrap_or(0)
        .min(yaml.len());
    if detail == "recursion limit exceeded" {
        return Found {
            diagnostic: too_deep(offset + index, source, lang),
            at: index,
            suggested: None,
            stops: true,
        };
    }
    let mut described = describe(detail, lang);
    let mut width = None;
    if described.code == Code::YamlSyntax
        && let Some(explained) = syntax::explain(&with_positions, yaml, index, lang)
    {
        described.message = explained.message;
        described.help = Some(explained.help);
        if let Some((at, w)) = explained.at {
            index = at.min(yaml.len());
            width = Some(w);
        }
    }
    // serde reports a duplicate key at the start of its map: point at the
    // second occurrence, the line to delete or merge.
    if described.code == Code::YamlDuplicateKey
        && let Some(key) = &described.key
        && let Some(at) = second_key(yaml, index, key)
    {
        index = at;
    }
    // A value of the wrong shape: the caret covers it whole, and the help
    // shows it in the right shape when the value says how.
    if described.code == Code::YamlWrongType {
        let shape = shapes::WrongShape::read(path.unwrap_or(""), detail, &yaml[index..]);
        width = Some(shape.written.len().max(1));
        if let Some(help) = hints(&shape, lang).or_else(|| shapes::generic_fix(&shape, lang)) {
            described.help = Some(help);
        }
    }
    let width = width.unwrap_or_else(|| {
        described
            .key
            .as_ref()
            .filter(|k| yaml[index..].starts_with(k.as_str()))
            .map(|k| k.len())
            .unwrap_or_else(|| token_len(&yaml[index..]))
    });
    let stops = described.code == Code::YamlSyntax;
    let suggested = described.suggested.clone();
    Found {
        diagnostic: placed(described, path, offset + index, width, source, lang),
        at: index,
        suggested,
        stops,
    }
}

/// The diagnostic of `described` at bytes `start..start + width` of
/// `source`, its message followed by the YAML path it happened in.
fn placed(
    described: Described,
    path: Option<&str>,
    start: usize,
    width: usize,
    source: &SourceText,
    lang: Language,
) -> Diagnostic {
    let mut message = described.message;
    if let Some(path) = path {
        let path = wording::path(path, lang);
        message = t!(lang, "yaml-in-path", message = message, path = path);
    }
    let mut d = Diagnostic::error(described.code, message).at(source, start..start + width);
    if let Some(help) = described.help {
        d = d.with_help(help);
    }
    d
}

/// The offset of the second `key:` of the block map that has a key at
/// `map_start`, if there is one.
fn second_key(yaml: &str, map_start: usize, key: &str) -> Option<usize> {
    sibling_keys(yaml, map_start)
        .into_iter()
        .filter(|(name, _)| name == key)
        .nth(1)
        .map(|(_, at)| at)
}

fn token_len(rest: &str) -> usize {
    rest.find(['\n', '\r', ':', ',', ']', '}'])
        .unwrap_or(rest.len())
        .max(1)
        .min(rest.len().max(1))
}

/// Removes every ` at line L column C` from a serde_yaml message.
fn strip_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(&rest[..i]);
        let after = &rest[i + " at line ".len()..];
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let tail = &after[digits..];
        match tail.strip_prefix(" column ") {
            Some(col) if digits > 0 => {
                rest = col.trim_start_matches(|c: char| c.is_ascii_digit());
            }
            _ => {
                out.push_str(" at line ");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// serde_yaml prefixes a nested error with its path: `image.src: …`.
fn split_path(raw: &str) -> (Option<&str>, &str) {
    if let Some(i) = raw.find(": ") {
        let head = &raw[..i];
        let looks_like_path = !head.is_empty()
            && !head.contains(' ')
            && head
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '[' | ']'));
        if looks_like_path {
            return (Some(head), &raw[i + 2..]);
        }
    }
    (None, raw)
}

/// The known word closest to `word`, when it is close enough to be a typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&lower, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= 2.max(c.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Finds where a key path (`["image", "alt"]`) is written in a YAML text:
/// the byte range of the last key's name, for positions of checks made after
/// parsing. Block maps, and flow maps under a key (`image: {alt: …}`);
/// `None` when the key is not found.
pub fn locate_key(yaml: &str, path: &[&str]) -> Option<Range<usize>> {
    locate(yaml, path).map(|(range, _)| range)
}

/// [`locate_key`], and whether the key is in a flow map.
fn locate(yaml: &str, path: &[&str]) -> Option<(Range<usize>, bool)> {
    let mut search_from = 0;
    let mut parent_indent: Option<usize> = None;
    let mut found: Option<(Range<usize>, bool)> = None;
    for key in path {
        if let Some((parent, in_flow)) = &found {
            let in_map = flow::key_in_map(yaml, parent.end, key);
            if *in_flow || in_map.is_some() {
                found = Some((in_map?, true));
                continue;
            }
        }
        let mut pos = search_from;
        let mut hit = None;
        for line in yaml[search_from..].split_inclusive('\n') {
            let trimmed = line.trim_start_matches([' ', '-']);
            let indent = line.len() - trimmed.len();
            let content = line.trim();
            if let Some(parent) = parent_indent
                && !content.is_empty()
                && !content.starts_with('#')
                && indent <= parent
                && pos > search_from
            {
                break;
            }
            if trimmed.starts_with(key)
                && trimmed[key.len()..]
                    .trim_start_matches(' ')
                    .starts_with(':')
            {
                hit = Some((pos + indent, indent));
                break;
            }
            pos += line.len();
        }
        let (start, indent) = hit?;
        found = Some((start..start + key.len(), false));
        parent_indent = Some(indent);
        search_from = start;
    }
    found
}

/// The byte range of the value written after a key, or of the key itself
/// when the value is on the following lines (or is empty).
pub fn locate_value(yaml: &str, path: &[&str]) -> Option<Range<usize>> {
    let (key, in_flow) = locate(yaml, path)?;
    let rest = &yaml[key.end..];
    let after_colon = rest.find(':')? + 1;
    let line_rest = &rest[after_colon..];
    let value_len = if in_flow {
        flow::value_len(line_rest)
    } else {
        line_rest.find(['\n', '\r']).unwrap_or(line_rest.len())
    };
    let value = &line_rest[..value_len];
    let lead = value.len() - value.trim_start().len();
    let trimmed = value.trim();
    // Nothing but a comment (`date:   # à compléter`): no value either.
    if trimmed.is_empty() || trimmed.starts_with('#') {
        return Some(key);
    }
    let start = key.end + after_colon + lead;
    Some(start..start + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        title: Option<Text>,
        tags: Option<Vec<Text>>,
    }

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        name: Text,
        role: Option<Text>,
    }

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct WithItems {
        title: Option<Text>,
        people: Option<Vec<Item>>,
    }

    #[test]
    fn every_unknown_key_of_the_map_is_reported() {
        let report = |yaml: &str, lang| {
            let src = SourceText::new("a.md", yaml);
            let errs = parse_all::<WithItems>(yaml, &src, 0, lang).unwrap_err();
            let shown: Vec<String> = errs
                .iter()
                .map(|d| {
                    let p = d.position.as_ref().unwrap();
                    format!("{}:{} {}", p.line, p.column, d.message)
                })
                .collect();
            (shown, errs)
        };
        let (shown, _) = report(
            "titel: a\npeople:\n  - name: A\n    rol: x\n  - nom: B\n    role: y\nsumary: b\n",
            Language::Fr,
        );
        // Every item's unknown key too: `people` is read again without
        // the faulty keys, then without the item that lacks its `name:`
        // (not said to be missing: `nom` may be it).
        assert_eq!(
            shown,
            [
                "1:1 clé inconnue « titel »",
                "7:1 clé inconnue « sumary »",
                "4:5 clé inconnue « rol » (dans « people », élément 1)",
                "5:5 clé inconnue « nom » (dans « people », élément 2)"
            ]
        );
        // Inside a list item: that item's keys together, the next item's
        // once the reading went past the first.
        let (shown, errs) = report(
            "people:\n  - name: A\n    rol: x\n    rle: z\n  - nom: B\n",
            Language::En,
        );
        assert_eq!(
            shown,
            [
                "3:5 unknown key `rol` (in `people`, item 1)",
                "4:5 unknown key `rle` (in `people`, item 1)",
                "5:5 unknown key `nom` (in `people`, item 2)"
            ]
        );
        assert_eq!(errs[1].help.as_deref(), Some("did you mean `role`?"));
    }

    #[test]
    fn unknown_key_points_into_the_file_with_a_suggestion() {
        let text = "---\ntitle: a\ntitel: b\n---\n";
        let src = SourceText::new("a.md", text);
        let err = parse::<Sample>(&text[4..20], &src, 4, Language::Fr).unwrap_err();
        assert_eq!(
            err.render(crate::language::Language::Fr),
            "erreur : clé inconnue « titel »\n --> a.md:3:1\n  |\n3 | titel: b\n  | ^^^^^\n  = aide : vouliez-vous écrire « title » ?\n"
        );
    }

    #[test]
    fn numbers_are_text() {
        let src = SourceText::new("a.md", "");
        let s: Sample = parse("title: 2024\n", &src, 0, Language::En).unwrap();
        assert_eq!(s.title.map(|t| t.0), Some("2024".to_string()));
    }

    #[test]
    fn wrong_type_in_english() {
        let src = SourceText::new("a.md", "tags: 3\n");
        let err = parse::<Sample>("tags: 3\n", &src, 0, Language::En).unwrap_err();
        assert_eq!(
            err.message,
            "wrong type of value: found integer `3`, expected a sequence (in `tags`)"
        );
        assert_eq!(err.position.map(|p| (p.line, p.column)), Some((1, 7)));
    }

    #[test]
    fn locates_nested_keys() {
        let yaml = "title: x\nimage:\n  src: a.png\n  alt: Une photo\nalt: top\n";
        let r = locate_key(yaml, &["image", "alt"]).unwrap();
        assert_eq!(&yaml[r.clone()], "alt");
        assert_eq!(r.start, yaml.find("  alt").unwrap() + 2);
        let v = locate_value(yaml, &["image", "alt"]).unwrap();
        assert_eq!(&yaml[v], "Une photo");
        assert!(locate_key(yaml, &["image", "caption"]).is_none());
        let yaml = "date:   # later\n";
        assert_eq!(locate_value(yaml, &["date"]), Some(0..4));
        // A block written on one line: the value in its flow map.
        let yaml = "title: x\nimage: {src: a.png, alt: Une photo}\n";
        let v = locate_value(yaml, &["image", "alt"]).unwrap();
        assert_eq!(&yaml[v], "Une photo");
        assert!(locate_key(yaml, &["image", "caption"]).is_none());
    }

    #[test]
    fn duplicate_key_points_at_the_second_one() {
        let yaml = "title: a\ndate: 2026-01-01\nimage:\n  src: a.png\n  alt: A\n  alt: B\ndate: 2026-01-02\n";
        let src = SourceText::new("a.md", yaml);
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct Image {
            src: Text,
            alt: Text,
        }
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct Doc {
            title: Text,
            date: Text,
            image: Image,
        }
        let err = parse::<Doc>(yaml, &src, 0, Language::En).unwrap_err();
        let pos = err.position.clone().expect("position");
        assert_eq!(
            (pos.line, pos.column, pos.width),
            (6, 3, 3),
            "{}",
            err.render(crate::language::Language::Fr)
        );
        let yaml = "title: a\ndate: 2026-01-01\ndate: 2026-01-02\n";
        let src = SourceText::new("a.md", yaml);
        let err = parse::<Sample2>(yaml, &src, 0, Language::En).unwrap_err();
        let pos = err.position.clone().expect("position");
        assert_eq!(
            (pos.line, pos.column, pos.width),
            (3, 1, 4),
            "{}",
            err.render(crate::language::Language::Fr)
        );
    }

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Sample2 {
        title: Text,
        date: Text,
    }

    #[test]
    fn serde_positions_are_removed_from_messages() {
        assert_eq!(
            strip_positions(
                "did not find expected key at line 3 column 1, while parsing a block mapping at line 1 column 1"
            ),
            "did not find expected key, while parsing a block mapping"
        );
    }

    #[test]
    fn values_nested_too_deep_are_refused_where_the_limit_is_passed() {
        for (open, close, width) in [("[", "]", 1), ("{a: ", "}", 4), ("- ", "", 2)] {
            for n in [depth::LIMIT, 100_000] {
                let yaml = format!("a: 1\nb:\n  {}x{}\n", open.repeat(n), close.repeat(n));
                let src = SourceText::new("a.md", yaml.as_str());
                let err = parse::<serde_yaml::Value>(&yaml, &src, 0, Language::Fr).unwrap_err();
                let pos = err.position.clone().expect("position");
                assert_eq!(
                    err.code,
                    Code::YamlTooDeep,
                    "{open} {n}: {}",
                    err.render(crate::language::Language::Fr)
                );
                assert_eq!(
                    err.message,
                    "les valeurs sont imbriquées sur plus de 128 niveaux"
                );
                // The document's map is the first level, `b`'s value the second.
                assert_eq!(
                    (pos.line, pos.column),
                    (3, 3 + width * (depth::LIMIT - 1)),
                    "{open} {n}"
                );
            }
        }
    }

    #[test]
    fn closest_key() {
        assert_eq!(closest("titel", ["title", "tags", "date"]), Some("title"));
        assert_eq!(closest("zzzzzz", ["title", "tags"]), None);
    }
}
