//! Reading a document past its mistakes, so that one run reports them all.
//!
//! serde_yaml stops at the first error, and keeps positions only while it
//! reads text: a value tree read first and turned into the typed struct
//! afterwards would say what is wrong but no longer where. So the text
//! itself is read again, with each top-level entry that held an error
//! blanked out: every byte of its lines but the line ends becomes a space,
//! so the text keeps its length and every later error its line and column
//! in the writer's file. An entry is a key at the start of a line and the
//! lines under it, up to the next such key; a header's mistakes are in
//! different entries far more often than in one, and a block's own unknown
//! keys are already reported together (`every_problem`).
//!
//! Reading stops at a syntax error (nothing after it can be trusted), at
//! an error outside any entry (a missing top-level key), and when an error
//! is in an entry already left out. A syntax error met only once an entry
//! is blanked is checked against the text as written: the writer's own is
//! reported, one the blanking made is not. A document without mistakes is
//! read once, as before.

use serde::de::{DeserializeOwned, IgnoredAny};
use std::ops::Range;

use super::shapes::Hints;
use super::{depth, every_problem, locate_error, syntax, too_deep};
use crate::diagnostics::{Diagnostic, SourceText};
use crate::language::Language;

/// One problem of a reading, placed, with where it is in the YAML text.
pub(super) struct Found {
    /// What the writer sees.
    pub diagnostic: Diagnostic,
    /// Its byte offset in the YAML text.
    pub at: usize,
    /// For an unknown key, the known key suggested instead.
    pub suggested: Option<String>,
    /// Whether nothing after it can be read (a syntax error).
    pub stops: bool,
}

/// A document read past its faulty entries: the value of the others, and
/// what was wrong with those.
#[derive(Debug)]
pub struct Read<T> {
    /// The value, without the entries that could not be read.
    pub value: T,
    /// Every problem found, in the order found.
    pub errors: Vec<Diagnostic>,
    /// The top-level keys left out, and the known keys that unknown ones
    /// were taken for.
    mentioned: Vec<String>,
}

impl<T> Read<T> {
    /// Whether the writer wrote `key` at the top of the document, even
    /// misspelt (an unknown key taken for it) or with a value that could
    /// not be read: its error is already reported, so a check that finds
    /// it missing has nothing to add.
    pub fn mentioned(&self, key: &str) -> bool {
        self.mentioned.iter().any(|k| k == key)
    }
}

/// Reads `yaml`, which starts at byte `offset` of `source`, into `T`,
/// leaving out the top-level entries that cannot be read and reporting
/// each one's problems. `Err` when nothing can be read (a syntax error, a
/// value nested too deep, a problem outside any entry). `hints` words the
/// fix of a value of the wrong shape.
pub fn read<T: DeserializeOwned>(
    yaml: &str,
    source: &SourceText,
    offset: usize,
    lang: Language,
    hints: Hints,
) -> Result<Read<T>, Vec<Diagnostic>> {
    if let Some(at) = depth::too_deep(yaml) {
        return Err(vec![too_deep(offset + at, source, lang)]);
    }
    if let Some(at) = syntax::quote_swallowing_entries(yaml) {
        return Err(vec![syntax::unclosed_quote_at(offset + at, source, lang)]);
    }
    let entries = top_level_entries(yaml);
    // An empty document is an empty map, not "null".
    let mut text = if yaml.trim().is_empty() {
        "{}".to_string()
    } else {
        yaml.to_string()
    };
    let mut errors: Vec<Diagnostic> = Vec::new();
    let mut mentioned = Vec::new();
    let mut left_out: Vec<usize> = Vec::new();
    loop {
        let err = match serde_yaml::from_str::<T>(&text) {
            Ok(value) => {
                return Ok(Read {
                    value,
                    errors,
                    mentioned,
                });
            }
            Err(err) => err,
        };
        let found = every_problem(&err, yaml, source, offset, lang, hints);
        if found.iter().any(|f| f.stops) {
            if errors.is_empty() {
                errors.extend(found.into_iter().map(|f| f.diagnostic));
            } else if let Err(own) = serde_yaml::from_str::<IgnoredAny>(yaml) {
                errors.push(locate_error(&own, yaml, source, offset, lang, hints).diagnostic);
            }
            return Err(errors);
        }
        let mut progress = false;
        for f in found {
            mentioned.extend(f.suggested);
            if let Some(i) = entries.iter().position(|(_, r)| r.contains(&f.at))
                && !left_out.contains(&i)
            {
                left_out.push(i);
                mentioned.push(entries[i].0.clone());
                blank(&mut text, entries[i].1.clone());
                progress = true;
            }
            if !errors.contains(&f.diagnostic) {
                errors.push(f.diagnostic);
            }
        }
        if !progress {
            return Err(errors);
        }
    }
}

/// The entries of a block map at the top of `yaml`: each key written at
/// the start of a line, and the byte range from its line to the next one.
/// Comments and lines that start with a space belong to the entry above.
fn top_level_entries(yaml: &str) -> Vec<(String, Range<usize>)> {
    let mut entries: Vec<(String, Range<usize>)> = Vec::new();
    let mut pos = 0;
    for line in yaml.split_inclusive('\n') {
        let starts_entry = !line.starts_with([' ', '\t', '#', '-', '\r', '\n', '[', '{']);
        if starts_entry {
            if let Some(last) = entries.last_mut() {
                last.1.end = pos;
            }
            let key = line.split(':').next().unwrap_or("").trim();
            let key = key.trim_matches(['"', '\'']);
            entries.push((key.to_string(), pos..yaml.len()));
        }
        pos += line.len();
    }
    entries
}

/// `text` with the bytes of `range` made spaces, line ends kept.
fn blank(text: &mut String, range: Range<usize>) {
    let blanked: String = text[range.clone()]
        .chars()
        .map(|c| match c {
            '\n' | '\r' => c.to_string(),
            other => " ".repeat(other.len_utf8()),
        })
        .collect();
    text.replace_range(range, &blanked);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{Text, no_hints};
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Header {
        title: Option<Text>,
        tags: Option<Vec<Text>>,
        pinned: Option<bool>,
        image: Option<Image>,
    }

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Image {
        src: Text,
    }

    fn read_header(yaml: &str) -> Result<Read<Header>, Vec<Diagnostic>> {
        let src = SourceText::new("a.md", yaml);
        read::<Header>(yaml, &src, 0, Language::Fr, no_hints)
    }

    fn places(errors: &[Diagnostic]) -> Vec<(usize, usize)> {
        errors
            .iter()
            .map(|d| d.position.as_ref().map_or((0, 0), |p| (p.line, p.column)))
            .collect()
    }

    #[test]
    fn every_faulty_entry_is_reported_and_the_others_read() {
        let read = read_header(
            "titel: a\ntags: x\n# a comment\npinned: oui\nimage:\n  src: a.png\n  alt: b\ntitle: T\n",
        )
        .unwrap();
        assert_eq!(places(&read.errors), [(1, 1), (2, 7), (4, 9), (7, 3)]);
        assert_eq!(read.value.title.as_ref().map(Text::as_str), Some("T"));
        assert!(read.value.tags.is_none() && read.value.image.is_none());
        assert!(read.mentioned("tags") && read.mentioned("title") && !read.mentioned("src"));
    }

    #[test]
    fn a_syntax_error_stops_the_reading_after_the_errors_before_it() {
        let errors = read_header("titel: a\npinned: oui\ntags: [a\n").unwrap_err();
        assert_eq!(places(&errors).len(), 3, "{errors:#?}");
        assert_eq!(places(&errors)[..2], [(1, 1), (2, 9)]);
    }

    #[test]
    fn blanking_keeps_every_position() {
        let mut text = "a: é\nb: 1\r\nc: 2\n".to_string();
        blank(&mut text, 0..12);
        assert_eq!(text, "     \n    \r\nc: 2\n");
        let entries = top_level_entries("a: 1\n  x\n# c\nb: 2\n");
        assert_eq!(entries, [("a".into(), 0..13), ("b".into(), 13..18)]);
    }
}
