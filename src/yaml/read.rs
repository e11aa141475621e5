//! Reading a document past its mistakes, so that one run reports them all.
//!
//! serde_yaml stops at the first error, and keeps positions only while it
//! reads text: a value tree read first and turned into the typed struct
//! afterwards would say what is wrong but no longer where. So the text
//! itself is read again, with each top-level entry that held an error
//! blanked out: every byte of its lines but the line ends becomes a space,
//! so the text keeps its length and every later error its line and column
//! in the writer's file. An entry is a key at the start of a line and the
//! lines under it, up to the next such key. That reading gives the value.
//!
//! The mistakes inside the entries left out (two questions of one
//! interview, two items of `testimonials:`) are found by a second reading
//! (`nested`) that blanks only the innermost entry holding each one, a map
//! key or a list item (`entries`), so that its neighbours are read too.
//! Its value is not kept, and what its blanking alone causes is not
//! reported: a key then missing from its map, an item's number shifted by
//! the items before it left out (the path is counted in the text).
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
use super::{as_written, depth, entries, every_problem, locate_error, syntax, too_deep};
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
    /// A document read without a mistake: `value`, taken from a cache of
    /// the readings of this very text.
    pub fn clean(value: T) -> Read<T> {
        Read {
            value,
            errors: Vec::new(),
            mentioned: Vec::new(),
        }
    }

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
                if !errors.is_empty() {
                    let more = nested::<T>(yaml, source, offset, lang, hints, &errors);
                    errors.extend(more);
                }
                return Ok(Read {
                    value,
                    errors,
                    mentioned,
                });
            }
            Err(err) => err,
        };
        let found = every_problem(&err, yaml, source, offset, lang, hints, &as_written);
        if found.iter().any(|f| f.stops) {
            if errors.is_empty() {
                errors.extend(found.into_iter().map(|f| f.diagnostic));
            } else {
                let more = nested::<T>(yaml, source, offset, lang, hints, &errors);
                errors.extend(more);
                if let Err(own) = serde_yaml::from_str::<IgnoredAny>(yaml) {
                    errors.push(
                        locate_error(&own, yaml, source, offset, lang, hints, &as_written)
                            .diagnostic,
                    );
                }
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
            errors.extend(nested::<T>(yaml, source, offset, lang, hints, &errors));
            return Err(errors);
        }
    }
}

/// The problems nested in the entries that [`read`] left out whole, not
/// yet in `known`: the text is read again with only the innermost entry
/// (map key or list item) that holds each mistake blanked, so that its
/// neighbours are read too. The value of this reading is not kept: a block
/// read in part would make the checks that follow (an image without its
/// `alt:`, a question without its `by:`) report what was only misspelt.
///
/// An entry alone in its block is not blanked but its block, which would
/// otherwise be empty; a map missing a key after one of its entries was
/// blanked is blanked whole, silently: the key may be the one blanked.
fn nested<T: DeserializeOwned>(
    yaml: &str,
    source: &SourceText,
    offset: usize,
    lang: Language,
    hints: Hints,
    known: &[Diagnostic],
) -> Vec<Diagnostic> {
    let tree = entries::entries(yaml);
    let mut text = yaml.to_string();
    let mut blanked: Vec<usize> = Vec::new();
    let mut more: Vec<Diagnostic> = Vec::new();
    while !text.trim().is_empty() {
        let Err(err) = serde_yaml::from_str::<T>(&text) else {
            break;
        };
        let at = err.location().map_or(0, |l| l.index());
        let renumber = |path: &str| renumbered(&tree, at, path);
        let found = every_problem(&err, yaml, source, offset, lang, hints, &renumber);
        if found.iter().any(|f| f.stops) {
            break;
        }
        let missing = err.to_string().contains("missing field `");
        let mut progress = false;
        for f in found {
            let mut target = entries::innermost(&tree, f.at);
            if missing {
                // serde places a missing key at the first key of its map.
                target = target.and_then(|i| {
                    if tree[i].range.start == f.at {
                        tree[i].parent
                    } else {
                        Some(i)
                    }
                });
                let caused = blanked.iter().any(|&b| match target {
                    Some(map) => entries::within(&tree, b, map),
                    None => true,
                });
                if caused {
                    progress |= leave_out(&tree, target, &mut blanked, &mut text);
                    continue;
                }
            }
            progress |= leave_out(&tree, target, &mut blanked, &mut text);
            if !known.contains(&f.diagnostic) && !more.contains(&f.diagnostic) {
                more.push(f.diagnostic);
            }
        }
        if !progress {
            break;
        }
    }
    more
}

/// `path` with the index of each list item that holds byte `at` counted
/// in the text as written, blanked items included: serde numbers only the
/// items it reads.
fn renumbered(tree: &[entries::Entry], at: usize, path: &str) -> String {
    let mut indices = Vec::new();
    let mut up = entries::innermost(tree, at);
    while let Some(i) = up {
        let parent = tree[i].parent;
        if tree[i].key == "-" {
            let before = tree[..i]
                .iter()
                .filter(|e| e.parent == parent && e.key == "-");
            indices.push(before.count());
        }
        up = parent;
    }
    // The outermost item's index comes first; a flow list's, after all.
    indices.reverse();
    let mut out = String::new();
    let mut rest = path;
    let mut written = indices.into_iter();
    while let Some(open) = rest.find('[')
        && let Some(close) = rest[open..].find(']').map(|c| open + c)
    {
        out.push_str(&rest[..=open]);
        match written.next() {
            Some(n) => out.push_str(&n.to_string()),
            None => out.push_str(&rest[open + 1..close]),
        }
        out.push(']');
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Blanks entry `target` in `text`, or the block holding it when its
/// neighbours are all blanked already; false when it is already blanked
/// or is the whole document.
fn leave_out(
    tree: &[entries::Entry],
    target: Option<usize>,
    blanked: &mut Vec<usize>,
    text: &mut String,
) -> bool {
    let gone = |i: usize, blanked: &[usize]| blanked.iter().any(|&b| entries::within(tree, i, b));
    let Some(mut target) = target else {
        return false;
    };
    loop {
        if gone(target, blanked) {
            return false;
        }
        let parent = tree[target].parent;
        let alone = !tree
            .iter()
            .enumerate()
            .any(|(i, e)| i != target && e.parent == parent && !gone(i, blanked));
        match parent {
            Some(p) if alone => target = p,
            _ => break,
        }
    }
    blanked.push(target);
    blank(text, tree[target].range.clone());
    true
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
    fn every_mistake_of_one_block_is_reported_and_no_more() {
        // `src` wrong and `alt` unknown in one entry, then a second image
        // whose `src` is missing, written: no "src is missing" for the first.
        let errors = read_header("image:\n  src: [a]\n  alt: b\ntags: [x]\n")
            .unwrap()
            .errors;
        assert_eq!(places(&errors), [(2, 8), (3, 3)], "{errors:#?}");
        let errors = read_header("tags:\n  - a\n  - [b]\n  - [c]\n")
            .unwrap()
            .errors;
        assert_eq!(places(&errors), [(3, 5), (4, 5)], "{errors:#?}");
        assert!(
            errors[1].message.contains("élément 3"),
            "{:?}",
            errors[1].message
        );
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
